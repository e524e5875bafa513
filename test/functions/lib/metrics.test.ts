import { InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import * as v from 'valibot';
import { awsCallsSoFar, withAwsCalls } from '../../../functions/lib/awsCalls';
import { cognito } from '../../../functions/lib/cognito';
import { logger } from '../../../functions/lib/logger';
import { presignQrCode } from '../../../functions/lib/presignQrCode';
import { s3 } from '../../../functions/lib/s3';
import { defineOperation } from '../../../functions/lib/operation';
import { handler as login } from '../../../functions/login';
import { gatewayEvent, lambdaContext, useTestEnv } from '../../helpers';

/**
 * The metrics and the log lines of real operations: the functions' own Cognito client (its timing
 * middleware included) talks to a local endpoint that answers InitiateAuth as Cognito does.
 */

const PASSWORDS = { right: 'Right-SECRET-pass-1!', wrong: 'Wrong-SECRET-pass-2!', locked: 'Locked-SECRET-pass-3!' };
const EMAIL = 'ada.secret@example.com';
const SESSION = 'SESSION-SECRET-0123456789abcdef';

const server = createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => (body += chunk));
  req.on('end', () => {
    // S3 (path-style HeadObject): an object exists. https://docs.aws.amazon.com/AmazonS3/latest/API/API_HeadObject.html
    if (req.method === 'HEAD') {
      res.writeHead(200, { 'content-length': '0' });
      res.end();
      return;
    }
    const password = JSON.parse(body).AuthParameters?.PASSWORD;
    const answer = (status: number, value: unknown) => {
      res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
      res.end(JSON.stringify(value));
    };
    // Cognito's answers: https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html
    if (password === PASSWORDS.right) answer(200, { ChallengeName: 'SOFTWARE_TOKEN_MFA', Session: SESSION, ChallengeParameters: {} });
    else if (password === PASSWORDS.locked) answer(400, { __type: 'NotAuthorizedException', message: 'Password attempts exceeded' });
    else answer(400, { __type: 'NotAuthorizedException', message: `Incorrect username or password for ${EMAIL}.` });
  });
});

let written: string[] = [];
const lines = () => written.flatMap((chunk) => chunk.split('\n')).filter((line) => line.trim().startsWith('{'));
const emf = () => lines().map((line) => JSON.parse(line)).filter((record) => record._aws);
const logs = () => lines().map((line) => JSON.parse(line)).filter((record) => !record._aws);

beforeAll(async () => {
  useTestEnv();
  process.env.METRICS_NAMESPACE = 'test-gateway';
  process.env.SERVICE_NAME = 'test-service';
  // The suite turns metrics off everywhere else (vitest.config.ts); this file reads them.
  process.env.METRICS_DISABLED = 'false';
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.env.COGNITO_ENDPOINT = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.S3_ENDPOINT = process.env.COGNITO_ENDPOINT;
  logger.setLogLevel('INFO');
  for (const stream of [process.stdout, process.stderr]) {
    vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
  }
});

beforeEach(() => {
  written = [];
});

afterAll(async () => {
  vi.restoreAllMocks();
  logger.setLogLevel('SILENT');
  for (const name of ['COGNITO_ENDPOINT', 'S3_ENDPOINT', 'METRICS_NAMESPACE', 'SERVICE_NAME']) delete process.env[name];
  await new Promise((resolve) => server.close(resolve));
});

const callsLine = () => emf().find((record) => 'Calls' in record);

describe('operation metrics', () => {
  it('count a success as Calls by operation and outcome, each alone, and in total', async () => {
    const result = await login(gatewayEvent('login', { email: EMAIL, password: PASSWORDS.right }), lambdaContext);
    expect(result).toMatchObject({ data: { verificationType: 'SOFTWARE_TOKEN_MFA' } });
    const line = callsLine();
    expect(line).toMatchObject({ service: 'test-service', operation: 'login', outcome: 'Success', Calls: 1 });
    expect(line._aws.CloudWatchMetrics).toEqual([
      {
        Namespace: 'test-gateway',
        Dimensions: [
          ['service', 'operation', 'outcome'],
          ['service', 'outcome'],
          ['service', 'operation'],
          ['service'],
        ],
        Metrics: [{ Name: 'Calls', Unit: 'Count' }],
      },
    ]);
    expect(emf()).toHaveLength(1);
  });

  it('count a failure by its errorType', async () => {
    const result = await login(gatewayEvent('login', { email: EMAIL, password: PASSWORDS.wrong }), lambdaContext);
    expect(result).toMatchObject({ error: { errorType: 'NotAuthorized' } });
    expect(callsLine()).toMatchObject({ operation: 'login', outcome: 'NotAuthorized', Calls: 1 });
    expect(emf().some((record) => 'Lockouts' in record)).toBe(false);
  });

  it("count Cognito's lockout as Lockouts too, apart from a throttle", async () => {
    const result = await login(gatewayEvent('login', { email: EMAIL, password: PASSWORDS.locked }), lambdaContext);
    expect(result).toMatchObject({ error: { errorType: 'TooManyRequests' } });
    expect(callsLine()).toMatchObject({ outcome: 'TooManyRequests' });
    const lockout = emf().find((record) => 'Lockouts' in record);
    expect(lockout).toMatchObject({ service: 'test-service', operation: 'login', Lockouts: 1 });
    expect(lockout._aws.CloudWatchMetrics[0].Dimensions).toEqual([['service', 'operation'], ['service']]);
  });

  it('count a validation failure, before any backend call', async () => {
    await login(gatewayEvent('login', { email: 'not-an-email', password: '' }), lambdaContext);
    expect(callsLine()).toMatchObject({ operation: 'login', outcome: 'ValidationError' });
    expect(logs().find((record) => record.message === 'operation failed')?.awsCalls).toEqual([]);
  });

  it('count AccountRecoveries for an operation that counts its success as one, and only on success', async () => {
    let fail = false;
    const recover = defineOperation('recoverAccount', {
      input: v.object({}),
      countsAsRecovery: true,
      run: async () => {
        if (fail) throw new Error('boom');
        return 'ok';
      },
    });
    await recover(gatewayEvent('recoverAccount', {}), lambdaContext);
    const recovery = emf().find((record) => 'AccountRecoveries' in record);
    expect(recovery).toMatchObject({ service: 'test-service', AccountRecoveries: 1 });
    expect(recovery._aws.CloudWatchMetrics[0].Dimensions).toEqual([['service']]);

    written = [];
    fail = true;
    await recover(gatewayEvent('recoverAccount', {}), lambdaContext);
    expect(callsLine()).toMatchObject({ outcome: 'InternalError' });
    expect(emf().some((record) => 'AccountRecoveries' in record)).toBe(false);
  });

  it('write nothing when METRICS_DISABLED is true, as in the offline stack', async () => {
    process.env.METRICS_DISABLED = 'true';
    try {
      await login(gatewayEvent('login', { email: EMAIL, password: PASSWORDS.right }), lambdaContext);
    } finally {
      process.env.METRICS_DISABLED = 'false';
    }
    expect(emf()).toEqual([]);
    expect(logs().some((record) => record.message === 'operation succeeded')).toBe(true);
  });
});

describe('backend call timing', () => {
  it("logs each call's service, command and duration with the operation's outcome", async () => {
    await login(gatewayEvent('login', { email: EMAIL, password: PASSWORDS.right }), lambdaContext);
    const line = logs().find((record) => record.message === 'operation succeeded');
    expect(line.awsCalls).toEqual([{ service: 'Cognito', command: 'InitiateAuth', durationMs: expect.any(Number) }]);
    expect(line.awsCalls[0].durationMs).toBeGreaterThanOrEqual(0);
  });

  it("names a failed call's AWS error, never its message", async () => {
    await login(gatewayEvent('login', { email: EMAIL, password: PASSWORDS.wrong }), lambdaContext);
    const line = logs().find((record) => record.message === 'operation failed');
    expect(line.awsCalls).toEqual([{ service: 'Cognito', command: 'InitiateAuth', durationMs: expect.any(Number), error: 'NotAuthorizedException' }]);
  });

  it('times S3 calls too, and counts no call for a presigned link, which sends nothing', async () => {
    const calls = await withAwsCalls(async () => {
      await s3().send(new HeadObjectCommand({ Bucket: 'bucket', Key: 'key' }));
      await presignQrCode('bucket', 'key');
      return awsCallsSoFar();
    });
    expect(calls).toEqual([{ service: 'S3', command: 'HeadObject', durationMs: expect.any(Number) }]);
  });

  it('logs a call made outside an operation (a Cognito trigger) on its own line', async () => {
    await cognito()
      .send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: 'c', AuthParameters: { USERNAME: EMAIL, PASSWORD: PASSWORDS.wrong } }))
      .catch(() => undefined);
    const line = logs().find((record) => record.message === 'aws call');
    expect(line.awsCall).toEqual({ service: 'Cognito', command: 'InitiateAuth', durationMs: expect.any(Number), error: 'NotAuthorizedException' });
    expect(written.join('')).not.toContain(PASSWORDS.wrong);
  });

  it('keeps the calls of operations running at once apart', async () => {
    await Promise.all([
      login(gatewayEvent('login', { email: EMAIL, password: PASSWORDS.right }), lambdaContext),
      login(gatewayEvent('login', { email: EMAIL, password: PASSWORDS.wrong }), lambdaContext),
    ]);
    const finished = logs().filter((record) => record.message?.startsWith('operation '));
    expect(finished).toHaveLength(2);
    for (const record of finished) expect(record.awsCalls).toHaveLength(1);
  });
});

describe('metric lines and log lines', () => {
  it.each([
    ['succeeding', PASSWORDS.right],
    ['failing', PASSWORDS.wrong],
    ['locked out', PASSWORDS.locked],
  ])('of a %s operation contain none of its inputs or answers', async (_, password) => {
    await login(gatewayEvent('login', { email: EMAIL, password }), lambdaContext);
    expect(emf().length).toBeGreaterThan(0);
    const output = written.join('');
    for (const value of [EMAIL, 'ada.secret', ...Object.values(PASSWORDS), SESSION, 'SECRET']) {
      expect(output).not.toContain(value);
    }
  });
});
