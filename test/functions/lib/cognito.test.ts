import { ForgotPasswordCommand } from '@aws-sdk/client-cognito-identity-provider';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cognito } from '../../../functions/lib/cognito';
import { useTestEnv } from '../../helpers';

/** A Cognito endpoint that throttles every request, and counts them. */
let requests = 0;
const server = createServer((req, res) => {
  requests += 1;
  req.resume();
  res.writeHead(400, { 'content-type': 'application/x-amz-json-1.1' });
  res.end(JSON.stringify({ __type: 'TooManyRequestsException', message: 'Rate exceeded' }));
});

beforeAll(async () => {
  useTestEnv();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.env.COGNITO_ENDPOINT = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  delete process.env.COGNITO_ENDPOINT;
  await new Promise((resolve) => server.close(resolve));
});

describe('the Cognito client of the functions', () => {
  it('sends a throttled call once: a retried sign-in or reset would count or mail twice', async () => {
    await expect(cognito().send(new ForgotPasswordCommand({ ClientId: 'c', Username: 'ada@example.com' }))).rejects.toMatchObject({
      name: 'TooManyRequestsException',
    });
    expect(requests).toBe(1);
  });
});
