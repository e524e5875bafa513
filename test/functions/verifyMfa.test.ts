import { CognitoIdentityProviderClient, RespondToAuthChallengeCommand } from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../../functions/verifyMfa';
import { awsError, fakeJwt, gatewayEvent, lambdaContext, TEST_ENV, useTestEnv } from '../helpers';

const cognito = mockClient(CognitoIdentityProviderClient);
const call = (input: Record<string, unknown>) => handler(gatewayEvent('verifyMfa', input), lambdaContext);

const INPUT = { email: ' Ada@Example.com ', verificationSession: ' session-from-login-0123456789 ', otp: '654321' };
const AUTHENTICATION_RESULT = {
  IdToken: fakeJwt({ sub: 'uuid-1', token_use: 'id' }),
  AccessToken: fakeJwt({ sub: 'uuid-1', token_use: 'access' }),
  RefreshToken: 'refresh-token-0123456789',
  ExpiresIn: 900,
  TokenType: 'Bearer',
};

beforeEach(() => {
  useTestEnv();
  cognito.reset();
});

describe('verifyMfa', () => {
  it('answers the SOFTWARE_TOKEN_MFA challenge and returns the tokens', async () => {
    cognito.on(RespondToAuthChallengeCommand).resolves({ AuthenticationResult: AUTHENTICATION_RESULT, ChallengeParameters: {} });
    const result = await call(INPUT);
    expect(cognito.calls()).toHaveLength(1);
    expect(cognito.commandCalls(RespondToAuthChallengeCommand)[0]!.args[0].input).toEqual({
      ChallengeName: 'SOFTWARE_TOKEN_MFA',
      ClientId: TEST_ENV.USER_POOL_CLIENT_ID,
      Session: 'session-from-login-0123456789',
      ChallengeResponses: { USERNAME: 'ada@example.com', SOFTWARE_TOKEN_MFA_CODE: '654321' },
    });
    expect(result).toEqual({
      data: {
        idToken: AUTHENTICATION_RESULT.IdToken,
        accessToken: AUTHENTICATION_RESULT.AccessToken,
        refreshToken: AUTHENTICATION_RESULT.RefreshToken,
        expiresIn: 900,
        tokenType: 'Bearer',
      },
    });
  });

  it('fails when Cognito answers without tokens', async () => {
    cognito.on(RespondToAuthChallengeCommand).resolves({ ChallengeName: 'SOFTWARE_TOKEN_MFA', Session: 'another-session-0123456789' });
    const result = await call(INPUT);
    expect(result.error).toMatchObject({ errorType: 'InternalError', requestId: 'req-1234' });
  });

  it.each([
    [awsError('CodeMismatchException', 'Invalid code received for user'), 'CodeMismatch', 'The code is incorrect.'],
    [
      awsError('ExpiredCodeException', 'Your software token has already been used once.'),
      'ExpiredCode',
      'The code has expired or was already used. Use a new code.',
    ],
    [
      awsError('NotAuthorizedException', 'Invalid session for the user, session is expired.'),
      'SessionExpired',
      'This sign-in session has expired or was already used. Start again.',
    ],
    [
      awsError('NotAuthorizedException', 'Invalid session for the user, session can only be used once.'),
      'SessionExpired',
      'This sign-in session has expired or was already used. Start again.',
    ],
    [awsError('TooManyRequestsException', 'Rate exceeded'), 'TooManyRequests', 'Too many requests. Wait a moment and try again.'],
    [awsError('InternalErrorException', 'Internal error', 'server'), 'ServiceUnavailable', 'The service is temporarily unavailable. Try again later.'],
  ] as const)('maps %s to %s', async (error, errorType, message) => {
    cognito.on(RespondToAuthChallengeCommand).rejects(error);
    const result = await call(INPUT);
    expect(result.error).toEqual({ errorType, message });
  });

  it.each([
    [{ ...INPUT, email: 'nobody' }, 'e-mail'],
    [{ ...INPUT, otp: '1234567' }, 'authenticator code is 6 digits'],
    [{ email: INPUT.email, verificationSession: INPUT.verificationSession }, 'authenticator code is required'],
    [{ ...INPUT, verificationSession: 'too-short' }, 'verification session is malformed'],
    [{ email: INPUT.email, otp: INPUT.otp }, 'verification session is required'],
  ])('refuses %o before calling Cognito', async (input, words) => {
    const result = await call(input);
    expect(result.error?.errorType).toBe('ValidationError');
    expect(result.error?.message).toContain(words);
    expect(cognito.calls()).toHaveLength(0);
  });
});
