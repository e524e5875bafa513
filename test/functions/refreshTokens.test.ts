import { CognitoIdentityProviderClient, GetTokensFromRefreshTokenCommand } from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../../functions/refreshTokens';
import { awsError, fakeJwt, gatewayEvent, lambdaContext, TEST_ENV, useTestEnv } from '../helpers';

const cognito = mockClient(CognitoIdentityProviderClient);
const call = (input: Record<string, unknown>) => handler(gatewayEvent('refreshTokens', input), lambdaContext);

const REFRESH_TOKEN = 'eyJjdHkiOiJKV1QiLCJlbmMiOiJBMjU2R0NNIiwiYWxnIjoiUlNBLU9BRVAifQ.refresh-token-sent';
const ISSUED = {
  IdToken: fakeJwt({ sub: 'uuid-1', token_use: 'id' }),
  AccessToken: fakeJwt({ sub: 'uuid-1', token_use: 'access' }),
  ExpiresIn: 3600,
  TokenType: 'Bearer',
};

beforeEach(() => {
  useTestEnv();
  cognito.reset();
});

describe('refreshTokens', () => {
  it('returns new tokens and keeps the refresh token sent when Cognito does not rotate it', async () => {
    cognito.on(GetTokensFromRefreshTokenCommand).resolves({ AuthenticationResult: ISSUED });
    const result = await call({ refreshToken: ` ${REFRESH_TOKEN} ` });
    expect(cognito.calls()).toHaveLength(1);
    expect(cognito.commandCalls(GetTokensFromRefreshTokenCommand)[0]!.args[0].input).toEqual({
      ClientId: TEST_ENV.USER_POOL_CLIENT_ID,
      RefreshToken: REFRESH_TOKEN,
    });
    expect(result).toEqual({
      data: {
        idToken: ISSUED.IdToken,
        accessToken: ISSUED.AccessToken,
        refreshToken: REFRESH_TOKEN,
        expiresIn: 3600,
        tokenType: 'Bearer',
      },
    });
  });

  it('returns the new refresh token when Cognito rotates it', async () => {
    cognito.on(GetTokensFromRefreshTokenCommand).resolves({ AuthenticationResult: { ...ISSUED, RefreshToken: 'rotated-refresh-token-0123456789' } });
    const result = await call({ refreshToken: REFRESH_TOKEN });
    expect(result.data?.refreshToken).toBe('rotated-refresh-token-0123456789');
    expect(result.data?.accessToken).toBe(ISSUED.AccessToken);
  });

  it('fails when Cognito answers without tokens', async () => {
    cognito.on(GetTokensFromRefreshTokenCommand).resolves({});
    const result = await call({ refreshToken: REFRESH_TOKEN });
    expect(result.error).toMatchObject({ errorType: 'InternalError', requestId: 'req-1234' });
  });

  const refused = { errorType: 'NotAuthorized', message: 'The refresh token is invalid, expired or revoked. Sign in again.' } as const;
  it.each([
    [awsError('NotAuthorizedException', 'Refresh Token has been revoked'), refused],
    [awsError('NotAuthorizedException', 'Refresh Token has expired'), refused],
    [awsError('NotAuthorizedException', 'Invalid Refresh Token'), refused],
    [awsError('RefreshTokenReuseException', 'Refresh Token has been rotated'), refused],
    [awsError('TooManyRequestsException', 'Rate exceeded'), { errorType: 'TooManyRequests', message: 'Too many requests. Wait a moment and try again.' }],
    [
      awsError('InternalErrorException', 'Internal error', 'server'),
      { errorType: 'ServiceUnavailable', message: 'The service is temporarily unavailable. Try again later.' },
    ],
  ])('maps %s to %o', async (error, expected) => {
    cognito.on(GetTokensFromRefreshTokenCommand).rejects(error);
    const result = await call({ refreshToken: REFRESH_TOKEN });
    expect(result.error).toEqual(expected);
  });

  it.each([
    [{}, 'refresh token is required'],
    [{ refreshToken: 'short' }, 'refresh token is malformed'],
    [{ refreshToken: 'x'.repeat(8193) }, 'refresh token is malformed'],
  ])('refuses %o before calling Cognito', async (input, words) => {
    const result = await call(input);
    expect(result.error?.errorType).toBe('ValidationError');
    expect(result.error?.message).toContain(words);
    expect(cognito.calls()).toHaveLength(0);
  });

  it('accepts a refresh token of the largest allowed size', async () => {
    cognito.on(GetTokensFromRefreshTokenCommand).resolves({ AuthenticationResult: ISSUED });
    const result = await call({ refreshToken: 'x'.repeat(8192) });
    expect(result.data?.refreshToken).toBe('x'.repeat(8192));
  });
});
