import { describe, expect, it } from 'vitest';
import { fakeJwt } from '../helpers';
import { assertLogsNothing, COMMON_FAILURES, cognitoAnswer, cognitoFailure, cognitoResolver } from './harness';

const resolver = cognitoResolver('me');
const ACCESS_TOKEN = fakeJwt({ sub: 'uuid-1', token_use: 'access', 'cognito:groups': ['admins', 'staff', 'équipe-ü'] });
const PROFILE = cognitoAnswer(200, {
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

describe('me (Cognito GetUser, no function)', () => {
  it('asks Cognito for the user of the trimmed access token', () => {
    expect(resolver.sent('GetUser', { args: { accessToken: ` ${ACCESS_TOKEN} ` } })).toEqual({ AccessToken: ACCESS_TOKEN });
  });

  it('reads the token from the Authorization header, with or without Bearer', () => {
    for (const authorization of [`Bearer ${ACCESS_TOKEN}`, `bearer  ${ACCESS_TOKEN} `, ACCESS_TOKEN]) {
      expect(resolver.sent('GetUser', { headers: { authorization } })).toEqual({ AccessToken: ACCESS_TOKEN });
    }
  });

  it('prefers the accessToken argument over the header', () => {
    const call = { args: { accessToken: 'from.argument.token' }, headers: { authorization: 'Bearer from.header.token' } };
    expect(resolver.sent('GetUser', call)).toEqual({ AccessToken: 'from.argument.token' });
  });

  it.each([
    [{}, {}],
    [{ accessToken: null }, {}],
    [{ accessToken: '   ' }, { authorization: `Bearer ${ACCESS_TOKEN}` }],
    [{}, { authorization: '   ' }],
  ])('refuses arguments %o with headers %o before calling Cognito', (args, headers) => {
    expect(resolver.refusal('request', { args, headers })).toEqual({
      errorType: 'NotAuthorized',
      message: "This operation needs the user's access token: send it in the Authorization header or the accessToken argument.",
      errorInfo: null,
    });
  });

  it('reads the profile from Cognito and the groups from the token', () => {
    expect(resolver.response({ args: { accessToken: ACCESS_TOKEN }, result: PROFILE })).toEqual({
      userId: 'uuid-1',
      email: 'ada@example.com',
      emailVerified: true,
      fullName: 'Ada Lovelace',
      givenName: 'Ada',
      familyName: 'Lovelace',
      phoneNumber: '+447700900123',
      groups: ['admins', 'staff', 'équipe-ü'],
      mfaEnabled: true,
    });
  });

  it('answers null for missing attributes and no groups for a token without them', () => {
    const result = cognitoAnswer(200, {
      Username: 'uuid-2',
      UserAttributes: [
        { Name: 'sub', Value: 'uuid-2' },
        { Name: 'email', Value: 'bob@example.com' },
      ],
    });
    const token = fakeJwt({ sub: 'uuid-2', token_use: 'access' });
    expect(resolver.response({ headers: { authorization: `Bearer ${token}` }, result })).toEqual({
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

  const badToken = { errorType: 'NotAuthorized', message: 'The access token is invalid, expired or revoked. Sign in again.' };
  it.each([
    [cognitoFailure('NotAuthorizedException', 'Access Token has been revoked'), badToken],
    [cognitoFailure('NotAuthorizedException', 'Access Token has expired'), badToken],
    [cognitoFailure('NotAuthorizedException', 'Invalid Access Token'), badToken],
    [
      cognitoFailure('PasswordResetRequiredException', 'Password reset required for the user'),
      { errorType: 'PasswordResetRequired', message: 'A password reset is required: call forgotPassword.' },
    ],
    [cognitoFailure('UserNotFoundException', 'User does not exist.'), { errorType: 'NotAuthorized', message: 'Incorrect e-mail or password.' }],
    ...COMMON_FAILURES,
  ])('maps Cognito answer %j to %o', (result, expected) => {
    expect(resolver.refusal('response', { args: { accessToken: ACCESS_TOKEN }, result })).toMatchObject(expected);
  });

  it('logs nothing', () => assertLogsNothing('me'));
});
