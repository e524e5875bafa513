import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { s3Errors } from './errors';

/**
 * Buckets and objects on disk: one folder per bucket, and per object a JSON sidecar (key, type,
 * ETag, metadata) that names its body file. A write puts the new body in a fresh file, then
 * renames a new sidecar over the old one: that rename is the commit, so a reader sees the old
 * object or the new one, never half of one, even if the process dies mid-write.
 */

export interface ObjectInfo {
  key: string;
  size: number;
  /** Quoted MD5 of the body, as S3 gives it for single-part uploads. */
  etag: string;
  contentType: string;
  lastModified: string;
  /** User metadata (`x-amz-meta-*`), names without the prefix. */
  metadata: Record<string, string>;
}

interface Sidecar extends ObjectInfo {
  bodyFile: string;
}

/** S3's naming rules for new buckets; they also keep a bucket name a single safe folder name. */
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const MAX_KEY_BYTES = 1024;

const isMissing = (err: unknown) => (err as { code?: string } | null)?.code === 'ENOENT';

export class ObjectStore {
  /** Writes to one key run one after another, so a replaced body is always cleaned up. */
  private readonly writes = new Map<string, Promise<unknown>>();

  constructor(private readonly root: string) {}

  private bucketDir(bucket: string): string {
    if (!BUCKET_NAME.test(bucket)) throw s3Errors.invalidBucketName(bucket);
    return join(this.root, bucket);
  }

  /** Keys can hold any character and reach 1024 bytes: the file name is their hash instead. */
  private sidecarPath(bucket: string, key: string): string {
    if (Buffer.byteLength(key) > MAX_KEY_BYTES) throw s3Errors.keyTooLong();
    return join(this.bucketDir(bucket), `${createHash('sha256').update(key).digest('hex')}.json`);
  }

  private async writeAtomic(dir: string, file: string, data: Buffer | string): Promise<void> {
    const temp = join(dir, `.tmp-${randomBytes(8).toString('hex')}`);
    // Objects are QR codes that carry TOTP secrets: readable by their owner only.
    await writeFile(temp, data, { mode: 0o600 });
    await rename(temp, join(dir, file));
  }

  async hasBucket(bucket: string): Promise<boolean> {
    try {
      return (await stat(this.bucketDir(bucket))).isDirectory();
    } catch (err) {
      if (isMissing(err)) return false;
      throw err;
    }
  }

  private async requireBucket(bucket: string): Promise<string> {
    if (!(await this.hasBucket(bucket))) throw s3Errors.noSuchBucket(bucket);
    return this.bucketDir(bucket);
  }

  async createBucket(bucket: string): Promise<void> {
    if (await this.hasBucket(bucket)) throw s3Errors.bucketOwned(bucket);
    await mkdir(this.bucketDir(bucket), { recursive: true, mode: 0o700 });
  }

  private async readSidecar(path: string): Promise<Sidecar | undefined> {
    try {
      return JSON.parse(await readFile(path, 'utf8')) as Sidecar;
    } catch (err) {
      if (isMissing(err)) return undefined;
      throw err;
    }
  }

  private serialized<T>(id: string, work: () => Promise<T>): Promise<T> {
    const run = (this.writes.get(id) ?? Promise.resolve()).catch(() => undefined).then(work);
    this.writes.set(id, run);
    void run
      .finally(() => {
        if (this.writes.get(id) === run) this.writes.delete(id);
      })
      .catch(() => undefined);
    return run;
  }

  async putObject(
    bucket: string,
    key: string,
    body: Buffer,
    contentType: string,
    metadata: Record<string, string>,
  ): Promise<ObjectInfo> {
    const dir = await this.requireBucket(bucket);
    const path = this.sidecarPath(bucket, key);
    return this.serialized(path, async () => {
      const previous = await this.readSidecar(path);
      const bodyFile = `${randomBytes(12).toString('hex')}.body`;
      const sidecar: Sidecar = {
        key,
        size: body.length,
        etag: `"${createHash('md5').update(body).digest('hex')}"`,
        contentType,
        lastModified: new Date().toISOString(),
        metadata,
        bodyFile,
      };
      await this.writeAtomic(dir, bodyFile, body);
      await this.writeAtomic(dir, path.slice(dir.length + 1), JSON.stringify(sidecar));
      if (previous) await rm(join(dir, previous.bodyFile), { force: true });
      return toInfo(sidecar);
    });
  }

  /** The object's description, or undefined when there is no such key. */
  async headObject(bucket: string, key: string): Promise<ObjectInfo | undefined> {
    await this.requireBucket(bucket);
    const sidecar = await this.readSidecar(this.sidecarPath(bucket, key));
    return sidecar && toInfo(sidecar);
  }

  async getObject(bucket: string, key: string): Promise<{ info: ObjectInfo; body: Buffer } | undefined> {
    const dir = await this.requireBucket(bucket);
    const path = this.sidecarPath(bucket, key);
    // A concurrent overwrite may delete the body between reading the sidecar and the body: read again.
    for (let attempt = 0; attempt < 3; attempt++) {
      const sidecar = await this.readSidecar(path);
      if (!sidecar) return undefined;
      try {
        return { info: toInfo(sidecar), body: await readFile(join(dir, sidecar.bodyFile)) };
      } catch (err) {
        if (!isMissing(err)) throw err;
      }
    }
    throw s3Errors.internal();
  }

  /** Deleting a key that does not exist succeeds, as in S3. */
  async deleteObject(bucket: string, key: string): Promise<void> {
    const dir = await this.requireBucket(bucket);
    const path = this.sidecarPath(bucket, key);
    await this.serialized(path, async () => {
      const sidecar = await this.readSidecar(path);
      if (!sidecar) return;
      await rm(path, { force: true });
      await rm(join(dir, sidecar.bodyFile), { force: true });
    });
  }

  /** Every object of the bucket, sorted by key. */
  async listObjects(bucket: string): Promise<ObjectInfo[]> {
    const dir = await this.requireBucket(bucket);
    const files = (await readdir(dir)).filter((file) => file.endsWith('.json'));
    const sidecars = await Promise.all(files.map((file) => this.readSidecar(join(dir, file))));
    return sidecars
      .filter((s): s is Sidecar => s !== undefined)
      .map(toInfo)
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }
}

function toInfo({ bodyFile: _bodyFile, ...info }: Sidecar): ObjectInfo {
  return info;
}
