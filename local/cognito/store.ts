import { open, mkdir, readdir, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { emptyState, type State } from './state';

const FILE = 'cognito.json';

async function fsyncPath(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * The emulator's state: one object in memory, one JSON file on disk. `flush` writes the file
 * only when the state changed, through a synced temporary file renamed over the old one, so a
 * crash at any moment (even kill -9) leaves either the old state or the new one, never half.
 */
export class StateStore {
  private written: string;

  private constructor(
    readonly state: State,
    private readonly dir: string | undefined,
  ) {
    this.written = JSON.stringify(state);
  }

  /** State kept in memory only, for tests. */
  static memory(): StateStore {
    return new StateStore(emptyState(), undefined);
  }

  static async open(dir: string): Promise<StateStore> {
    await mkdir(dir, { recursive: true });
    // Temporary files left by a crash mid-write hold nothing the real file lacks.
    for (const name of await readdir(dir)) {
      if (name.startsWith(`${FILE}.`) && name.endsWith('.tmp')) await unlink(join(dir, name));
    }
    const text = await readFile(join(dir, FILE), 'utf8').catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return undefined;
      throw err;
    });
    if (text === undefined) return new StateStore(emptyState(), dir);
    const state = JSON.parse(text) as State;
    if (state.version !== 1) throw new Error(`${join(dir, FILE)} has an unknown format version.`);
    return new StateStore(state, dir);
  }

  async flush(): Promise<void> {
    const text = JSON.stringify(this.state);
    if (text === this.written || !this.dir) {
      this.written = text;
      return;
    }
    const file = join(this.dir, FILE);
    const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    const handle = await open(temp, 'w', 0o600);
    try {
      await handle.writeFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
    // The rename itself must reach the disk too.
    await fsyncPath(this.dir);
    this.written = text;
  }
}
