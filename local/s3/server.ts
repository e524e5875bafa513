import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { LOCAL_CREDENTIALS, type LocalCredentials } from '../credentials';
import { FULL_ACCESS, IamDirectory, LOCAL_ACCOUNT_ID, type Principal } from '../iam/directory';
import { closeServer, httpUrl, listen, LOOPBACK } from '../net';
import { decodeAwsChunked } from './chunked';
import { S3Error, s3Errors } from './errors';
import { listPage } from './list';
import { checkPayload, verifySignature } from './sigv4';
import { ObjectStore, type ObjectInfo } from './store';
import { errorXml, listObjectsV2Xml } from './xml';

/**
 * A small S3 for the offline stack: exactly what the MFA QR archive uses (buckets, put, get, head,
 * delete, list), path-style only (clients set `forcePathStyle`). Every request must be signed
 * by a known key, in the Authorization header or as a presigned URL, and be allowed by that key's
 * policy; presigned URLs expire as on S3, so the QR links behave as they do in AWS.
 */

/**
 * The policy action each request needs, on the object or the bucket: S3's own mapping of API
 * operations to actions (HeadObject needs s3:GetObject, HeadBucket and ListObjectsV2 s3:ListBucket).
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-with-s3-policy-actions.html
 */
function requiredPermission(method: string, url: ParsedUrl): { action: string; resource: string } | undefined {
  if (url.bucket === undefined) return undefined;
  const bucketArn = `arn:aws:s3:::${url.bucket}`;
  if (url.key !== undefined) {
    const action = { GET: 's3:GetObject', HEAD: 's3:GetObject', PUT: 's3:PutObject', DELETE: 's3:DeleteObject' }[method];
    return action ? { action, resource: `${bucketArn}/${url.key}` } : undefined;
  }
  const action = { GET: 's3:ListBucket', HEAD: 's3:ListBucket', PUT: 's3:CreateBucket' }[method];
  return action ? { action, resource: bucketArn } : undefined;
}

export interface S3Options {
  port: number;
  /** Defaults to 127.0.0.1. */
  host?: string;
  /** Buckets and objects live here and survive restarts. */
  dataDir: string;
  /** The only key accepted, with full access, when no `iam` is given; defaults to the stack's local credentials. */
  credentials?: LocalCredentials;
  /** Keys and their policies: every request must be signed by one of them and allowed by its policy. */
  iam?: IamDirectory;
  /** Milliseconds since the epoch, for presigned URL expiry; defaults to Date.now. */
  clock?: () => number;
  /** Largest object accepted by PutObject; defaults to 25 MiB. */
  maxObjectBytes?: number;
}

export interface LocalS3 {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Query parameters that carry a signature or name the SDK operation: they select no feature. */
const isSignatureParam = (name: string) => name.toLowerCase().startsWith('x-amz-') || name === 'x-id';

const BUCKET_PARAMS = new Set([
  'list-type',
  'prefix',
  'delimiter',
  'max-keys',
  'start-after',
  'continuation-token',
  'encoding-type',
  'fetch-owner',
]);

/** GetObject's response-header overrides, which S3 honours on signed requests. */
const RESPONSE_OVERRIDES: Readonly<Record<string, string>> = {
  'response-content-type': 'Content-Type',
  'response-content-disposition': 'Content-Disposition',
  'response-content-language': 'Content-Language',
  'response-content-encoding': 'Content-Encoding',
  'response-cache-control': 'Cache-Control',
  'response-expires': 'Expires',
};

interface ParsedUrl {
  rawPath: string;
  query: Array<[string, string]>;
  bucket?: string;
  key?: string;
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw new S3Error(400, 'InvalidURI', "Couldn't parse the specified URI.");
  }
}

function parseUrl(url: string): ParsedUrl {
  const q = url.indexOf('?');
  const rawPath = q < 0 ? url : url.slice(0, q);
  // Not URLSearchParams: it reads "+" as a space, which SigV4 canonicalisation does not.
  const query = (q < 0 ? '' : url.slice(q + 1))
    .split('&')
    .filter(Boolean)
    .map((pair): [string, string] => {
      const eq = pair.indexOf('=');
      return eq < 0 ? [decode(pair), ''] : [decode(pair.slice(0, eq)), decode(pair.slice(eq + 1))];
    });
  const slash = rawPath.indexOf('/', 1);
  const bucket = rawPath.length > 1 ? decode(slash < 0 ? rawPath.slice(1) : rawPath.slice(1, slash)) : undefined;
  const key = slash < 0 || slash === rawPath.length - 1 ? undefined : decode(rawPath.slice(slash + 1));
  return { rawPath, query, bucket, key };
}

function headerText(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

async function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    // Chunked framing adds a little: allow for it before the decoded size is known.
    if (size > maxBytes + 64 * 1024) throw s3Errors.tooLarge(maxBytes);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function objectHeaders(info: ObjectInfo): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Type': info.contentType,
    'Content-Length': String(info.size),
    ETag: info.etag,
    'Last-Modified': new Date(info.lastModified).toUTCString(),
  };
  for (const [name, value] of Object.entries(info.metadata)) headers[`x-amz-meta-${name}`] = value;
  return headers;
}

function userMetadata(req: IncomingMessage): Record<string, string> {
  const metadata: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (name.startsWith('x-amz-meta-') && value !== undefined) metadata[name.slice('x-amz-meta-'.length)] = String(value);
  }
  return metadata;
}

function refuseUnknownParams(query: ParsedUrl['query'], allowed: (name: string) => boolean): void {
  const unknown = query.find(([name]) => !isSignatureParam(name) && !allowed(name));
  if (unknown) throw s3Errors.notImplemented(unknown[0]);
}

export async function startS3(options: S3Options): Promise<LocalS3> {
  const host = options.host ?? LOOPBACK;
  const credentials = options.credentials ?? LOCAL_CREDENTIALS;
  const iam =
    options.iam ??
    new IamDirectory([{ ...credentials, arn: `arn:aws:iam::${LOCAL_ACCOUNT_ID}:user/local-deployer`, grants: FULL_ACCESS }]);
  const clock = options.clock ?? Date.now;
  const maxObjectBytes = options.maxObjectBytes ?? 25 * 1024 * 1024;
  await mkdir(options.dataDir, { recursive: true, mode: 0o700 });
  const store = new ObjectStore(options.dataDir);

  async function putObject(req: IncomingMessage, res: ServerResponse, bucket: string, key: string, payloadHash: string) {
    let body = await readBody(req, maxObjectBytes);
    checkPayload(payloadHash, body);
    if (payloadHash.startsWith('STREAMING-')) {
      if (payloadHash !== 'STREAMING-UNSIGNED-PAYLOAD-TRAILER') {
        throw s3Errors.notImplemented(`x-amz-content-sha256: ${payloadHash}`);
      }
      body = decodeAwsChunked(body);
    }
    if (body.length > maxObjectBytes) throw s3Errors.tooLarge(maxObjectBytes);
    const contentType = headerText(req, 'content-type') ?? 'binary/octet-stream';
    const info = await store.putObject(bucket, key, body, contentType, userMetadata(req));
    res.writeHead(200, { ETag: info.etag, 'Content-Length': '0' }).end();
  }

  /**
   * S3's answer for a missing object: 404 NoSuchKey only to a caller who may list the bucket,
   * 403 AccessDenied otherwise, so a caller cannot learn which keys exist.
   * https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html (Permissions)
   */
  const missing = (principal: Principal, bucket: string, key: string) =>
    iam.authorize('s3', principal, 's3:ListBucket', `arn:aws:s3:::${bucket}`) ? s3Errors.noSuchKey(key) : s3Errors.accessDenied();

  async function objectRequest(req: IncomingMessage, res: ServerResponse, url: ParsedUrl, payloadHash: string, principal: Principal) {
    const bucket = url.bucket!;
    const key = url.key!;
    refuseUnknownParams(url.query, (name) => req.method === 'GET' && name in RESPONSE_OVERRIDES);
    switch (req.method) {
      case 'PUT':
        return putObject(req, res, bucket, key, payloadHash);
      case 'GET': {
        const found = await store.getObject(bucket, key);
        if (!found) throw missing(principal, bucket, key);
        const headers = objectHeaders(found.info);
        for (const [name, value] of url.query) {
          const header = RESPONSE_OVERRIDES[name];
          if (header) headers[header] = value;
        }
        return void res.writeHead(200, headers).end(found.body);
      }
      case 'HEAD': {
        const info = await store.headObject(bucket, key);
        if (!info) throw missing(principal, bucket, key);
        return void res.writeHead(200, objectHeaders(info)).end();
      }
      case 'DELETE':
        await store.deleteObject(bucket, key);
        return void res.writeHead(204).end();
      default:
        throw s3Errors.methodNotAllowed(req.method ?? '');
    }
  }

  async function bucketRequest(req: IncomingMessage, res: ServerResponse, url: ParsedUrl) {
    const bucket = url.bucket!;
    refuseUnknownParams(url.query, (name) => req.method === 'GET' && BUCKET_PARAMS.has(name));
    switch (req.method) {
      case 'PUT':
        // The body, if any, is a CreateBucketConfiguration naming a region: one region here.
        await readBody(req, 64 * 1024);
        await store.createBucket(bucket);
        return void res.writeHead(200, { Location: `/${bucket}`, 'Content-Length': '0' }).end();
      case 'HEAD':
        if (!(await store.hasBucket(bucket))) throw s3Errors.noSuchBucket(bucket);
        return void res.writeHead(200).end();
      case 'GET':
        return listObjects(res, bucket, new Map(url.query));
      default:
        throw s3Errors.methodNotAllowed(req.method ?? '');
    }
  }

  async function listObjects(res: ServerResponse, bucket: string, params: Map<string, string>) {
    if (params.get('list-type') !== '2') throw s3Errors.notImplemented('ListObjects (version 1): use ListObjectsV2');
    const maxKeysText = params.get('max-keys') ?? '1000';
    if (!/^\d+$/.test(maxKeysText)) {
      throw new S3Error(400, 'InvalidArgument', 'Provided max-keys not an integer or within integer range');
    }
    const encodingType = params.get('encoding-type');
    if (encodingType !== undefined && encodingType !== 'url') {
      throw new S3Error(400, 'InvalidArgument', 'Invalid Encoding Method specified in Request');
    }
    const query = {
      prefix: params.get('prefix') ?? '',
      delimiter: params.get('delimiter') || undefined,
      maxKeys: Math.min(Number(maxKeysText), 1000),
      startAfter: params.get('start-after'),
      continuationToken: params.get('continuation-token'),
    };
    const page = listPage(await store.listObjects(bucket), query);
    const xml = listObjectsV2Xml({ bucket, ...query, ...page, encodingType });
    res.writeHead(200, { 'Content-Type': 'application/xml', 'Content-Length': String(Buffer.byteLength(xml)) }).end(xml);
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const requestId = randomBytes(8).toString('hex').toUpperCase();
    res.setHeader('x-amz-request-id', requestId);
    try {
      const url = parseUrl(req.url ?? '/');
      const method = req.method ?? 'GET';
      const { accessKeyId, payloadHash } = verifySignature(
        { method, rawPath: url.rawPath, query: url.query, headers: req.headers },
        iam.secretOf,
        clock(),
      );
      if (url.bucket === undefined) throw s3Errors.notImplemented('ListBuckets');
      const principal = iam.principal(accessKeyId)!;
      const needed = requiredPermission(method, url);
      if (needed && !iam.authorize('s3', principal, needed.action, needed.resource)) throw s3Errors.accessDenied();
      await (url.key === undefined ? bucketRequest(req, res, url) : objectRequest(req, res, url, payloadHash, principal));
    } catch (err) {
      if (!(err instanceof S3Error)) console.error('local S3: internal error', err);
      const error = err instanceof S3Error ? err : s3Errors.internal();
      if (res.headersSent) return void res.destroy();
      // HEAD answers never have a body, errors included: the status is all a client gets.
      if (req.method === 'HEAD') return void res.writeHead(error.status).end();
      const xml = errorXml(error.code, error.message, error.details, requestId);
      res
        .writeHead(error.status, { 'Content-Type': 'application/xml', 'Content-Length': String(Buffer.byteLength(xml)) })
        .end(xml);
    }
  }

  const server = createServer((req, res) => void handle(req, res));
  const port = await listen(server, options.port, host);
  return { url: httpUrl(host, port), port, close: () => closeServer(server) };
}
