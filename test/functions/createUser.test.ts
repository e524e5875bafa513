import { AdminCreateUserCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../../functions/createUser';
import { awsError, gatewayEvent, lambdaContext, TEST_ENV, useTestEnv } from '../helpers';

const cognito = mockClient(CognitoIdentityProviderClient);
const call = (input: Record<string, unknown>) => handler(gatewayEvent('createUser', input), lambdaContext);

beforeEach(() => {
  useTestEnv();
  cognito.reset();
});

describe('createUser', () => {
  it('creates the user with an e-mailed invitation and answers without an id', async () => {
    cognito.on(AdminCreateUserCommand).resolves({
      User: { Username: 'uuid-1', Attributes: [{ Name: 'sub', Value: 'uuid-1' }] },
    });
    const result = await call({ email: ' Ada@Example.com ', fullName: 'Ada Lovelace', phoneNumber: '+447700900123' });
    expect(result).toEqual({ data: { userId: null, email: 'ada@example.com', status: 'CREATED' } });
    const sent = cognito.commandCalls(AdminCreateUserCommand);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.args[0].input).toEqual({
      UserPoolId: TEST_ENV.USER_POOL_ID,
      Username: 'ada@example.com',
      DesiredDeliveryMediums: ['EMAIL'],
      UserAttributes: [
        { Name: 'email', Value: 'ada@example.com' },
        { Name: 'email_verified', Value: 'true' },
        { Name: 'name', Value: 'Ada Lovelace' },
        { Name: 'phone_number', Value: '+447700900123' },
      ],
    });
  });

  it('leaves the phone number out when none is given', async () => {
    cognito.on(AdminCreateUserCommand).resolves({ User: { Username: 'uuid-2' } });
    await call({ email: 'bob@example.com', fullName: 'Bob' });
    const attributes = cognito.commandCalls(AdminCreateUserCommand)[0]!.args[0].input.UserAttributes;
    expect(attributes?.map((a) => a.Name)).toEqual(['email', 'email_verified', 'name']);
  });

  it.each([
    [{ email: 'not-an-email', fullName: 'X' }, 'e-mail'],
    [{ email: 'a@example.com', fullName: '  ' }, 'full name'],
    [{ email: 'a@example.com', fullName: 'X', phoneNumber: '0770 090' }, 'E.164'],
  ])('refuses %o before calling Cognito', async (input, words) => {
    const result = await call(input);
    expect(result.error?.errorType).toBe('ValidationError');
    expect(result.error?.message).toContain(words);
    expect(cognito.calls()).toHaveLength(0);
  });

  it('answers an address that already has an account exactly like a new one', async () => {
    cognito.on(AdminCreateUserCommand).resolves({ User: { Username: 'uuid-3' } });
    const fresh = await call({ email: 'ada@example.com', fullName: 'Ada' });
    cognito.reset().on(AdminCreateUserCommand).rejects(awsError('UsernameExistsException', 'User account already exists'));
    const existing = await call({ email: 'ada@example.com', fullName: 'Ada' });
    expect(existing).toEqual(fresh);
  });

  it.each([
    ['InvalidParameterException', 'ValidationError'],
    ['TooManyRequestsException', 'TooManyRequests'],
    ['CodeDeliveryFailureException', 'ServiceUnavailable'],
    ['SomethingNewException', 'InternalError'],
  ])('maps %s to %s', async (name, errorType) => {
    cognito.on(AdminCreateUserCommand).rejects(awsError(name, 'AWS internal detail'));
    const result = await call({ email: 'a@example.com', fullName: 'A' });
    expect(result.error?.errorType).toBe(errorType);
    expect(result.error?.message).not.toContain('AWS internal detail');
  });

  it('gives InternalError a request id', async () => {
    cognito.on(AdminCreateUserCommand).rejects(new TypeError('boom'));
    const result = await call({ email: 'a@example.com', fullName: 'A' });
    expect(result.error).toMatchObject({ errorType: 'InternalError', requestId: 'req-1234' });
    expect(result.error?.message).toContain('req-1234');
    expect(result.error?.message).not.toContain('boom');
  });
});
