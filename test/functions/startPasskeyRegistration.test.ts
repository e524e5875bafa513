import { CognitoIdentityProviderClient, StartWebAuthnRegistrationCommand } from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../../functions/startPasskeyRegistration';
import {
  accessTokenSignedIn,
  awsCalls,
  awsError,
  BAD_TOKEN,
  gatewayEvent,
  lambdaContext,
  REAUTHENTICATE,
  STALE_SIGN_INS,
  UNREADABLE_TOKENS,
  useFixedClock,
  useTestEnv,
} from '../helpers';

const cognito = mockClient(CognitoIdentityProviderClient);
const ACCESS_TOKEN = accessTokenSignedIn(60);
const call = (accessToken: string | null = ACCESS_TOKEN) => handler({ ...gatewayEvent('startPasskeyRegistration'), accessToken }, lambdaContext);
const OPTIONS = {
  challenge: 'cmVnaXN0cmF0aW9uLWNoYWxsZW5nZQ',
  rp: { id: 'app.example.com', name: 'Test pool' },
  user: { id: 'dXVpZC0x', name: 'ada@example.com', displayName: 'ada@example.com' },
  pubKeyCredParams: [{ type: 'public-key', alg: -7 }],
  authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
};

beforeEach(() => {
  useTestEnv();
  cognito.reset();
});

useFixedClock();

describe('startPasskeyRegistration', () => {
  it("returns Cognito's creation options for the signed-in user, as JSON", async () => {
    cognito.on(StartWebAuthnRegistrationCommand).resolves({ CredentialCreationOptions: OPTIONS as never });
    const result = await call();
    expect(JSON.parse(result.data!.options)).toEqual(OPTIONS);
    expect(awsCalls(cognito)).toEqual([['StartWebAuthnRegistration', { AccessToken: ACCESS_TOKEN }]]);
  });

  it.each(STALE_SIGN_INS)('asks for a fresh sign-in after %s, with no call: an old stolen token cannot add a passkey', async (_case, accessToken) => {
    expect((await call(accessToken)).error).toEqual(REAUTHENTICATE);
    expect(cognito.calls()).toHaveLength(0);
  });

  it.each(UNREADABLE_TOKENS)('refuses %s with no call', async (_case, accessToken) => {
    expect((await call(accessToken)).error).toEqual(BAD_TOKEN);
    expect(cognito.calls()).toHaveLength(0);
  });

  it('answers FeatureDisabled, with no call, when passkeys are off', async () => {
    delete process.env.PASSKEYS_RELYING_PARTY_ID;
    expect((await call()).error).toEqual({ errorType: 'FeatureDisabled', message: 'Passkeys are not enabled for this gateway.' });
    expect(cognito.calls()).toHaveLength(0);
  });

  it('turns a token Cognito refuses into NotAuthorized', async () => {
    cognito.on(StartWebAuthnRegistrationCommand).rejects(awsError('NotAuthorizedException', 'Access Token has been revoked'));
    expect((await call()).error).toEqual(BAD_TOKEN);
  });

  it('fails with InternalError, never an empty answer, when Cognito returns no options', async () => {
    cognito.on(StartWebAuthnRegistrationCommand).resolves({});
    expect((await call()).error).toMatchObject({ errorType: 'InternalError' });
  });
});
