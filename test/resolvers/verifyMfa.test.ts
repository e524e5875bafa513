import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { email, opaque, otp, parseInput } from '../../functions/lib/validate';
import { fakeJwt } from '../helpers';
import { assertLogsNothing, CLIENT_ID, COGNITO_REQUEST_ID, COMMON_FAILURES, cognitoAnswer, cognitoFailure, cognitoResolver } from './harness';

const resolver = cognitoResolver('verifyMfa');
const INPUT = { email: ' Ada@Example.com ', verificationSession: ' session-from-login-0123456789 ', otp: '654321' };
const AUTHENTICATION_RESULT = {
  IdToken: fakeJwt({ sub: 'uuid-1', token_use: 'id' }),
  AccessToken: fakeJwt({ sub: 'uuid-1', token_use: 'access' }),
  RefreshToken: 'refresh-token-0123456789',
  ExpiresIn: 900,
  TokenType: 'Bearer',
};
const call = (input: Record<string, unknown>, result?: unknown) => ({ args: { input }, result });

/** The rules the function applied, from the functions' own library: the resolver must answer alike. */
const FUNCTION_RULES = v.object({ email, verificationSession: opaque('verification session'), otp });

describe('verifyMfa (Cognito RespondToAuthChallenge, no function)', () => {
  it('answers the SOFTWARE_TOKEN_MFA challenge with the normalised input', () => {
    expect(resolver.sent('RespondToAuthChallenge', call(INPUT))).toEqual({
      ChallengeName: 'SOFTWARE_TOKEN_MFA',
      ClientId: CLIENT_ID,
      Session: 'session-from-login-0123456789',
      ChallengeResponses: { USERNAME: 'ada@example.com', SOFTWARE_TOKEN_MFA_CODE: '654321' },
    });
  });

  it('returns the tokens', () => {
    expect(resolver.response(call(INPUT, cognitoAnswer(200, { AuthenticationResult: AUTHENTICATION_RESULT, ChallengeParameters: {} })))).toEqual({
      idToken: AUTHENTICATION_RESULT.IdToken,
      accessToken: AUTHENTICATION_RESULT.AccessToken,
      refreshToken: AUTHENTICATION_RESULT.RefreshToken,
      expiresIn: 900,
      tokenType: 'Bearer',
    });
  });

  it('fails with InternalError when Cognito answers without tokens', () => {
    const result = cognitoAnswer(200, { ChallengeName: 'SOFTWARE_TOKEN_MFA', Session: 'another-session-0123456789' });
    expect(resolver.refusal('response', call(INPUT, result))).toMatchObject({
      errorType: 'InternalError',
      errorInfo: { requestId: COGNITO_REQUEST_ID },
    });
  });

  const sessionExpired = { errorType: 'SessionExpired', message: 'This sign-in session has expired or was already used. Start again.' };
  it.each([
    [cognitoFailure('CodeMismatchException', 'Invalid code received for user'), { errorType: 'CodeMismatch', message: 'The code is incorrect.' }],
    [
      cognitoFailure('ExpiredCodeException', 'Your software token has already been used once.'),
      { errorType: 'ExpiredCode', message: 'The code has expired or was already used. Use a new code.' },
    ],
    [cognitoFailure('NotAuthorizedException', 'Invalid session for the user, session is expired.'), sessionExpired],
    [cognitoFailure('NotAuthorizedException', 'Invalid session for the user, session can only be used once.'), sessionExpired],
    [
      cognitoFailure('NotAuthorizedException', 'Password attempts exceeded'),
      { errorType: 'TooManyRequests', message: 'Too many failed attempts. Wait a few minutes and try again.' },
    ],
    [cognitoFailure('NotAuthorizedException', 'Incorrect username or password.'), { errorType: 'NotAuthorized', message: 'Incorrect e-mail or password.' }],
    ...COMMON_FAILURES,
  ])('maps Cognito answer %j to %o', (result, expected) => {
    expect(resolver.refusal('response', call(INPUT, result))).toMatchObject(expected);
  });

  it.each([
    [{ ...INPUT, email: 'nobody' }, 'e-mail'],
    [{ ...INPUT, email: `${'a'.repeat(250)}@example.com` }, 'too long'],
    [{ ...INPUT, otp: '1234567' }, 'authenticator code is 6 digits'],
    [{ ...INPUT, otp: ' 12345a ' }, 'authenticator code is 6 digits'],
    [{ email: INPUT.email, verificationSession: INPUT.verificationSession }, 'authenticator code is required'],
    [{ ...INPUT, verificationSession: 'too-short' }, 'verification session is malformed'],
    [{ ...INPUT, verificationSession: 'x'.repeat(4097) }, 'verification session is malformed'],
    [{ email: INPUT.email, otp: INPUT.otp }, 'verification session is required'],
    [{ email: 'nobody', verificationSession: 'short', otp: '1' }, 'e-mail'],
  ])('refuses %o before calling Cognito, with the words the function used', (input, words) => {
    const refusal = resolver.refusal('request', call(input));
    expect(refusal.errorType).toBe('ValidationError');
    expect(refusal.message).toContain(words);
    expect(() => parseInput(FUNCTION_RULES, input)).toThrow(expect.objectContaining({ errorType: 'ValidationError', message: refusal.message }));
  });

  it('passes what the function passed', () => {
    for (const input of [INPUT, { ...INPUT, otp: ' 000000 ' }, { ...INPUT, verificationSession: 'x'.repeat(4096) }]) {
      expect(v.safeParse(FUNCTION_RULES, input).success).toBe(true);
      expect(() => resolver.request(call(input))).not.toThrow();
    }
  });

  it('logs nothing', () => assertLogsNothing('verifyMfa'));
});
