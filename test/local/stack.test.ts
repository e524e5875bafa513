import {
  CognitoIdentityProviderClient,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  GetUserPoolMfaConfigCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { HeadBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { access, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { Agent, createServer, get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnvironment } from '../../infra/config';
import { LOCAL_CREDENTIALS } from '../../local/credentials';
import { assertPortFree, closeServer, IDLE_CONNECTION_MS, listen } from '../../local/net';
import { readMailbox } from '../../local/ses';
import { startStack, StackError, type LocalStack } from '../../local/stack';

const ALL_FREE = { graphql: 0, cognito: 0, s3: 0, ses: 0 };
const env = loadEnvironment('dev');
const portOf = (url: string) => Number(new URL(url).port);

let dataDir: string;
let stack: LocalStack;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'local-stack-'));
  stack = await startStack({ dataDir, ports: ALL_FREE });
});

afterAll(async () => {
  await stack?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('the local stack', () => {
  it('comes up on loopback and writes stack.json', async () => {
    const { info } = stack;
    for (const url of [info.graphqlUrl, info.mailboxUrl, info.cognitoEndpoint, info.s3Endpoint]) {
      expect(new URL(url).hostname).toBe('127.0.0.1');
      expect(portOf(url)).toBeGreaterThan(0);
    }
    expect(info.apiKey).toMatch(/^da2-[0-9a-z]{26}$/);
    expect(stack.infoFile).toBe(join(dataDir, 'stack.json'));
    expect(JSON.parse(await readFile(stack.infoFile, 'utf8'))).toEqual(info);
  });

  it('keeps idle connections open for minutes, as the SDK expects of AWS', async () => {
    const agent = new Agent({ keepAlive: true });
    const keepAliveOf = (url: string) =>
      new Promise<string | undefined>((resolve, reject) => {
        get(url, { agent }, (res) => {
          res.resume();
          res.on('end', () => resolve(String(res.headers['keep-alive'])));
        }).on('error', reject);
      });
    const { info } = stack;
    try {
      for (const url of [info.graphqlUrl, info.cognitoEndpoint, info.s3Endpoint]) {
        expect(await keepAliveOf(url), url).toBe(`timeout=${IDLE_CONNECTION_MS / 1000}`);
      }
      // SES answers through a front that closes every connection after its answer: none is reused.
      expect(await keepAliveOf(info.mailboxUrl)).toBe('undefined');
      expect(IDLE_CONNECTION_MS).toBeGreaterThanOrEqual(60_000);
    } finally {
      agent.destroy();
    }
  });

  it('serves GraphQL behind the API key', async () => {
    const ask = (apiKey: string) =>
      fetch(stack.info.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
    expect((await ask(stack.info.apiKey)).status).toBe(200);
    expect((await ask('da2-wrong')).status).toBe(401);
  });

  it('provisions the user pool and client from the environment file', async () => {
    const cognito = new CognitoIdentityProviderClient({
      endpoint: stack.info.cognitoEndpoint,
      region: env.region,
      credentials: LOCAL_CREDENTIALS,
    });
    const { UserPool } = await cognito.send(new DescribeUserPoolCommand({ UserPoolId: stack.info.userPoolId }));
    expect(UserPool).toMatchObject({
      UsernameAttributes: ['email'],
      UsernameConfiguration: { CaseSensitive: false },
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      Policies: {
        PasswordPolicy: {
          MinimumLength: env.passwordPolicy.minLength,
          RequireSymbols: env.passwordPolicy.requireSymbols,
          TemporaryPasswordValidityDays: env.passwordPolicy.temporaryPasswordValidityDays,
        },
      },
    });
    const mfa = await cognito.send(new GetUserPoolMfaConfigCommand({ UserPoolId: stack.info.userPoolId }));
    expect(mfa).toMatchObject({ MfaConfiguration: 'ON', SoftwareTokenMfaConfiguration: { Enabled: true } });
    const { UserPoolClient } = await cognito.send(
      new DescribeUserPoolClientCommand({ UserPoolId: stack.info.userPoolId, ClientId: stack.info.clientId }),
    );
    expect(UserPoolClient).toMatchObject({
      PreventUserExistenceErrors: 'ENABLED',
      AccessTokenValidity: env.tokens.accessTokenMinutes,
      AuthSessionValidity: env.tokens.authSessionMinutes,
      EnableTokenRevocation: true,
    });
    expect([...(UserPoolClient?.ExplicitAuthFlows ?? [])].sort()).toEqual([
      'ALLOW_REFRESH_TOKEN_AUTH',
      'ALLOW_USER_AUTH',
      'ALLOW_USER_PASSWORD_AUTH',
    ]);
  });

  it('creates the QR archive bucket and points the functions at the local services', async () => {
    const s3 = new S3Client({
      endpoint: stack.info.s3Endpoint,
      forcePathStyle: true,
      region: env.region,
      credentials: LOCAL_CREDENTIALS,
    });
    await expect(s3.send(new HeadBucketCommand({ Bucket: stack.info.mfaBucket! }))).resolves.toBeDefined();
    const confirmUser = stack.functions.environmentOf('confirmUser');
    expect(confirmUser).toMatchObject({
      USER_POOL_ID: stack.info.userPoolId,
      USER_POOL_CLIENT_ID: stack.info.clientId,
      MFA_BUCKET: stack.info.mfaBucket,
      MFA_ISSUER: env.mfa.issuer,
      COGNITO_ENDPOINT: stack.info.cognitoEndpoint,
      S3_ENDPOINT: stack.info.s3Endpoint,
      SES_ENDPOINT: stack.info.mailboxUrl,
      AWS_REGION: env.region,
      AWS_ACCESS_KEY_ID: stack.functions.principalOf('confirmUser').accessKeyId,
      // No metric lines on the console offline.
      METRICS_DISABLED: 'true',
    });
    // Each function its own key; a trigger has no pool ids (the pool names it); nothing lands in this process.
    expect(stack.functions.environmentOf('login').AWS_ACCESS_KEY_ID).not.toBe(confirmUser.AWS_ACCESS_KEY_ID);
    expect(stack.functions.environmentOf('postConfirmation').USER_POOL_ID).toBeUndefined();
    expect(process.env.USER_POOL_ID).toBeUndefined();
    expect(process.env.S3_ENDPOINT).toBeUndefined();
    expect(await readMailbox(stack.info.mailboxUrl)).toEqual([]);
  });

  it('keeps its data folder, the QR archive and stack.json readable by their owner only', async () => {
    const s3 = new S3Client({ endpoint: stack.info.s3Endpoint, forcePathStyle: true, region: env.region, credentials: LOCAL_CREDENTIALS });
    await s3.send(new PutObjectCommand({ Bucket: stack.info.mfaBucket!, Key: 'mfa-qr/u-1.png', Body: 'png' }));
    const mode = async (path: string) => (await stat(path)).mode & 0o777;
    expect(await mode(dataDir)).toBe(0o700);
    expect(await mode(stack.infoFile)).toBe(0o600);
    const bucketDir = join(dataDir, 's3', stack.info.mfaBucket!);
    expect(await mode(bucketDir)).toBe(0o700);
    const files = await readdir(bucketDir);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(await mode(join(bucketDir, file))).toBe(0o600);
  });

  it('refuses a second stack on the same data folder, naming the running one', async () => {
    const error = await startStack({ dataDir, ports: ALL_FREE }).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(StackError);
    expect((error as Error).message).toContain(`pid ${process.pid}`);
    expect((error as Error).message).toContain(`GraphQL ${stack.info.graphqlUrl}`);
    expect((error as Error).message).toContain('--data-dir');
    // The running stack is untouched.
    expect(JSON.parse(await readFile(stack.infoFile, 'utf8'))).toEqual(stack.info);
  });

  it('takes over the lock of a stack that ended without a clean stop', async () => {
    const other = await mkdtemp(join(tmpdir(), 'local-stack-'));
    const first = await startStack({ dataDir: other, ports: ALL_FREE });
    await first.close();
    // What a killed stack leaves: a lock naming a process that no longer runs.
    await writeFile(join(other, 'stack.lock'), JSON.stringify({ pid: 2 ** 22 + 1 }));
    const second = await startStack({ dataDir: other, ports: ALL_FREE });
    await second.close();
    await rm(other, { recursive: true, force: true });
  });

  it('refuses a taken port, naming it and the flag that moves it', async () => {
    const blocker = createServer();
    const port = await listen(blocker, 0, '127.0.0.1');
    try {
      const other = await mkdtemp(join(tmpdir(), 'local-stack-'));
      const error = await startStack({ dataDir: other, ports: { ...ALL_FREE, s3: port } }).catch((err: unknown) => err);
      expect(error).toBeInstanceOf(StackError);
      expect((error as Error).message).toContain(`Port ${port} (S3) is already in use`);
      expect((error as Error).message).toContain('--s3-port');
      await rm(other, { recursive: true, force: true });
    } finally {
      await closeServer(blocker);
    }
  });

  it('refuses a data folder it did not create', async () => {
    const foreign = await mkdtemp(join(tmpdir(), 'not-a-stack-'));
    await writeFile(join(foreign, 'precious.txt'), 'keep me');
    await expect(startStack({ dataDir: foreign, ports: ALL_FREE, fresh: true })).rejects.toThrow(
      /not empty and was not created by the local stack/,
    );
    expect(await readFile(join(foreign, 'precious.txt'), 'utf8')).toBe('keep me');
    await rm(foreign, { recursive: true, force: true });
  });

  it('frees every port on close and removes stack.json and its lock, then restarts on the same data with the same pool, client and key', async () => {
    const before = stack.info;
    await stack.close();
    for (const url of [before.graphqlUrl, before.mailboxUrl, before.cognitoEndpoint, before.s3Endpoint]) {
      await assertPortFree(portOf(url), '127.0.0.1');
    }
    await expect(access(stack.infoFile)).rejects.toThrow(/ENOENT/);
    await expect(access(join(dataDir, 'stack.lock'))).rejects.toThrow(/ENOENT/);
    stack = await startStack({
      dataDir,
      ports: {
        graphql: portOf(before.graphqlUrl),
        cognito: portOf(before.cognitoEndpoint),
        s3: portOf(before.s3Endpoint),
        ses: portOf(before.mailboxUrl),
      },
    });
    expect(stack.info).toEqual(before);
  });

  it('starts from nothing with fresh: a new pool, client and key', async () => {
    const before = stack.info;
    await stack.close();
    stack = await startStack({ dataDir, ports: ALL_FREE, fresh: true });
    expect(stack.info.userPoolId).not.toBe(before.userPoolId);
    expect(stack.info.apiKey).not.toBe(before.apiKey);
  });
});
