import { CognitoIdentityProviderClient, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../../functions/startPasskeySignIn';
import { awsCalls, awsError, gatewayEvent, lambdaContext, TEST_ENV, useTestEnv } from '../helpers';

const cognito = mockClient(CognitoIdentityProviderClient);
const call = (email: unknown = ' Ada@Example.com ') => handler(gatewayEvent('startPasskeySignIn', { email }), lambdaContext);
const SESSION = 'cognito-session-'.padEnd(120, 'x');
const COGNITO_OPTIONS = {
  rpId: 'app.example.com',
  // 32 random bytes, as WebAuthn recommends at least 16 (https://www.w3.org/TR/webauthn-3/#sctn-cryptographic-challenges).
  challenge: 'BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc',
  timeout: 900000,
  userVerification: 'required',
  // The user's passkeys: never passed on.
  allowCredentials: [{ id: 'YWRhcy1wYXNza2V5LWlkLTAx', type: 'public-key', transports: ['internal'] }],
};

/** The options' keys and value kinds: the same for every address. */
function shapeOf(options: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(options).map(([key, value]) => [key, key === 'challenge' ? `${typeof value}:${String(value).length}` : JSON.stringify(value)]));
}

beforeEach(() => {
  useTestEnv();
  cognito.reset();
});

describe('startPasskeySignIn', () => {
  it("asks Cognito for a WEB_AUTHN challenge and passes on its challenge and session, without the user's passkey ids", async () => {
    cognito.on(InitiateAuthCommand).resolves({ ChallengeName: 'WEB_AUTHN', Session: SESSION, ChallengeParameters: { CREDENTIAL_REQUEST_OPTIONS: JSON.stringify(COGNITO_OPTIONS) } });
    const result = await call();
    expect(awsCalls(cognito)).toEqual([
      ['InitiateAuth', { AuthFlow: 'USER_AUTH', ClientId: TEST_ENV.USER_POOL_CLIENT_ID, AuthParameters: { USERNAME: 'ada@example.com', PREFERRED_CHALLENGE: 'WEB_AUTHN' } }],
    ]);
    expect(result.data!.email).toBe('ada@example.com');
    expect(result.data!.session).toBe(SESSION);
    expect(JSON.parse(result.data!.options)).toEqual({ challenge: COGNITO_OPTIONS.challenge, rpId: 'app.example.com', timeout: 180000, userVerification: 'required' });
  });

  it.each([
    ['Cognito refuses the name', () => cognito.on(InitiateAuthCommand).rejects(awsError('NotAuthorizedException', 'Incorrect username or password.'))],
    ['the user does not exist', () => cognito.on(InitiateAuthCommand).rejects(awsError('UserNotFoundException', 'User does not exist.'))],
    ['the user has not confirmed', () => cognito.on(InitiateAuthCommand).rejects(awsError('UserNotConfirmedException'))],
    ['Cognito offers another challenge', () => cognito.on(InitiateAuthCommand).resolves({ ChallengeName: 'SELECT_CHALLENGE', Session: SESSION, AvailableChallenges: ['PASSWORD'] })],
    ['Cognito answers unreadable options', () => cognito.on(InitiateAuthCommand).resolves({ ChallengeName: 'WEB_AUTHN', Session: SESSION, ChallengeParameters: { CREDENTIAL_REQUEST_OPTIONS: '{' } })],
  ])('answers the same kind of challenge when %s, with a session of its own', async (_case, answer) => {
    cognito.on(InitiateAuthCommand).resolves({ ChallengeName: 'WEB_AUTHN', Session: SESSION, ChallengeParameters: { CREDENTIAL_REQUEST_OPTIONS: JSON.stringify(COGNITO_OPTIONS) } });
    const real = (await call()).data!;
    cognito.reset();
    answer();
    const made = (await call()).data!;
    expect(Object.keys(made)).toEqual(Object.keys(real));
    expect(shapeOf(JSON.parse(made.options))).toEqual(shapeOf(JSON.parse(real.options)));
    expect(made.session).not.toBe(SESSION);
    expect(made.session).toMatch(/^[A-Za-z0-9_-]{80,}$/);
    // Two made-up challenges never repeat.
    expect(JSON.parse((await call()).data!.options).challenge).not.toBe(JSON.parse(made.options).challenge);
  });

  it.each([
    ['a throttle', 'TooManyRequestsException', 'TooManyRequests'],
    ["Cognito's own failure", 'InternalErrorException', 'ServiceUnavailable'],
  ])('passes on %s: it says nothing about the address', async (_case, name, errorType) => {
    cognito.on(InitiateAuthCommand).rejects(awsError(name, name, name === 'InternalErrorException' ? 'server' : 'client'));
    expect((await call()).error).toMatchObject({ errorType });
  });

  it('refuses a malformed address before any call', async () => {
    expect((await call('not-an-address')).error).toEqual({ errorType: 'ValidationError', message: 'Enter a valid e-mail address.' });
    expect(cognito.calls()).toHaveLength(0);
  });

  it('answers FeatureDisabled, with no call, when passkeys are off', async () => {
    delete process.env.PASSKEYS_RELYING_PARTY_ID;
    expect((await call()).error).toEqual({ errorType: 'FeatureDisabled', message: 'Passkeys are not enabled for this gateway.' });
    expect(cognito.calls()).toHaveLength(0);
  });
});
