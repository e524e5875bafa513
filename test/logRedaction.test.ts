import {
  AdminDeleteSoftwareTokenCommand,
  AdminUpdateUserAttributesCommand,
  AdminUserGlobalSignOutCommand,
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { S3Client } from '@aws-sdk/client-s3';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { logger } from '../functions/lib/logger';
import { newRecoveryCodes } from '../functions/lib/recoveryCodes';
import { functionOperations } from '../operations';
import { awsError, fakeJwt, gatewayEvent, lambdaContext, NOW, NOW_SECONDS, TEST_RECOVERY_CODE_COST, useTestEnv } from './helpers';

/** A real set, so that recoverAccount gets past the code check and on to every later step. */
const RECOVERY = await newRecoveryCodes(TEST_RECOVERY_CODE_COST);

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
  // Signed in a minute before NOW: recent enough for the operations that need a fresh sign-in.
  accessToken: fakeJwt({ sub: 'user-1', username: 'user-1', auth_time: NOW_SECONDS - 60, iat: NOW_SECONDS - 60, marker: 'ACCESS-SECRET-7' }),
  idToken: fakeJwt({ sub: 'user-1', email: 'ada@example.com', marker: 'ID-SECRET-8' }),
  totpSecret: 'TOTPSECRETNINEAAAAAAAAAAAAAAAAAA',
  cognitoSession: 'COGNITO-SESSION-SECRET-10-aaaaaaaaaaaaaa',
  recoveryCode: RECOVERY.codes[0]!,
  recoveryCodeAsTyped: RECOVERY.codes[0]!.toUpperCase(),
  storedRecoveryCodes: RECOVERY.stored,
  storedRecoveryCodeHash: RECOVERY.stored.split('.')[2]!,
  storedRecoveryCodeSalt: RECOVERY.stored.split('.')[1]!,
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
  recoveryCode: SECRETS.recoveryCodeAsTyped,
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
    { Name: 'custom:recovery_codes', Value: SECRETS.storedRecoveryCodes },
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
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  for (const stream of [process.stdout, process.stderr]) {
    vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
  }
});

afterAll(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  logger.setLogLevel('SILENT');
});

const secretWords = Object.values(SECRETS);
const messageWithSecrets = `leaked ${secretWords.join(' ')}`;

/** Recovery codes the functions handed out: as secret as those they were given. */
const issuedCodes: string[] = [];

function remember(result: { data?: unknown } | undefined): void {
  const codes = (result?.data as { recoveryCodes?: unknown } | undefined)?.recoveryCodes;
  if (Array.isArray(codes)) issuedCodes.push(...codes.map(String));
}

async function runEverywhere(field: string) {
  const { handler } = await import(`../functions/${field}.ts`);
  // Admin fields take their arguments at the top level and name an IAM caller; others ignore both.
  const event = () => ({
    ...gatewayEvent(field, { ...INPUT }, SECRETS.accessToken),
    arguments: { input: { ...INPUT }, ...INPUT, group: 'support', name: 'support' },
    caller: 'arn:aws:iam::123456789012:user/jane',
  });
  const resolveAll = (challenge: string) => {
    cognito.reset().onAnyCommand().resolves({ ...ANSWER, ChallengeName: challenge } as never);
    s3.reset().onAnyCommand().resolves({});
    ses.reset().onAnyCommand().resolves({});
  };
  const authenticatorThenEnrolment = () =>
    cognito
      .on(InitiateAuthCommand)
      .resolvesOnce({ ...ANSWER, ChallengeName: 'SOFTWARE_TOKEN_MFA' } as never)
      .resolves({ ...ANSWER, ChallengeName: 'MFA_SETUP' } as never);
  for (const challenge of ['NEW_PASSWORD_REQUIRED', 'MFA_SETUP', 'SOFTWARE_TOKEN_MFA']) {
    resolveAll(challenge);
    remember(await handler(event(), lambdaContext));
  }
  // A sign-in asking for the authenticator, then for enrolment: recoverAccount's whole way.
  resolveAll('MFA_SETUP');
  authenticatorThenEnrolment();
  remember(await handler(event(), lambdaContext));
  // Best-effort and later steps failing after the main one succeeded (the recovery code already spent).
  const failingSteps = [
    () => cognito.on(AdminUpdateUserAttributesCommand).rejects(awsError('InternalErrorException', messageWithSecrets, 'server')),
    () => cognito.on(AdminDeleteSoftwareTokenCommand).rejects(awsError('InternalErrorException', messageWithSecrets, 'server')),
    () => cognito.on(AdminUserGlobalSignOutCommand).rejects(awsError('InternalErrorException', messageWithSecrets, 'server')),
  ];
  for (const fail of failingSteps) {
    resolveAll('MFA_SETUP');
    authenticatorThenEnrolment();
    fail();
    s3.reset().onAnyCommand().rejects(awsError('AccessDenied', messageWithSecrets));
    ses.reset().onAnyCommand().rejects(awsError('MessageRejected', messageWithSecrets));
    remember(await handler(event(), lambdaContext));
  }
  for (const failure of [awsError('NotAuthorizedException', messageWithSecrets), new TypeError(messageWithSecrets)]) {
    cognito.reset().onAnyCommand().rejects(failure);
    s3.reset().onAnyCommand().rejects(failure);
    ses.reset().onAnyCommand().rejects(failure);
    await handler(event(), lambdaContext);
  }
}

/** Operations handling recovery codes or re-authentication: the scenarios above must take each to success. */
const WHOLE_WAY = ['confirmMfa', 'recoverAccount', 'replaceAuthenticator', 'confirmReplaceAuthenticator', 'regenerateRecoveryCodes', 'deleteMe', 'changePassword', 'resendMfaQrCode'];

describe('logs', () => {
  it.each(functionOperations.map((op) => op.field))('of %s never contain a secret', async (field) => {
    written.length = 0;
    const issuedBefore = issuedCodes.length;
    await runEverywhere(field);
    const logs = written.join('');
    // Otherwise the check on handed-out codes below would have nothing to look for.
    if (field === 'confirmMfa' || field === 'regenerateRecoveryCodes') expect(issuedCodes.length).toBeGreaterThan(issuedBefore);
    expect(logs).toContain(`"field":"${field}"`);
    // Their whole way, not only the early refusals, is covered.
    if (WHOLE_WAY.includes(field)) expect(logs).toContain('"operation succeeded"');
    for (const secret of secretWords) expect(logs).not.toContain(secret);
    for (const code of issuedCodes) {
      expect(logs).not.toContain(code);
      expect(logs.toLowerCase()).not.toContain(code.replace('-', ''));
    }
  });

  it('of the PostConfirmation trigger never contain a secret, whatever fails', async () => {
    written.length = 0;
    const { handler } = await import('../functions/postConfirmation');
    const event = () =>
      ({
        version: '1',
        region: 'eu-west-1',
        userPoolId: 'pool',
        userName: 'user-1',
        triggerSource: 'PostConfirmation_ConfirmForgotPassword',
        callerContext: { awsSdkVersion: '3', clientId: 'client' },
        request: { userAttributes: { sub: 'user-1', email: 'ada@example.com', 'custom:recovery_codes': SECRETS.storedRecoveryCodes } },
        response: {},
      }) as never;
    cognito.reset().onAnyCommand().resolves({});
    ses.reset().onAnyCommand().resolves({});
    await handler(event());
    cognito.reset().onAnyCommand().rejects(awsError('InternalErrorException', messageWithSecrets, 'server'));
    ses.reset().onAnyCommand().rejects(awsError('MessageRejected', messageWithSecrets));
    await handler(event());
    const logs = written.join('');
    expect(logs).toContain('password reset follow-up failed');
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
