import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NoGatewayError, resolveGateway } from '../../examples/spa/gateway';
import { lockDataDir } from '../../local/lock';

/** `npm run spa` follows the stack running on the data folder it is given. */

const NO_ENV = {};
const STACK = { graphqlUrl: 'http://127.0.0.1:43999/graphql', apiKey: 'da2-local-key' };

async function dataDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'auth-gateway-spa-dir-'));
}

describe('resolveGateway', () => {
  it("reads the running stack's address and key from the data folder it is given", async () => {
    const dir = await dataDir();
    await writeFile(join(dir, 'stack.json'), JSON.stringify({ ...STACK, region: 'eu-west-1' }));
    const lock = await lockDataDir(dir);
    try {
      expect(await resolveGateway(dir, NO_ENV)).toEqual(STACK);
    } finally {
      await lock.release();
    }
  });

  it('refuses a folder with no running stack, naming it and the command that starts one', async () => {
    const dir = await dataDir();
    const refusal = resolveGateway(dir, NO_ENV);
    await expect(refusal).rejects.toBeInstanceOf(NoGatewayError);
    await expect(refusal).rejects.toThrow(`No local stack is running on ${dir}`);
    await expect(refusal).rejects.toThrow(`npm start -- --data-dir ${dir}`);
  });

  it('refuses a stack.json left by a stack that no longer runs', async () => {
    const dir = await dataDir();
    await writeFile(join(dir, 'stack.json'), JSON.stringify(STACK));
    // A pid no process has: the highest Linux allows is 2^22.
    await writeFile(join(dir, 'stack.lock'), JSON.stringify({ pid: 2 ** 22 + 1 }));
    await expect(resolveGateway(dir, NO_ENV)).rejects.toThrow(`The local stack on ${dir} is no longer running`);
  });

  it('follows VITE_GRAPHQL_URL and VITE_API_KEY when both are set', async () => {
    const env = { VITE_GRAPHQL_URL: 'https://api.example.com/graphql', VITE_API_KEY: 'da2-deployed' };
    expect(await resolveGateway(await dataDir(), env)).toEqual({ graphqlUrl: env.VITE_GRAPHQL_URL, apiKey: env.VITE_API_KEY });
  });
});

describe('npm run spa', () => {
  it('exits 1 with the message when no stack runs on --data-dir', async () => {
    const dir = await dataDir();
    const env = { ...process.env, VITE_GRAPHQL_URL: '', VITE_API_KEY: '' };
    const child = spawn(process.execPath, ['--import', 'tsx', 'examples/spa/serve.ts', '--data-dir', dir, '--port', '0'], { env });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = (await once(child, 'exit')) as [number];
    expect(code).toBe(1);
    expect(stderr).toContain(`No local stack is running on ${dir}`);
  });
});
