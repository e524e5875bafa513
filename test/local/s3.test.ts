import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CREDENTIALS } from '../../local/credentials';
import { PortInUseError } from '../../local/net';
import { startS3, type LocalS3 } from '../../local/s3/server';

const BUCKET = 'mfa-qr-archive';
/** A few bytes that are not valid UTF-8, so a text round trip would show. */
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0x00, 0xfe]);

let dataDir: string;
let s3: LocalS3;
let now = Date.now();

const clientFor = (url: string, credentials = LOCAL_CREDENTIALS) =>
  new S3Client({ endpoint: url, forcePathStyle: true, region: 'eu-west-1', credentials });
let client: S3Client;

async function failure(promise: Promise<unknown>): Promise<{ name: string; status?: number }> {
  try {
    await promise;
  } catch (err) {
    const e = err as { name: string; $metadata?: { httpStatusCode?: number } };
    return { name: e.name, status: e.$metadata?.httpStatusCode };
  }
  throw new Error('expected the call to fail');
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'local-s3-'));
  s3 = await startS3({ port: 0, dataDir, clock: () => now });
  client = clientFor(s3.url);
  await client.send(new CreateBucketCommand({ Bucket: BUCKET }));
});

afterAll(async () => {
  await s3.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('local S3 buckets', () => {
  it('listens on loopback', () => {
    expect(s3.url).toBe(`http://127.0.0.1:${s3.port}`);
  });

  it('answers HeadBucket for a bucket it has and 404 for one it does not', async () => {
    await expect(client.send(new HeadBucketCommand({ Bucket: BUCKET }))).resolves.toBeDefined();
    expect(await failure(client.send(new HeadBucketCommand({ Bucket: 'no-such-bucket' })))).toEqual({
      name: 'NotFound',
      status: 404,
    });
  });

  it('refuses to create a bucket twice and refuses invalid names', async () => {
    expect(await failure(client.send(new CreateBucketCommand({ Bucket: BUCKET })))).toEqual({
      name: 'BucketAlreadyOwnedByYou',
      status: 409,
    });
    expect(await failure(client.send(new CreateBucketCommand({ Bucket: 'Bad_Name' })))).toEqual({
      name: 'InvalidBucketName',
      status: 400,
    });
  });

  it('refuses objects in a bucket that does not exist', async () => {
    const put = client.send(new PutObjectCommand({ Bucket: 'no-such-bucket', Key: 'k', Body: 'x' }));
    expect(await failure(put)).toEqual({ name: 'NoSuchBucket', status: 404 });
  });
});

describe('local S3 objects', () => {
  it('stores and returns bytes, content type and metadata', async () => {
    const put = await client.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: 'mfa-qr/user 1+a.png',
        Body: PNG,
        ContentType: 'image/png',
        Metadata: { owner: 'u1' },
      }),
    );
    expect(put.ETag).toMatch(/^"[0-9a-f]{32}"$/);
    const got = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'mfa-qr/user 1+a.png' }));
    expect(Buffer.from(await got.Body!.transformToByteArray())).toEqual(PNG);
    expect(got).toMatchObject({ ContentType: 'image/png', ContentLength: PNG.length, ETag: put.ETag, Metadata: { owner: 'u1' } });
    const head = await client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'mfa-qr/user 1+a.png' }));
    expect(head).toMatchObject({ ContentType: 'image/png', ContentLength: PNG.length, ETag: put.ETag });
  });

  it('decodes a streamed (aws-chunked) upload', async () => {
    const body = Readable.from([Buffer.from('streamed '), Buffer.from('upload')]);
    await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'streamed', Body: body, ContentLength: 15 }));
    const got = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'streamed' }));
    expect(await got.Body!.transformToString()).toBe('streamed upload');
  });

  it('replaces an object on overwrite and leaves no old body behind', async () => {
    await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'replaced', Body: 'first' }));
    const before = await readdir(join(dataDir, BUCKET));
    await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'replaced', Body: 'second' }));
    const got = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'replaced' }));
    expect(await got.Body!.transformToString()).toBe('second');
    expect((await readdir(join(dataDir, BUCKET))).length).toBe(before.length);
  });

  it('answers a missing key with NoSuchKey (404) on GET and a bodiless 404 on HEAD', async () => {
    expect(await failure(client.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'missing' })))).toEqual({
      name: 'NoSuchKey',
      status: 404,
    });
    expect(await failure(client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'missing' })))).toEqual({
      name: 'NotFound',
      status: 404,
    });

    const getUrl = await getSignedUrl(client, new GetObjectCommand({ Bucket: BUCKET, Key: 'missing' }), { expiresIn: 60 });
    const get = await fetch(getUrl);
    expect(get.status).toBe(404);
    expect(get.headers.get('content-type')).toBe('application/xml');
    const xml = await get.text();
    expect(xml).toContain('<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><Key>missing</Key>');

    const headUrl = await getSignedUrl(client, new HeadObjectCommand({ Bucket: BUCKET, Key: 'missing' }), { expiresIn: 60 });
    const head = await fetch(headUrl, { method: 'HEAD' });
    expect(head.status).toBe(404);
    expect(await head.text()).toBe('');
  });

  it('deletes objects, and deleting a missing key succeeds', async () => {
    await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'doomed', Body: 'x' }));
    await client.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: 'doomed' }));
    expect(await failure(client.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'doomed' })))).toMatchObject({
      name: 'NoSuchKey',
    });
    await expect(client.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: 'doomed' }))).resolves.toBeDefined();
  });

  it('keeps objects across a restart on the same data folder', async () => {
    await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'durable', Body: 'kept' }));
    const again = await startS3({ port: 0, dataDir });
    try {
      const got = await clientFor(again.url).send(new GetObjectCommand({ Bucket: BUCKET, Key: 'durable' }));
      expect(await got.Body!.transformToString()).toBe('kept');
    } finally {
      await again.close();
    }
  });
});

describe('local S3 listing', () => {
  const bucket = 'listing-bucket';
  beforeAll(async () => {
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
    for (const key of ['a/1', 'a/2', 'a/3', 'b/1', 'c'])
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: key }));
  });

  it('lists by prefix', async () => {
    const out = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'a/' }));
    expect(out.Contents?.map((o) => o.Key)).toEqual(['a/1', 'a/2', 'a/3']);
    expect(out).toMatchObject({ KeyCount: 3, IsTruncated: false });
    expect(out.Contents?.[0]).toMatchObject({ Size: 3, StorageClass: 'STANDARD' });
  });

  it('groups keys under a delimiter', async () => {
    const out = await client.send(new ListObjectsV2Command({ Bucket: bucket, Delimiter: '/' }));
    expect(out.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['a/', 'b/']);
    expect(out.Contents?.map((o) => o.Key)).toEqual(['c']);
  });

  it('pages with continuation tokens', async () => {
    const keys: string[] = [];
    let token: string | undefined;
    for (let page = 0; page < 5; page++) {
      const out = await client.send(new ListObjectsV2Command({ Bucket: bucket, MaxKeys: 2, ContinuationToken: token }));
      keys.push(...(out.Contents ?? []).map((o) => o.Key!));
      token = out.NextContinuationToken;
      expect(out.IsTruncated).toBe(token !== undefined);
      if (!token) break;
    }
    expect(keys).toEqual(['a/1', 'a/2', 'a/3', 'b/1', 'c']);
  });
});

describe('local S3 signatures', () => {
  const key = 'mfa-qr/presigned.png';
  beforeAll(async () => {
    await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: PNG, ContentType: 'image/png' }));
  });

  const presign = (expiresIn: number, signer = client) =>
    getSignedUrl(signer, new GetObjectCommand({ Bucket: BUCKET, Key: key }), { expiresIn });

  async function errorOf(url: string): Promise<{ status: number; code?: string; message?: string }> {
    const response = await fetch(url);
    const xml = await response.text();
    return {
      status: response.status,
      code: /<Code>(.*?)<\/Code>/.exec(xml)?.[1],
      message: /<Message>(.*?)<\/Message>/.exec(xml)?.[1],
    };
  }

  it('serves a presigned GET URL as a browser opens it', async () => {
    const url = await presign(600);
    expect(url.startsWith(`${s3.url}/${BUCKET}/`)).toBe(true);
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(PNG);
  });

  it('refuses a presigned URL once it has expired, as S3 does', async () => {
    // The presigner dates the URL with the real clock: start the server's clock there, however long loading took.
    now = Date.now();
    const url = await presign(1);
    expect((await fetch(url)).status).toBe(200);
    const saved = now;
    now += 2000;
    try {
      const refused = await errorOf(url);
      expect(refused).toEqual({ status: 403, code: 'AccessDenied', message: 'Request has expired' });
    } finally {
      now = saved;
    }
  });

  it('refuses a presigned URL whose signature or parameters were altered', async () => {
    const url = new URL(await presign(60));
    const signature = url.searchParams.get('X-Amz-Signature')!;
    const tampered = new URL(url);
    tampered.searchParams.set(
      'X-Amz-Signature',
      signature.replace(/^./, (c) => (c === '0' ? '1' : '0')),
    );
    expect(await errorOf(tampered.href)).toMatchObject({ status: 403, code: 'SignatureDoesNotMatch' });
    const extended = new URL(url);
    extended.searchParams.set('X-Amz-Expires', '604800');
    expect(await errorOf(extended.href)).toMatchObject({ status: 403, code: 'SignatureDoesNotMatch' });
  });

  it('refuses URLs signed with another secret or key, and unsigned requests', async () => {
    const wrongSecret = clientFor(s3.url, { ...LOCAL_CREDENTIALS, secretAccessKey: 'not-the-secret' });
    expect(await errorOf(await presign(60, wrongSecret))).toMatchObject({ status: 403, code: 'SignatureDoesNotMatch' });
    const wrongKey = clientFor(s3.url, { ...LOCAL_CREDENTIALS, accessKeyId: 'AKIAOTHERKEY00000000' });
    expect(await errorOf(await presign(60, wrongKey))).toMatchObject({ status: 403, code: 'InvalidAccessKeyId' });
    expect(await errorOf(`${s3.url}/${BUCKET}/${key}`)).toEqual({ status: 403, code: 'AccessDenied', message: 'Access Denied' });
  });

  it('verifies header-signed SDK requests too', async () => {
    const wrongSecret = clientFor(s3.url, { ...LOCAL_CREDENTIALS, secretAccessKey: 'not-the-secret' });
    expect(await failure(wrongSecret.send(new GetObjectCommand({ Bucket: BUCKET, Key: key })))).toEqual({
      name: 'SignatureDoesNotMatch',
      status: 403,
    });
  });

  it('refuses a body that is not the one signed', async () => {
    type Middleware = Parameters<S3Client['middlewareStack']['addRelativeTo']>[0];
    type Next = (args: { request: { body?: unknown } }) => Promise<unknown>;
    // Runs after signing: the body changes, the signed hash does not.
    const swapBody = (next: Next) => async (args: Parameters<Next>[0]) => {
      args.request.body = 'SWAPPED';
      return next(args);
    };
    const tampering = clientFor(s3.url);
    tampering.middlewareStack.addRelativeTo(swapBody as unknown as Middleware, {
      relation: 'after',
      toMiddleware: 'httpSigningMiddleware',
      name: 'swapBody',
    });
    const put = tampering.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'tampered', Body: 'genuine' }));
    expect(await failure(put)).toEqual({ name: 'XAmzContentSHA256Mismatch', status: 400 });
    expect(await failure(client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'tampered' })))).toMatchObject({ status: 404 });
  });
});

describe('local S3 start-up', () => {
  it('names the port when it is taken', async () => {
    const error = await startS3({ port: s3.port, dataDir }).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(PortInUseError);
    expect((error as PortInUseError).port).toBe(s3.port);
  });

  it('frees its port on close', async () => {
    const other = await startS3({ port: 0, dataDir });
    await other.close();
    const again = await startS3({ port: other.port, dataDir });
    await again.close();
  });
});
