import { CognitoIdentityProviderClient, GlobalSignOutCommand } from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../../functions/logout';
import { awsError, fakeJwt, gatewayEvent, lambdaContext, useTestEnv } from '../helpers';

const cognito = mockClient(CognitoIdentityProviderClient);
// The resolver sends null when neither the header nor the argument carries a token.
const call = (accessToken: string | null | undefined) => handler({ ...gatewayEvent('logout'), accessToken }, lambdaContext);

const ACCESS_TOKEN = fakeJwt({ sub: 'uuid-1', token_use: 'access' });

beforeEach(() => {
  useTestEnv();
  cognito.reset();
});

describe('logout', () => {
  it('signs the user out everywhere', async () => {
    cognito.on(GlobalSignOutCommand).resolves({});
    const result = await call(ACCESS_TOKEN);
    expect(result).toEqual({ data: { status: 'LOGGED_OUT' } });
    expect(cognito.calls()).toHaveLength(1);
    expect(cognito.commandCalls(GlobalSignOutCommand)[0]!.args[0].input).toEqual({ AccessToken: ACCESS_TOKEN });
  });

  it.each([[undefined], [null], ['']])('refuses a call with access token %o before calling Cognito', async (accessToken) => {
    const result = await call(accessToken);
    expect(result.error?.errorType).toBe('NotAuthorized');
    expect(result.error?.message).toContain('access token');
    expect(cognito.calls()).toHaveLength(0);
  });

  const badToken = { errorType: 'NotAuthorized', message: 'The access token is invalid, expired or revoked. Sign in again.' } as const;
  it.each([
    [awsError('NotAuthorizedException', 'Access Token has been revoked'), badToken],
    [awsError('NotAuthorizedException', 'Access Token has expired'), badToken],
    [awsError('TooManyRequestsException', 'Rate exceeded'), { errorType: 'TooManyRequests', message: 'Too many requests. Wait a moment and try again.' }],
    [
      awsError('InternalErrorException', 'Internal error', 'server'),
      { errorType: 'ServiceUnavailable', message: 'The service is temporarily unavailable. Try again later.' },
    ],
  ])('maps %s to %o', async (error, expected) => {
    cognito.on(GlobalSignOutCommand).rejects(error);
    const result = await call(ACCESS_TOKEN);
    expect(result.error).toEqual(expected);
  });
});
