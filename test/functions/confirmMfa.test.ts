import {
  CognitoIdentityProviderClient,
  RespondToAuthChallengeCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../../functions/confirmMfa';
import { awsError, fakeJwt, gatewayEvent, lambdaContext, TEST_ENV, useTestEnv } from '../helpers';

const cognito = mockClient(CognitoIdentityProviderClient);
const call = (input: Record<string, unknown>) => handler(gatewayEvent('confirmMfa', input), lambdaContext);

const INPUT = { email: ' Ada@Example.com ', session: 'session-from-associate-token-0123456789', otp: ' 123456 ', deviceName: 'Work phone' };
const VERIFIED_SESSION = 'session-from-verify-token-0123456789';
const AUTHENTICATION_RESULT = {
  IdToken: fakeJwt({ sub: 'uuid-1', email: 'ada@example.com', token_use: 'id' }),
  AccessToken: fakeJwt({ sub: 'uuid-1', token_use: 'access' }),
  RefreshToken: 'refresh-token-0123456789',
  ExpiresIn: 3600,
  TokenType: 'Bearer',
};

function answerAsEnrolment(): void {
  cognito.on(VerifySoftwareTokenCommand).resolves({ Status: 'SUCCESS', Session: VERIFIED_SESSION });
  cognito.on(RespondToAuthChallengeCommand).resolves({ AuthenticationResult: AUTHENTICATION_RESULT });
}

const commandNames = () => cognito.calls().map((c) => c.args[0].constructor.name);

beforeEach(() => {
  useTestEnv();
  cognito.reset();
});

describe('confirmMfa', () => {
  it('lets Cognito verify the first code, then answers MFA_SETUP with the session it returned', async () => {
    answerAsEnrolment();
    const result = await call(INPUT);
    expect(commandNames()).toEqual([VerifySoftwareTokenCommand.name, RespondToAuthChallengeCommand.name]);
    expect(cognito.commandCalls(VerifySoftwareTokenCommand)[0]!.args[0].input).toEqual({
      Session: INPUT.session,
      UserCode: '123456',
      FriendlyDeviceName: 'Work phone',
    });
    expect(cognito.commandCalls(RespondToAuthChallengeCommand)[0]!.args[0].input).toEqual({
      ChallengeName: 'MFA_SETUP',
      ClientId: TEST_ENV.USER_POOL_CLIENT_ID,
      Session: VERIFIED_SESSION,
      ChallengeResponses: { USERNAME: 'ada@example.com' },
    });
    expect(result).toEqual({
      data: {
        userId: 'uuid-1',
        email: 'ada@example.com',
        mfaStatus: 'CONFIRMED',
        tokens: {
          idToken: AUTHENTICATION_RESULT.IdToken,
          accessToken: AUTHENTICATION_RESULT.AccessToken,
          refreshToken: AUTHENTICATION_RESULT.RefreshToken,
          expiresIn: 3600,
          tokenType: 'Bearer',
        },
      },
    });
  });

  it.each([[undefined], [null], ['  ']])('names no device when deviceName is %o', async (deviceName) => {
    answerAsEnrolment();
    const result = await call({ ...INPUT, deviceName });
    expect(result.data?.mfaStatus).toBe('CONFIRMED');
    expect(cognito.commandCalls(VerifySoftwareTokenCommand)[0]!.args[0].input.FriendlyDeviceName).toBeUndefined();
  });

  it.each(['ERROR', undefined])('refuses the code when verification answers %s, without finishing sign-in', async (status) => {
    cognito.on(VerifySoftwareTokenCommand).resolves({ Status: status as 'ERROR' | undefined, Session: VERIFIED_SESSION });
    const result = await call(INPUT);
    expect(result.error).toEqual({ errorType: 'CodeMismatch', message: 'The authenticator code is incorrect.' });
    expect(commandNames()).toEqual([VerifySoftwareTokenCommand.name]);
  });

  it('fails when verification returns no session to go on with', async () => {
    cognito.on(VerifySoftwareTokenCommand).resolves({ Status: 'SUCCESS' });
    const result = await call(INPUT);
    expect(result.error).toMatchObject({ errorType: 'InternalError', requestId: 'req-1234' });
    expect(commandNames()).toEqual([VerifySoftwareTokenCommand.name]);
  });

  it.each([
    ['another challenge instead of tokens', { ChallengeName: 'SOFTWARE_TOKEN_MFA' as const, Session: VERIFIED_SESSION }],
    ['an id token without a subject', { AuthenticationResult: { ...AUTHENTICATION_RESULT, IdToken: fakeJwt({ email: 'ada@example.com' }) } }],
    ['a malformed id token', { AuthenticationResult: { ...AUTHENTICATION_RESULT, IdToken: 'not-a-jwt' } }],
  ])('fails on %s', async (_case, answer) => {
    answerAsEnrolment();
    cognito.on(RespondToAuthChallengeCommand).resolves(answer);
    const result = await call(INPUT);
    expect(result.error).toMatchObject({ errorType: 'InternalError', requestId: 'req-1234' });
  });

  it.each([
    [{ ...INPUT, email: 'ada@' }, 'e-mail'],
    [{ ...INPUT, otp: '12345' }, 'authenticator code is 6 digits'],
    [{ ...INPUT, otp: '12345a' }, 'authenticator code is 6 digits'],
    [{ email: INPUT.email, session: INPUT.session }, 'authenticator code is required'],
    [{ ...INPUT, session: 'short' }, 'session is malformed'],
    [{ ...INPUT, session: 'x'.repeat(4097) }, 'session is malformed'],
    [{ email: INPUT.email, otp: INPUT.otp }, 'session is required'],
    [{ ...INPUT, deviceName: 'x'.repeat(129) }, 'device name is at most 128'],
  ])('refuses %o before calling Cognito', async (input, words) => {
    const result = await call(input);
    expect(result.error?.errorType).toBe('ValidationError');
    expect(result.error?.message).toContain(words);
    expect(cognito.calls()).toHaveLength(0);
  });

  const failAt = {
    VerifySoftwareToken: (error: Error) => cognito.on(VerifySoftwareTokenCommand).rejects(error),
    RespondToAuthChallenge: (error: Error) => cognito.on(RespondToAuthChallengeCommand).rejects(error),
  };
  const [verify, respond] = ['VerifySoftwareToken', 'RespondToAuthChallenge'] as const;
  it.each([
    [verify, awsError('EnableSoftwareTokenMFAException', 'Code mismatch'), 'CodeMismatch', 'The authenticator code is incorrect.'],
    [verify, awsError('CodeMismatchException', 'Invalid code received for user'), 'CodeMismatch', 'The code is incorrect.'],
    [
      verify,
      awsError('NotAuthorizedException', 'Invalid session for the user, session is expired.'),
      'SessionExpired',
      'This sign-in session has expired or was already used. Start again.',
    ],
    [verify, awsError('TooManyRequestsException', 'Rate exceeded'), 'TooManyRequests', 'Too many requests. Wait a moment and try again.'],
    [verify, awsError('InvalidParameterException', '1 validation error detected'), 'ValidationError', 'The request has an invalid value.'],
    [verify, awsError('InternalErrorException', 'Internal error', 'server'), 'ServiceUnavailable', 'The service is temporarily unavailable. Try again later.'],
    [
      respond,
      awsError('NotAuthorizedException', 'Invalid session for the user, session can only be used once.'),
      'SessionExpired',
      'This sign-in session has expired or was already used. Start again.',
    ],
    [respond, awsError('TooManyRequestsException', 'Rate exceeded'), 'TooManyRequests', 'Too many requests. Wait a moment and try again.'],
  ] as const)('maps %s failing with %s to %s', async (step, error, errorType, message) => {
    answerAsEnrolment();
    failAt[step](error);
    const result = await call(INPUT);
    expect(result.error).toEqual({ errorType, message });
    // Nothing runs after the failing call.
    expect(commandNames().at(-1)).toBe(`${step}Command`);
  });
});
