import { CognitoIdentityProviderClient, GetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../../functions/me';
import { awsError, fakeJwt, gatewayEvent, lambdaContext, useTestEnv } from '../helpers';

const cognito = mockClient(CognitoIdentityProviderClient);
// The resolver sends null when neither the header nor the argument carries a token.
const call = (accessToken: string | null | undefined) => handler({ ...gatewayEvent('me'), accessToken }, lambdaContext);

const ACCESS_TOKEN = fakeJwt({ sub: 'uuid-1', token_use: 'access', 'cognito:groups': ['admins', 'staff'] });

beforeEach(() => {
  useTestEnv();
  cognito.reset();
});

describe('me', () => {
  it('reads the profile from Cognito and the groups from the token', async () => {
    cognito.on(GetUserCommand).resolves({
      Username: 'uuid-1',
      UserAttributes: [
        { Name: 'sub', Value: 'uuid-1' },
        { Name: 'email', Value: 'ada@example.com' },
        { Name: 'email_verified', Value: 'true' },
        { Name: 'name', Value: 'Ada Lovelace' },
        { Name: 'given_name', Value: 'Ada' },
        { Name: 'family_name', Value: 'Lovelace' },
        { Name: 'phone_number', Value: '+447700900123' },
      ],
      UserMFASettingList: ['SOFTWARE_TOKEN_MFA'],
      PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA',
    });
    const result = await call(` ${ACCESS_TOKEN} `);
    expect(cognito.calls()).toHaveLength(1);
    expect(cognito.commandCalls(GetUserCommand)[0]!.args[0].input).toEqual({ AccessToken: ACCESS_TOKEN });
    expect(result).toEqual({
      data: {
        userId: 'uuid-1',
        email: 'ada@example.com',
        emailVerified: true,
        fullName: 'Ada Lovelace',
        givenName: 'Ada',
        familyName: 'Lovelace',
        phoneNumber: '+447700900123',
        groups: ['admins', 'staff'],
        mfaEnabled: true,
      },
    });
  });

  it('answers null for missing attributes and no groups for a token without them', async () => {
    cognito.on(GetUserCommand).resolves({
      Username: 'uuid-2',
      UserAttributes: [
        { Name: 'sub', Value: 'uuid-2' },
        { Name: 'email', Value: 'bob@example.com' },
      ],
    });
    const result = await call(fakeJwt({ sub: 'uuid-2', token_use: 'access' }));
    expect(result.data).toEqual({
      userId: 'uuid-2',
      email: 'bob@example.com',
      emailVerified: false,
      fullName: null,
      givenName: null,
      familyName: null,
      phoneNumber: null,
      groups: [],
      mfaEnabled: false,
    });
  });

  it.each([[undefined], [null], ['   ']])('refuses a call with access token %o before calling Cognito', async (accessToken) => {
    const result = await call(accessToken);
    expect(result.error?.errorType).toBe('NotAuthorized');
    expect(result.error?.message).toContain('access token');
    expect(cognito.calls()).toHaveLength(0);
  });

  const badToken = { errorType: 'NotAuthorized', message: 'The access token is invalid, expired or revoked. Sign in again.' } as const;
  it.each([
    [awsError('NotAuthorizedException', 'Access Token has been revoked'), badToken],
    [awsError('NotAuthorizedException', 'Access Token has expired'), badToken],
    [awsError('NotAuthorizedException', 'Invalid Access Token'), badToken],
    [
      awsError('PasswordResetRequiredException', 'Password reset required for the user'),
      { errorType: 'PasswordResetRequired', message: 'A password reset is required: call forgotPassword.' },
    ],
    [awsError('TooManyRequestsException', 'Rate exceeded'), { errorType: 'TooManyRequests', message: 'Too many requests. Wait a moment and try again.' }],
    [
      awsError('InternalErrorException', 'Internal error', 'server'),
      { errorType: 'ServiceUnavailable', message: 'The service is temporarily unavailable. Try again later.' },
    ],
  ])('maps %s to %o', async (error, expected) => {
    cognito.on(GetUserCommand).rejects(error);
    const result = await call(ACCESS_TOKEN);
    expect(result.error).toEqual(expected);
  });
});
