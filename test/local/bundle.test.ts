import { existsSync } from 'node:fs';
import { rm, utimes, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleContents, prepareBundles, pruneChunks } from '../../local/lambda/bundle';

/** The offline build: functions share chunks, and a rebuild leaves none behind that nothing loads. */
describe('offline function builds', () => {
  beforeAll(() => prepareBundles(['login', 'logout']));

  it('give each function its entry and the chunks it shares with others', async () => {
    const [login, logout] = await Promise.all([bundleContents('login'), bundleContents('logout')]);
    expect(login.files[0]).toBe(login.file);
    const shared = login.files.filter((file) => logout.files.includes(file));
    expect(shared.length).toBeGreaterThan(0);
    for (const file of [...login.files, ...logout.files]) expect(existsSync(file), file).toBe(true);
  });

  it('prune chunks no function names once they are older than the build, and keep the rest', async () => {
    const login = await bundleContents('login');
    const chunks = dirname(login.files[1]!);
    const orphan = join(chunks, 'chunk-ORPHANED0.mjs');
    const fresh = join(chunks, 'chunk-WRITING00.mjs');
    await writeFile(orphan, 'export {};');
    await writeFile(`${orphan}.map`, '{}');
    await utimes(orphan, new Date(0), new Date(0));
    await utimes(`${orphan}.map`, new Date(0), new Date(0));
    await writeFile(fresh, 'export {};');
    const before = Date.now() - 60_000;
    await utimes(fresh, new Date(before + 30_000), new Date(before + 30_000));

    await pruneChunks(before);

    expect(existsSync(orphan)).toBe(false);
    expect(existsSync(`${orphan}.map`)).toBe(false);
    // Written after the build started: another process's build may not have named it yet.
    expect(existsSync(fresh)).toBe(true);
    for (const file of login.files) expect(existsSync(file), file).toBe(true);
    await rm(fresh);
  });
});
