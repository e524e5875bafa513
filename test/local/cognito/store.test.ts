import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { StateStore } from '../../../local/cognito/store';

const dirs: string[] = [];
const freshDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'cognito-store-'));
  dirs.push(dir);
  return dir;
};

afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('StateStore', () => {
  it('starts empty, writes on flush, and reads back what it wrote', async () => {
    const dir = await freshDir();
    const store = await StateStore.open(dir);
    expect(store.state).toEqual({ version: 1, pools: {}, refreshTokens: {}, sessions: {} });
    await store.flush();
    // Nothing changed yet: nothing written.
    expect(await readdir(dir)).toEqual([]);
    store.state.sessions.abc = { poolId: 'p', clientId: 'c', username: 'u', challenge: 'MFA_SETUP', expiresAt: 1, wrongCodes: 0 };
    await store.flush();
    expect(await readdir(dir)).toEqual(['cognito.json']);
    expect((await StateStore.open(dir)).state).toEqual(store.state);
  });

  it('drops temporary files a crash left behind and keeps the last complete state', async () => {
    const dir = await freshDir();
    const store = await StateStore.open(dir);
    store.state.sessions.abc = { poolId: 'p', clientId: 'c', username: 'u', challenge: 'MFA_SETUP', expiresAt: 1, wrongCodes: 0 };
    await store.flush();
    await writeFile(join(dir, 'cognito.json.0badc0ffee00.tmp'), '{"version":1,"poo');
    const reopened = await StateStore.open(dir);
    expect(Object.keys(reopened.state.sessions)).toEqual(['abc']);
    expect(await readdir(dir)).toEqual(['cognito.json']);
  });

  it('refuses a file of another format instead of starting over', async () => {
    const dir = await freshDir();
    await writeFile(join(dir, 'cognito.json'), JSON.stringify({ version: 99 }));
    await expect(StateStore.open(dir)).rejects.toThrow('unknown format version');
    expect(JSON.parse(await readFile(join(dir, 'cognito.json'), 'utf8'))).toEqual({ version: 99 });
  });

  it('keeps memory-only state for tests', async () => {
    const store = StateStore.memory();
    store.state.pools = {};
    await expect(store.flush()).resolves.toBeUndefined();
  });
});
