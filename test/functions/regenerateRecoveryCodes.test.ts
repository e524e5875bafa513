import { AdminUpdateUserAttributesCommand, CognitoIdentityProviderClient, GetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { consumeRecoveryCode, remainingRecoveryCodes } from '../../functions/lib/recoveryCodes';
import { handler } from '../../functions/regenerateRecoveryCodes';
import {
  accessTokenSignedIn,
  awsCalls,
  awsError,
  BAD_TOKEN,
  gatewayEvent,
  lambdaContext,
  REAUTHENTICATE,
  SIGNED_IN_USER,
  STALE_SIGN_INS,
  TEST_ENV,
  UNREADABLE_TOKENS,
  useFixedClock,
  useTestEnv,
} from '../helpers';

const cognito = mockClient(CognitoIdentityProviderClient);
const ACCESS_TOKEN = accessTokenSignedIn(60);
const call = (accessToken: string | null = ACCESS_TOKEN) => handler({ ...gatewayEvent('regenerateRecoveryCodes'), accessToken }, lambdaContext);

/** What the gateway wrote as the user's recovery codes. */
const written = () =>
  cognito.commandCalls(AdminUpdateUserAttributesCommand).at(-1)!.args[0].input.UserAttributes!.find((a) => a.Name === 'custom:recovery_codes')!
    .Value!;

function answerAsSignedInUser(): void {
  cognito.on(GetUserCommand).resolves(SIGNED_IN_USER);
  cognito.on(AdminUpdateUserAttributesCommand).resolves({});
}

beforeEach(() => {
  useTestEnv();
  cognito.reset();
});

useFixedClock();

describe('regenerateRecoveryCodes', () => {
  it('identifies the user by the token, then replaces the stored codes with ten new ones', async () => {
    answerAsSignedInUser();
    const result = await call();
    const codes = result.data!.recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[0-9a-z]{5}-[0-9a-z]{5}$/);
    expect(awsCalls(cognito)).toEqual([
      ['GetUser', { AccessToken: ACCESS_TOKEN }],
      [
        'AdminUpdateUserAttributes',
        { UserPoolId: TEST_ENV.USER_POOL_ID, Username: 'ada@example.com', UserAttributes: [{ Name: 'custom:recovery_codes', Value: expect.any(String) }] },
      ],
    ]);
    // What is stored checks each returned code, and contains none of them.
    const stored = written();
    expect(remainingRecoveryCodes(stored)).toBe(10);
    for (const code of codes) expect(stored.toLowerCase()).not.toContain(code.replace('-', ''));
    expect(await consumeRecoveryCode(stored, codes[9]!)).not.toBeNull();
  });

  it('makes a new set each time, so the older codes stop working', async () => {
    answerAsSignedInUser();
    const first = (await call()).data!.recoveryCodes;
    const second = (await call()).data!.recoveryCodes;
    expect(second.filter((code) => first.includes(code))).toEqual([]);
    expect(await consumeRecoveryCode(written(), first[0]!)).toBeNull();
  });

  it.each(STALE_SIGN_INS)('asks for a fresh sign-in after %s, with no call', async (_case, accessToken) => {
    answerAsSignedInUser();
    expect((await call(accessToken)).error).toEqual(REAUTHENTICATE);
    expect(cognito.calls()).toHaveLength(0);
  });

  it.each(UNREADABLE_TOKENS)('refuses %s with no call', async (_case, accessToken) => {
    answerAsSignedInUser();
    expect((await call(accessToken)).error).toEqual(BAD_TOKEN);
    expect(cognito.calls()).toHaveLength(0);
  });

  it.each([[null], ['  ']])('refuses access token %o with no call', async (accessToken) => {
    const result = await call(accessToken);
    expect(result.error?.errorType).toBe('NotAuthorized');
    expect(cognito.calls()).toHaveLength(0);
  });

  it('writes nothing when Cognito refuses the token', async () => {
    answerAsSignedInUser();
    cognito.on(GetUserCommand).rejects(awsError('NotAuthorizedException', 'Access Token has been revoked'));
    const result = await call();
    expect(result.error).toEqual(BAD_TOKEN);
    expect(cognito.commandCalls(AdminUpdateUserAttributesCommand)).toHaveLength(0);
  });

  it('writes nothing when Cognito names no e-mail address', async () => {
    answerAsSignedInUser();
    cognito.on(GetUserCommand).resolves({ Username: 'uuid-1', UserAttributes: [{ Name: 'sub', Value: 'uuid-1' }] });
    const result = await call();
    expect(result.error).toMatchObject({ errorType: 'InternalError', requestId: 'req-1234' });
    expect(cognito.commandCalls(AdminUpdateUserAttributesCommand)).toHaveLength(0);
  });

  it('returns no codes when they cannot be stored', async () => {
    answerAsSignedInUser();
    cognito.on(AdminUpdateUserAttributesCommand).rejects(awsError('TooManyRequestsException', 'Rate exceeded'));
    const result = await call();
    expect(result).toEqual({ error: { errorType: 'TooManyRequests', message: 'Too many requests. Wait a moment and try again.' } });
  });
});
