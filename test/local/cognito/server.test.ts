import { AdminGetUserCommand, CognitoIdentityProviderClient, CreateUserPoolCommand, AdminCreateUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { startCognitoEmulator, type CognitoEmulator } from '../../../local/cognito/server';

const dirs: string[] = [];
const running: CognitoEmulator[] = [];

async function freshDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'cognito-server-'));
  dirs.push(dir);
  return dir;
}

async function start(dataDir: string): Promise<CognitoEmulator> {
  const emulator = await startCognitoEmulator({ port: 0, dataDir });
  running.push(emulator);
  return emulator;
}

const clientFor = (url: string, region = 'eu-west-1') =>
  new CognitoIdentityProviderClient({ endpoint: url, region, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });

/** A raw JSON 1.1 call, as the SDK makes it. */
const post = (url: string, target: string, body: string) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSCognitoIdentityProviderService.${target}` },
    body,
  });

afterEach(async () => {
  for (const emulator of running.splice(0)) await emulator.close();
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('Cognito emulator over HTTP', () => {
  it('listens on loopback and answers in Cognito’s JSON 1.1 shape', async () => {
    const emulator = await start(await freshDir());
    expect(emulator.url).toBe(`http://127.0.0.1:${emulator.port}`);
    const created = await post(emulator.url, 'CreateUserPool', JSON.stringify({ PoolName: 'p' }));
    expect(created.status).toBe(200);
    expect(created.headers.get('content-type')).toBe('application/x-amz-json-1.1');
    const body = (await created.json()) as { UserPool: { Id: string; CreationDate: unknown } };
    // Dates are epoch seconds on the wire; unsigned calls name pools after us-east-1.
    expect(typeof body.UserPool.CreationDate).toBe('number');
    expect(body.UserPool.Id).toMatch(/^us-east-1_/);

    const failed = await post(emulator.url, 'DescribeUserPool', JSON.stringify({ UserPoolId: 'us-east-1_nothere' }));
    expect(failed.status).toBe(400);
    expect(await failed.json()).toEqual({ __type: 'ResourceNotFoundException', message: 'User pool us-east-1_nothere does not exist.' });
  });

  it('names unknown operations and refuses bodies that are not JSON objects', async () => {
    const emulator = await start(await freshDir());
    const unknown = await post(emulator.url, 'AdminDoMagic', '{}');
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { __type: string }).__type).toBe('UnknownOperationException');
    for (const body of ['{not json', '[1]']) {
      const bad = await post(emulator.url, 'ListUserPools', body);
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { __type: string }).__type).toBe('SerializationException');
    }
    expect((await fetch(`${emulator.url}/nothing`)).status).toBe(404);
  });

  it('names new pools after the region the SDK signed for, and serves each pool’s JWKS', async () => {
    const emulator = await start(await freshDir());
    const cognito = clientFor(emulator.url, 'ap-southeast-2');
    const { UserPool } = await cognito.send(new CreateUserPoolCommand({ PoolName: 'p' }));
    cognito.destroy();
    expect(UserPool?.Id).toMatch(/^ap-southeast-2_[A-Za-z0-9]{9}$/);
    const jwks = (await (await fetch(`${emulator.url}/${UserPool!.Id}/.well-known/jwks.json`)).json()) as { keys: Record<string, string>[] };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', e: 'AQAB' });
    expect(Object.keys(jwks.keys[0]!).sort()).toEqual(['alg', 'e', 'kid', 'kty', 'n', 'use']);
    const config = (await (await fetch(`${emulator.url}/${UserPool!.Id}/.well-known/openid-configuration`)).json()) as Record<string, string>;
    expect(config.jwks_uri).toBe(`${emulator.url}/${UserPool!.Id}/.well-known/jwks.json`);
    expect((await fetch(`${emulator.url}/eu-west-1_nothere1/.well-known/jwks.json`)).status).toBe(404);
  });

  it('keeps its state across a restart, in one private file written atomically', async () => {
    const dataDir = await freshDir();
    const first = await start(dataDir);
    const cognito = clientFor(first.url);
    const { UserPool } = await cognito.send(new CreateUserPoolCommand({ PoolName: 'p', UsernameAttributes: ['email'] }));
    await cognito.send(new AdminCreateUserCommand({ UserPoolId: UserPool!.Id, Username: 'ada@example.com', TemporaryPassword: 'Temp-Pass-123' }));
    await first.close();
    expect(await readdir(dataDir)).toEqual(['cognito.json']);
    expect((await stat(join(dataDir, 'cognito.json'))).mode & 0o777).toBe(0o600);
    expect(await readFile(join(dataDir, 'cognito.json'), 'utf8')).not.toContain('Temp-Pass-123');

    const second = await start(dataDir);
    const again = clientFor(second.url);
    const user = await again.send(new AdminGetUserCommand({ UserPoolId: UserPool!.Id, Username: 'ada@example.com' }));
    again.destroy();
    cognito.destroy();
    expect(user.UserStatus).toBe('FORCE_CHANGE_PASSWORD');
  });

  it('keeps every answered change after kill -9', async () => {
    const dataDir = await freshDir();
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'emulatorProcess.ts'), dataDir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const [url] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
      const cognito = clientFor(url);
      const { UserPool } = await cognito.send(new CreateUserPoolCommand({ PoolName: 'p', UsernameAttributes: ['email'] }));
      for (let i = 0; i < 5; i++) {
        await cognito.send(new AdminCreateUserCommand({ UserPoolId: UserPool!.Id, Username: `user${i}@example.com`, MessageAction: 'SUPPRESS' }));
      }
      cognito.destroy();
      child.kill('SIGKILL');
      await once(child, 'exit');

      const restarted = await start(dataDir);
      const again = clientFor(restarted.url);
      const user = await again.send(new AdminGetUserCommand({ UserPoolId: UserPool!.Id, Username: 'user4@example.com' }));
      again.destroy();
      expect(user.UserStatus).toBe('FORCE_CHANGE_PASSWORD');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
