import { CognitoIdentityProviderClient, DeleteWebAuthnCredentialCommand, GetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../../functions/deletePasskey';
import {
  accessTokenSignedIn,
  awsCallNames,
  awsCalls,
  awsError,
  gatewayEvent,
  lambdaContext,
  notificationSent,
  REAUTHENTICATE,
  SIGNED_IN_USER,
  STALE_SIGN_INS,
  useFixedClock,
  useTestEnv,
} from '../helpers';

const cognito = mockClient(CognitoIdentityProviderClient);
const ses = mockClient(SESv2Client);
const ACCESS_TOKEN = accessTokenSignedIn(60);
const ID = 'cGFzc2tleS10by1kZWxldGU';
const call = (credentialId: unknown = ` ${ID} `, accessToken: string | null = ACCESS_TOKEN) =>
  handler({ ...gatewayEvent('deletePasskey', { credentialId }), accessToken }, lambdaContext);

function answerAsSignedInUser(): void {
  cognito.on(DeleteWebAuthnCredentialCommand).resolves({});
  cognito.on(GetUserCommand).resolves(SIGNED_IN_USER);
  ses.on(SendEmailCommand).resolves({ MessageId: 'message-1' });
}

beforeEach(() => {
  useTestEnv();
  cognito.reset();
  ses.reset();
});

useFixedClock();

describe('deletePasskey', () => {
  it('deletes the passkey and tells the user', async () => {
    answerAsSignedInUser();
    expect(await call()).toEqual({ data: { credentialId: ID, status: 'DELETED' } });
    expect(awsCalls(cognito, ses)).toEqual([
      ['DeleteWebAuthnCredential', { AccessToken: ACCESS_TOKEN, CredentialId: ID }],
      ['GetUser', { AccessToken: ACCESS_TOKEN }],
      notificationSent('ada@example.com', 'passkeyRemoved'),
    ]);
  });

  it("answers NotFound for a passkey the user does not have (another user's included), with no mail", async () => {
    answerAsSignedInUser();
    cognito.on(DeleteWebAuthnCredentialCommand).rejects(awsError('ResourceNotFoundException', 'Credential not found.'));
    expect((await call()).error).toEqual({ errorType: 'NotFound', message: 'You have no passkey with this id.' });
    expect(awsCallNames(cognito, ses)).toEqual(['DeleteWebAuthnCredential']);
  });

  it.each(STALE_SIGN_INS)('asks for a fresh sign-in after %s, with no call', async (_case, accessToken) => {
    expect((await call(ID, accessToken)).error).toEqual(REAUTHENTICATE);
    expect(cognito.calls()).toHaveLength(0);
  });

  it.each([
    ['no id', null, 'The credential id is required.'],
    ['an id that is not base64url', 'not/base64+url==', 'The credential id is the base64url id listPasskeys shows.'],
    ['a short id', 'abc', 'The credential id is the base64url id listPasskeys shows.'],
  ])('refuses %s before any call', async (_case, credentialId, message) => {
    expect((await call(credentialId)).error).toEqual({ errorType: 'ValidationError', message });
    expect(cognito.calls()).toHaveLength(0);
  });

  it('still answers DELETED when the notification cannot be sent', async () => {
    answerAsSignedInUser();
    cognito.on(GetUserCommand).rejects(awsError('InternalErrorException', 'Internal error', 'server'));
    expect((await call()).data).toEqual({ credentialId: ID, status: 'DELETED' });
  });
});
