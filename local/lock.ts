import { open, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * One stack per data folder: two stacks on one folder would overwrite each other's users and QR
 * codes. The lock file names the running stack's process and addresses, so the second start can say
 * which stack to stop.
 */

export const LOCK_FILE = 'stack.lock';

export interface LockOwner {
  pid: number;
  /** The running stack's addresses, once it has them. */
  urls?: Record<string, string>;
}

export class DataDirLockedError extends Error {
  override name = 'DataDirLockedError';
  constructor(
    readonly dataDir: string,
    readonly owner: LockOwner,
  ) {
    const where = owner.urls ? `: ${Object.entries(owner.urls).map(([name, url]) => `${name} ${url}`).join(', ')}` : '';
    super(
      `Another local stack (pid ${owner.pid}${where}) is using ${dataDir}: stop it first (Ctrl-C in its terminal), or start this one with another --data-dir.`,
    );
  }
}

function isRunning(pid: number): boolean {
  try {
    // Signal 0 only checks that the process exists.
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readOwner(file: string): Promise<LockOwner | undefined> {
  try {
    const owner = JSON.parse(await readFile(file, 'utf8')) as LockOwner;
    return Number.isInteger(owner.pid) ? owner : undefined;
  } catch {
    return undefined;
  }
}

/** The process holding `dataDir`'s lock while it still runs: a local stack is running there. */
export async function runningOwner(dataDir: string): Promise<LockOwner | undefined> {
  const owner = await readOwner(join(dataDir, LOCK_FILE));
  return owner && isRunning(owner.pid) ? owner : undefined;
}

export interface DataDirLock {
  /** Records the running stack's addresses in the lock, for the message another start shows. */
  describe(urls: Record<string, string>): Promise<void>;
  release(): Promise<void>;
}

/** Takes the folder's lock; a lock left by a process that no longer runs is taken over. */
export async function lockDataDir(dataDir: string): Promise<DataDirLock> {
  const file = join(dataDir, LOCK_FILE);
  const write = (owner: LockOwner) => writeFile(file, `${JSON.stringify(owner)}\n`, { mode: 0o600 });
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      // 'wx' creates the file or fails if it exists: of two starts at once, one wins.
      const handle = await open(file, 'wx', 0o600);
      await handle.writeFile(`${JSON.stringify({ pid: process.pid })}\n`);
      await handle.close();
      return {
        describe: (urls) => write({ pid: process.pid, urls }),
        release: () => rm(file, { force: true }),
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = await readOwner(file);
      if (owner && isRunning(owner.pid)) throw new DataDirLockedError(dataDir, owner);
      // Stale: its stack ended without a clean stop.
      await rm(file, { force: true });
    }
  }
  throw new DataDirLockedError(dataDir, (await readOwner(file)) ?? { pid: -1 });
}
