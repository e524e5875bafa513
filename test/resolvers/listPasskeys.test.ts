import { describe, expect, it } from 'vitest';
import { fakeJwt } from '../helpers';
import { assertLogsNothing, CLIENT_ID, COMMON_FAILURES, cognitoAnswer, cognitoFailure, cognitoResolver } from './harness';

const resolver = cognitoResolver('listPasskeys');
const ACCESS_TOKEN = fakeJwt({ sub: 'uuid-1', token_use: 'access' });
const CREDENTIAL = {
  CredentialId: 'cGFzc2tleS1vbmUtMDEyMzQ',
  FriendlyCredentialName: 'Passkey 2026-12-02',
  RelyingPartyId: 'app.example.com',
  AuthenticatorAttachment: 'platform',
  AuthenticatorTransports: ['internal', 'hybrid'],
  // Epoch seconds, as Cognito's JSON protocol sends timestamps.
  CreatedAt: 1796205600.123,
};

describe('listPasskeys (Cognito ListWebAuthnCredentials, no function)', () => {
  it("asks Cognito for a page of the token's user's passkeys", () => {
    expect(resolver.sent('ListWebAuthnCredentials', { headers: { authorization: `Bearer ${ACCESS_TOKEN}` } })).toEqual({ AccessToken: ACCESS_TOKEN, MaxResults: 20 });
    expect(resolver.sent('ListWebAuthnCredentials', { args: { accessToken: ACCESS_TOKEN, nextToken: ' page-2 ' } })).toEqual({
      AccessToken: ACCESS_TOKEN,
      MaxResults: 20,
      NextToken: 'page-2',
    });
  });

  it('answers the passkeys and the next page token', () => {
    const result = cognitoAnswer(200, { Credentials: [CREDENTIAL, { CredentialId: 'b3RoZXItcGFzc2tleS0wMQ', CreatedAt: 1796205601 }], NextToken: 'page-3' });
    expect(resolver.response({ args: { accessToken: ACCESS_TOKEN }, result })).toEqual({
      passkeys: [
        {
          id: CREDENTIAL.CredentialId,
          name: 'Passkey 2026-12-02',
          created: '2026-12-02T10:00:00.123Z',
          relyingPartyId: 'app.example.com',
          authenticatorAttachment: 'platform',
          transports: ['internal', 'hybrid'],
        },
        { id: 'b3RoZXItcGFzc2tleS0wMQ', name: '', created: '2026-12-02T10:00:01.000Z', relyingPartyId: '', authenticatorAttachment: null, transports: [] },
      ],
      nextToken: 'page-3',
    });
    expect(resolver.response({ result: cognitoAnswer(200, { Credentials: [] }) })).toEqual({ passkeys: [], nextToken: null });
  });

  it('refuses a call without a token, or with an oversized page token, before Cognito is asked', () => {
    expect(resolver.refusal('request', {})).toMatchObject({ errorType: 'NotAuthorized' });
    expect(resolver.refusal('request', { args: { accessToken: ACCESS_TOKEN, nextToken: 'x'.repeat(4097) } })).toMatchObject({
      errorType: 'ValidationError',
      message: 'The page token is malformed.',
    });
  });

  it('answers FeatureDisabled, before Cognito is asked, when passkeys are off', () => {
    expect(resolver.refusal('request', { args: { accessToken: ACCESS_TOKEN }, env: { USER_POOL_CLIENT_ID: CLIENT_ID } })).toMatchObject({
      errorType: 'FeatureDisabled',
      message: 'Passkeys are not enabled for this gateway.',
    });
  });

  it.each([
    [cognitoFailure('NotAuthorizedException', 'Access Token has been revoked'), { errorType: 'NotAuthorized', message: 'The access token is invalid, expired or revoked. Sign in again.' }],
    [cognitoFailure('WebAuthnNotEnabledException', 'Passkeys are off'), { errorType: 'FeatureDisabled', message: 'Passkeys are not enabled for this gateway.' }],
    ...COMMON_FAILURES,
  ])('maps Cognito failure %# as the functions do', (result, expected) => {
    expect(resolver.refusal('response', { args: { accessToken: ACCESS_TOKEN }, result })).toMatchObject(expected);
  });

  it('logs nothing', () => assertLogsNothing('listPasskeys'));
});
