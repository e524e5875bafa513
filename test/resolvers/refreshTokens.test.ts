import { describe, expect, it } from 'vitest';
import { fakeJwt } from '../helpers';
import { assertLogsNothing, CLIENT_ID, COGNITO_REQUEST_ID, COMMON_FAILURES, cognitoAnswer, cognitoFailure, cognitoResolver } from './harness';

const resolver = cognitoResolver('refreshTokens');
const REFRESH_TOKEN = 'eyJjdHkiOiJKV1QiLCJlbmMiOiJBMjU2R0NNIiwiYWxnIjoiUlNBLU9BRVAifQ.refresh-token-sent';
const args = (refreshToken: unknown) => ({ input: { refreshToken } });
const ISSUED = {
  IdToken: fakeJwt({ sub: 'uuid-1', token_use: 'id' }),
  AccessToken: fakeJwt({ sub: 'uuid-1', token_use: 'access' }),
  ExpiresIn: 3600,
  TokenType: 'Bearer',
};

describe('refreshTokens (Cognito GetTokensFromRefreshToken, no function)', () => {
  it('asks Cognito for new tokens with the trimmed refresh token and the app client', () => {
    expect(resolver.sent('GetTokensFromRefreshToken', { args: args(` ${REFRESH_TOKEN} `) })).toEqual({
      ClientId: CLIENT_ID,
      RefreshToken: REFRESH_TOKEN,
    });
  });

  it('returns new tokens and keeps the refresh token sent when Cognito does not rotate it', () => {
    const result = cognitoAnswer(200, { AuthenticationResult: ISSUED });
    expect(resolver.response({ args: args(` ${REFRESH_TOKEN} `), result })).toEqual({
      idToken: ISSUED.IdToken,
      accessToken: ISSUED.AccessToken,
      refreshToken: REFRESH_TOKEN,
      expiresIn: 3600,
      tokenType: 'Bearer',
    });
  });

  it('returns the new refresh token when Cognito rotates it', () => {
    const result = cognitoAnswer(200, { AuthenticationResult: { ...ISSUED, RefreshToken: 'rotated-refresh-token-0123456789' } });
    const tokens = resolver.response({ args: args(REFRESH_TOKEN), result }) as Record<string, unknown>;
    expect(tokens.refreshToken).toBe('rotated-refresh-token-0123456789');
    expect(tokens.accessToken).toBe(ISSUED.AccessToken);
  });

  it("fails with InternalError, naming Cognito's request id, when Cognito answers without tokens", () => {
    expect(resolver.refusal('response', { args: args(REFRESH_TOKEN), result: cognitoAnswer(200, {}) })).toEqual({
      errorType: 'InternalError',
      message: `Cognito returned no tokens. Request id: ${COGNITO_REQUEST_ID}.`,
      errorInfo: { requestId: COGNITO_REQUEST_ID },
    });
  });

  const refused = { errorType: 'NotAuthorized', message: 'The refresh token is invalid, expired or revoked. Sign in again.' };
  it.each([
    [cognitoFailure('NotAuthorizedException', 'Refresh Token has been revoked'), refused],
    [cognitoFailure('NotAuthorizedException', 'Refresh Token has expired'), refused],
    [cognitoFailure('NotAuthorizedException', 'Invalid Refresh Token'), refused],
    ...COMMON_FAILURES,
  ])('maps Cognito answer %j to %o', (result, expected) => {
    expect(resolver.refusal('response', { args: args(REFRESH_TOKEN), result })).toMatchObject(expected);
  });

  it('answers an unknown Cognito failure with InternalError and never passes on Cognito\'s message', () => {
    const result = cognitoFailure('SomethingNewException', 'internal detail');
    const refusal = resolver.refusal('response', { args: args(REFRESH_TOKEN), result });
    expect(refusal).toEqual({
      errorType: 'InternalError',
      message: `Something went wrong on our side. Request id: ${COGNITO_REQUEST_ID}.`,
      errorInfo: { requestId: COGNITO_REQUEST_ID },
    });
  });

  it('answers ServiceUnavailable when Cognito could not be reached', () => {
    const error = { message: 'connect ECONNREFUSED', type: 'HttpRequestFailed' };
    expect(resolver.refusal('response', { args: args(REFRESH_TOKEN), result: null, error })).toEqual({
      errorType: 'ServiceUnavailable',
      message: 'The service is temporarily unavailable. Try again later.',
      errorInfo: null,
    });
  });

  it.each([
    [undefined, 'The refresh token is required.'],
    ['short', 'The refresh token is malformed.'],
    [`  ${'x'.repeat(19)}  `, 'The refresh token is malformed.'],
    ['x'.repeat(8193), 'The refresh token is malformed.'],
  ])('refuses %o before calling Cognito', (refreshToken, message) => {
    expect(resolver.refusal('request', { args: args(refreshToken) })).toEqual({ errorType: 'ValidationError', message, errorInfo: null });
  });

  it('accepts a refresh token of the largest allowed size', () => {
    expect(resolver.sent('GetTokensFromRefreshToken', { args: args('x'.repeat(8192)) }).RefreshToken).toBe('x'.repeat(8192));
    const result = cognitoAnswer(200, { AuthenticationResult: ISSUED });
    expect((resolver.response({ args: args('x'.repeat(8192)), result }) as Record<string, unknown>).refreshToken).toBe('x'.repeat(8192));
  });

  it('logs nothing', () => assertLogsNothing('refreshTokens'));
});
