import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { S3Client } from '@aws-sdk/client-s3';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { afterAll, vi } from 'vitest';

/**
 * Runs around every test file. Files of the shared project run one after another in one process
 * (vitest.config.ts), so whatever a file changes in the process is put back when it ends: the
 * environment variables, a faked clock, and the client mocks of aws-sdk-client-mock, which stub the
 * SDK clients' prototypes and would otherwise answer the next file's calls. Spies need nothing
 * here: Vitest restores them after every file.
 */

const environment = { ...process.env };
const MOCKABLE_CLIENTS = [CognitoIdentityProviderClient, S3Client, SESv2Client];

afterAll(() => {
  for (const name of Object.keys(process.env)) if (!(name in environment)) delete process.env[name];
  Object.assign(process.env, environment);
  vi.useRealTimers();
  for (const Client of MOCKABLE_CLIENTS) (Client.prototype.send as { restore?: () => void }).restore?.();
});
