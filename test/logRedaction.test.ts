import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { S3Client } from '@aws-sdk/client-s3';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { logger } from '../functions/lib/logger';
import { operations } from '../operations';
import { awsError, fakeJwt, gatewayEvent, lambdaContext, useTestEnv } from './helpers';

/** Every secret a caller or Cognito can hand a function; none may reach a log line. */
const SECRETS = {
  password: 'Pa55word-SECRET-1!',
  temporaryPassword: 'Temp-SECRET-2-Aa1!',
  newPassword: 'New-SECRET-3-Aa1!xx',
  oldPassword: 'Old-SECRET-4-Aa1!xx',
  otp: '918273',
  verificationCode: '5544332',
  session: 'SESSION-SECRET-5-aaaaaaaaaaaaaaaaaaaaaaaa',
  refreshToken: 'REFRESH-SECRET-6-aaaaaaaaaaaaaaaaaaaaaaaa',
  accessToken: fakeJwt({ sub: 'user-1', username: 'user-1', marker: 'ACCESS-SECRET-7' }),
  idToken: fakeJwt({ sub: 'user-1', email: 'ada@example.com', marker: 'ID-SECRET-8' }),
  totpSecret: 'TOTPSECRETNINEAAAAAAAAAAAAAAAAAA',
  cognitoSession: 'COGNITO-SESSION-SECRET-10-aaaaaaaaaaaaaa',
};

/** One input that satisfies every operation's rules and carries every secret. */
const INPUT = {
  email: 'ada@example.com',
  fullName: 'Ada Lovelace',
  password: SECRETS.password,
  temporaryPassword: SECRETS.temporaryPassword,
  newPassword: SECRETS.newPassword,
  oldPassword: SECRETS.oldPassword,
  otp: SECRETS.otp,
  verificationCode: SECRETS.verificationCode,
  session: SECRETS.session,
  verificationSession: SECRETS.session,
  refreshToken: SECRETS.refreshToken,
};

/** A Cognito answer with every field any operation reads, secrets included. */
const ANSWER = {
  AuthenticationResult: {
    IdToken: SECRETS.idToken,
    AccessToken: SECRETS.accessToken,
    RefreshToken: SECRETS.refreshToken,
    ExpiresIn: 3600,
    TokenType: 'Bearer',
  },
  Session: SECRETS.cognitoSession,
  ChallengeParameters: { USER_ID_FOR_SRP: 'user-1' },
  SecretCode: SECRETS.totpSecret,
  Status: 'SUCCESS',
  Username: 'user-1',
  UserAttributes: [
    { Name: 'sub', Value: 'user-1' },
    { Name: 'email', Value: 'ada@example.com' },
  ],
  User: { Username: 'user-1', Attributes: [{ Name: 'sub', Value: 'user-1' }] },
  CodeDeliveryDetails: { Destination: 'a***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' },
};

const cognito = mockClient(CognitoIdentityProviderClient);
const s3 = mockClient(S3Client);
const ses = mockClient(SESv2Client);
const written: string[] = [];

beforeAll(() => {
  useTestEnv();
  logger.setLogLevel('DEBUG');
  for (const stream of [process.stdout, process.stderr]) {
    vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
  }
});

afterAll(() => {
  vi.restoreAllMocks();
  logger.setLogLevel('SILENT');
});

const secretWords = Object.values(SECRETS);
const messageWithSecrets = `leaked ${secretWords.join(' ')}`;

async function runEverywhere(field: string) {
  const { handler } = await import(`../functions/${field}.ts`);
  // Admin fields take their arguments at the top level and name an IAM caller; others ignore both.
  const event = () => ({
    ...gatewayEvent(field, { ...INPUT }, SECRETS.accessToken),
    arguments: { input: { ...INPUT }, ...INPUT, group: 'support', name: 'support' },
    caller: 'arn:aws:iam::123456789012:user/jane',
  });
  for (const challenge of ['NEW_PASSWORD_REQUIRED', 'MFA_SETUP', 'SOFTWARE_TOKEN_MFA']) {
    cognito.reset().onAnyCommand().resolves({ ...ANSWER, ChallengeName: challenge } as never);
    s3.reset().onAnyCommand().resolves({});
    ses.reset().onAnyCommand().resolves({});
    await handler(event(), lambdaContext);
  }
  for (const failure of [awsError('NotAuthorizedException', messageWithSecrets), new TypeError(messageWithSecrets)]) {
    cognito.reset().onAnyCommand().rejects(failure);
    s3.reset().onAnyCommand().rejects(failure);
    ses.reset().onAnyCommand().rejects(failure);
    await handler(event(), lambdaContext);
  }
}

describe('logs', () => {
  it.each(operations.map((op) => op.field))('of %s never contain a secret', async (field) => {
    written.length = 0;
    await runEverywhere(field);
    const logs = written.join('');
    expect(logs).toContain(`"field":"${field}"`);
    for (const secret of secretWords) expect(logs).not.toContain(secret);
  });

  it('of the CustomMessage trigger never contain the code', async () => {
    written.length = 0;
    const { handler } = await import('../functions/customMessage');
    await handler({
      version: '1',
      region: 'eu-west-1',
      userPoolId: 'pool',
      userName: 'user-1',
      triggerSource: 'CustomMessage_AdminCreateUser',
      callerContext: { awsSdkVersion: '3', clientId: 'client' },
      request: { userAttributes: { email: 'ada@example.com' }, codeParameter: SECRETS.temporaryPassword, usernameParameter: 'ada@example.com' },
      response: { smsMessage: null, emailMessage: null, emailSubject: null },
    } as never);
    expect(written.join('')).not.toContain(SECRETS.temporaryPassword);
  });
});
