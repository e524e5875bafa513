import { CognitoIdentityProviderClient, GetUserCommand, UpdateUserAttributesCommand } from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../../functions/updateProfile';
import { awsError, fakeJwt, gatewayEvent, lambdaContext, useTestEnv } from '../helpers';

const cognito = mockClient(CognitoIdentityProviderClient);
const ACCESS_TOKEN = fakeJwt({ sub: 'uuid-1', token_use: 'access', 'cognito:groups': ['staff'] });
const call = (input: Record<string, unknown>, accessToken: string | null = ACCESS_TOKEN) =>
  handler({ ...gatewayEvent('updateProfile', input), accessToken }, lambdaContext);

const commandNames = () => cognito.calls().map((c) => c.args[0].constructor.name);

/** Cognito accepting the update and reading back the updated profile. */
function answerWithProfile(): void {
  cognito.on(UpdateUserAttributesCommand).resolves({ CodeDeliveryDetailsList: [] });
  cognito.on(GetUserCommand).resolves({
    Username: 'uuid-1',
    UserAttributes: [
      { Name: 'sub', Value: 'uuid-1' },
      { Name: 'email', Value: 'ada@example.com' },
      { Name: 'email_verified', Value: 'true' },
      { Name: 'name', Value: 'Ada King' },
      { Name: 'given_name', Value: 'Ada' },
      { Name: 'family_name', Value: 'King' },
      { Name: 'phone_number', Value: '+447700900123' },
    ],
    UserMFASettingList: ['SOFTWARE_TOKEN_MFA'],
  });
}

beforeEach(() => {
  useTestEnv();
  cognito.reset();
});

describe('updateProfile', () => {
  it('updates every given field and answers with the profile Cognito now has', async () => {
    answerWithProfile();
    const result = await call({ fullName: ' Ada King ', givenName: 'Ada', familyName: 'King', phoneNumber: '+447700900123' });
    expect(commandNames()).toEqual([UpdateUserAttributesCommand.name, GetUserCommand.name]);
    expect(cognito.commandCalls(UpdateUserAttributesCommand)[0]!.args[0].input).toEqual({
      AccessToken: ACCESS_TOKEN,
      UserAttributes: [
        { Name: 'name', Value: 'Ada King' },
        { Name: 'given_name', Value: 'Ada' },
        { Name: 'family_name', Value: 'King' },
        { Name: 'phone_number', Value: '+447700900123' },
      ],
    });
    expect(cognito.commandCalls(GetUserCommand)[0]!.args[0].input).toEqual({ AccessToken: ACCESS_TOKEN });
    expect(result).toEqual({
      data: {
        userId: 'uuid-1',
        email: 'ada@example.com',
        emailVerified: true,
        fullName: 'Ada King',
        givenName: 'Ada',
        familyName: 'King',
        phoneNumber: '+447700900123',
        groups: ['staff'],
        mfaEnabled: true,
      },
    });
  });

  it.each([
    [{ phoneNumber: '+14155550123' }, [{ Name: 'phone_number', Value: '+14155550123' }]],
    [{ fullName: null, givenName: 'Ada' }, [{ Name: 'given_name', Value: 'Ada' }]],
    [
      { familyName: 'King', fullName: 'Ada King', phoneNumber: null },
      [
        { Name: 'name', Value: 'Ada King' },
        { Name: 'family_name', Value: 'King' },
      ],
    ],
  ])('sends only the fields given in %o', async (input, attributes) => {
    answerWithProfile();
    const result = await call(input);
    expect(result.data?.userId).toBe('uuid-1');
    expect(cognito.commandCalls(UpdateUserAttributesCommand)[0]!.args[0].input.UserAttributes).toEqual(attributes);
  });

  it.each([
    [{}, 'at least one'],
    [{ fullName: null, givenName: null, familyName: null, phoneNumber: null }, 'at least one'],
    [{ fullName: '   ' }, 'full name cannot be empty'],
    [{ givenName: '' }, 'given name cannot be empty'],
    [{ familyName: 'x'.repeat(257) }, 'family name is at most 256'],
    [{ phoneNumber: '07700 900123' }, 'E.164'],
  ])('refuses %o before calling Cognito', async (input, words) => {
    const result = await call(input);
    expect(result.error?.errorType).toBe('ValidationError');
    expect(result.error?.message).toContain(words);
    expect(cognito.calls()).toHaveLength(0);
  });

  it.each([[null], ['']])('refuses a call with access token %o before calling Cognito', async (accessToken) => {
    const result = await call({ givenName: 'Ada' }, accessToken);
    expect(result.error?.errorType).toBe('NotAuthorized');
    expect(result.error?.message).toContain('access token');
    expect(cognito.calls()).toHaveLength(0);
  });

  it.each([
    [awsError('NotAuthorizedException', 'Access Token has been revoked'), 'NotAuthorized', 'The access token is invalid, expired or revoked. Sign in again.'],
    [awsError('InvalidParameterException', 'Invalid phone number format.'), 'ValidationError', 'The request has an invalid value.'],
    [awsError('AliasExistsException', 'An account with the phone_number already exists.'), 'UserAlreadyExists', 'A user with this e-mail already exists.'],
    [awsError('CodeDeliveryFailureException', 'Unable to deliver'), 'ServiceUnavailable', 'The e-mail could not be sent. Try again later.'],
    [awsError('TooManyRequestsException', 'Rate exceeded'), 'TooManyRequests', 'Too many requests. Wait a moment and try again.'],
  ] as const)('maps the update failing with %s to %s, reading nothing back', async (error, errorType, message) => {
    answerWithProfile();
    cognito.on(UpdateUserAttributesCommand).rejects(error);
    const result = await call({ givenName: 'Ada' });
    expect(result.error).toEqual({ errorType, message });
    expect(commandNames()).toEqual([UpdateUserAttributesCommand.name]);
  });

  it('maps the read-back failing', async () => {
    answerWithProfile();
    cognito.on(GetUserCommand).rejects(awsError('InternalErrorException', 'Internal error', 'server'));
    const result = await call({ givenName: 'Ada' });
    expect(result.error).toEqual({ errorType: 'ServiceUnavailable', message: 'The service is temporarily unavailable. Try again later.' });
  });
});
