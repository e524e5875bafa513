import {
  CognitoIdentityProviderClient,
  CompleteWebAuthnRegistrationCommand,
  GetUserCommand,
  ListWebAuthnCredentialsCommand,
  SetUserMFAPreferenceCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../../functions/finishPasskeyRegistration';
import { awsCallNames, awsCalls, awsError, fakeJwt, gatewayEvent, lambdaContext, notificationSent, SIGNED_IN_USER, useTestEnv } from '../helpers';

const cognito = mockClient(CognitoIdentityProviderClient);
const ses = mockClient(SESv2Client);
const ACCESS_TOKEN = fakeJwt({ sub: 'uuid-1', token_use: 'access' });
const CREDENTIAL = {
  id: 'bmV3LXBhc3NrZXktaWQtMDE',
  rawId: 'bmV3LXBhc3NrZXktaWQtMDE',
  type: 'public-key',
  response: { clientDataJSON: 'e30', attestationObject: 'o2NmbXRkbm9uZQ', transports: ['internal'] },
  clientExtensionResults: {},
};
const call = (credential: unknown = JSON.stringify(CREDENTIAL), accessToken: string | null = ACCESS_TOKEN) =>
  handler({ ...gatewayEvent('finishPasskeyRegistration', { credential }), accessToken }, lambdaContext);
const CREATED = new Date('2026-12-02T10:00:00Z');
const listed = (id: string) => ({
  CredentialId: id,
  FriendlyCredentialName: 'Passkey 2026-12-02',
  RelyingPartyId: 'app.example.com',
  AuthenticatorAttachment: 'platform',
  AuthenticatorTransports: ['internal'],
  CreatedAt: CREATED,
});

function answerAsSignedInUser(): void {
  cognito.on(SetUserMFAPreferenceCommand).resolves({});
  cognito.on(CompleteWebAuthnRegistrationCommand).resolves({});
  cognito.on(ListWebAuthnCredentialsCommand).resolves({ Credentials: [listed('b2xkZXItcGFzc2tleS0wMQ'), listed(CREDENTIAL.id)] });
  cognito.on(GetUserCommand).resolves(SIGNED_IN_USER);
  ses.on(SendEmailCommand).resolves({ MessageId: 'message-1' });
}

beforeEach(() => {
  useTestEnv();
  cognito.reset();
  ses.reset();
});

describe('finishPasskeyRegistration', () => {
  it('turns passkey MFA on, stores the passkey, answers it as Cognito lists it and tells the user', async () => {
    answerAsSignedInUser();
    const result = await call();
    expect(result).toEqual({
      data: {
        id: CREDENTIAL.id,
        name: 'Passkey 2026-12-02',
        created: '2026-12-02T10:00:00.000Z',
        relyingPartyId: 'app.example.com',
        authenticatorAttachment: 'platform',
        transports: ['internal'],
      },
    });
    expect(awsCalls(cognito, ses)).toEqual([
      ['SetUserMFAPreference', { AccessToken: ACCESS_TOKEN, WebAuthnMfaSettings: { Enabled: true } }],
      ['CompleteWebAuthnRegistration', { AccessToken: ACCESS_TOKEN, Credential: CREDENTIAL }],
      ['ListWebAuthnCredentials', { AccessToken: ACCESS_TOKEN, MaxResults: 20 }],
      ['GetUser', { AccessToken: ACCESS_TOKEN }],
      notificationSent('ada@example.com', 'passkeyAdded'),
    ]);
  });

  it('finds the new passkey on a later page', async () => {
    answerAsSignedInUser();
    cognito
      .on(ListWebAuthnCredentialsCommand, { NextToken: undefined })
      .resolves({ Credentials: [listed('b2xkZXItcGFzc2tleS0wMQ')], NextToken: 'page-2' })
      .on(ListWebAuthnCredentialsCommand, { NextToken: 'page-2' })
      .resolves({ Credentials: [listed(CREDENTIAL.id)] });
    expect((await call()).data?.id).toBe(CREDENTIAL.id);
  });

  it('stores nothing when passkey MFA cannot be turned on (no enabled authenticator): start again', async () => {
    answerAsSignedInUser();
    cognito.on(SetUserMFAPreferenceCommand).rejects(awsError('InvalidParameterException', 'Passkey MFA requires another MFA method'));
    expect((await call()).error).toEqual({ errorType: 'ValidationError', message: 'The request has an invalid value.' });
    expect(awsCallNames(cognito, ses)).toEqual(['SetUserMFAPreference']);
  });

  it.each([
    ['an expired or used challenge', 'WebAuthnChallengeNotFoundException', 'SessionExpired', 'The passkey registration has expired or was already finished. Start again.'],
    ['an origin the relying party does not allow', 'WebAuthnOriginNotAllowedException', 'ValidationError', 'The passkey was made on a site this gateway does not accept.'],
    ['another relying party', 'WebAuthnRelyingPartyMismatchException', 'ValidationError', 'The passkey was made for another site (relying party ID).'],
    ['an authenticator Cognito does not support', 'WebAuthnCredentialNotSupportedException', 'ValidationError', 'This authenticator is not supported. Try another one.'],
  ])('refuses %s with a typed error and no mail', async (_case, name, errorType, message) => {
    answerAsSignedInUser();
    cognito.on(CompleteWebAuthnRegistrationCommand).rejects(awsError(name));
    expect((await call()).error).toEqual({ errorType, message });
    expect(awsCallNames(cognito, ses)).toEqual(['SetUserMFAPreference', 'CompleteWebAuthnRegistration']);
  });

  it('still answers the stored passkey when the notification cannot be sent', async () => {
    answerAsSignedInUser();
    ses.on(SendEmailCommand).rejects(awsError('MessageRejected', 'Email address is not verified.'));
    expect((await call()).data?.id).toBe(CREDENTIAL.id);
  });

  it.each([
    ['no credential', null, 'The credential is required.'],
    ['text that is not JSON', 'not json at all', "The credential is the JSON of the browser's PublicKeyCredential (credential.toJSON())."],
    ['JSON without an id', JSON.stringify({ response: {} }), "The credential is the JSON of the browser's PublicKeyCredential (credential.toJSON())."],
    ['JSON without a response', JSON.stringify({ id: 'abc' }), "The credential is the JSON of the browser's PublicKeyCredential (credential.toJSON())."],
    ['a huge document', JSON.stringify({ id: 'x', response: { a: 'x'.repeat(20_000) } }), 'The credential is too large.'],
  ])('refuses %s before any call', async (_case, credential, message) => {
    expect((await call(credential)).error).toEqual({ errorType: 'ValidationError', message });
    expect(cognito.calls()).toHaveLength(0);
  });

  it('answers FeatureDisabled, with no call, when passkeys are off', async () => {
    delete process.env.PASSKEYS_RELYING_PARTY_ID;
    expect((await call()).error).toMatchObject({ errorType: 'FeatureDisabled' });
    expect(cognito.calls()).toHaveLength(0);
  });
});
