import { describe, expect, it } from 'vitest';
import { fakeJwt } from '../helpers';
import { assertLogsNothing, CLIENT_ID, COMMON_FAILURES, COGNITO_REQUEST_ID, cognitoAnswer, cognitoFailure, cognitoResolver } from './harness';

const resolver = cognitoResolver('finishPasskeySignIn');
const CREDENTIAL = JSON.stringify({ id: 'cGFzc2tleS1vbmUtMDEyMzQ', rawId: 'cGFzc2tleS1vbmUtMDEyMzQ', type: 'public-key', response: { clientDataJSON: 'e30' } });
const INPUT = { email: ' Ada@Example.com ', session: ' session-from-start-0123456789 ', credential: ` ${CREDENTIAL} ` };
const AUTHENTICATION_RESULT = {
  IdToken: fakeJwt({ sub: 'uuid-1', token_use: 'id' }),
  AccessToken: fakeJwt({ sub: 'uuid-1', token_use: 'access' }),
  RefreshToken: 'refresh-token-0123456789',
  ExpiresIn: 3600,
  TokenType: 'Bearer',
};
const call = (input: Record<string, unknown>, result?: unknown) => ({ args: { input }, result });
const REFUSED = { errorType: 'NotAuthorized', message: 'The passkey was not accepted, or the sign-in took too long. Start again.' };

describe('finishPasskeySignIn (Cognito RespondToAuthChallenge, no function)', () => {
  it("answers the WEB_AUTHN challenge with the browser's credential and the normalised input", () => {
    expect(resolver.sent('RespondToAuthChallenge', call(INPUT))).toEqual({
      ChallengeName: 'WEB_AUTHN',
      ClientId: CLIENT_ID,
      Session: 'session-from-start-0123456789',
      ChallengeResponses: { USERNAME: 'ada@example.com', CREDENTIAL },
    });
  });

  it('returns the tokens', () => {
    expect(resolver.response(call(INPUT, cognitoAnswer(200, { AuthenticationResult: AUTHENTICATION_RESULT, ChallengeParameters: {} })))).toEqual({
      idToken: AUTHENTICATION_RESULT.IdToken,
      accessToken: AUTHENTICATION_RESULT.AccessToken,
      refreshToken: AUTHENTICATION_RESULT.RefreshToken,
      expiresIn: 3600,
      tokenType: 'Bearer',
    });
  });

  it('fails with InternalError when Cognito asks for more than the passkey (MFA would not be satisfied)', () => {
    const result = cognitoAnswer(200, { ChallengeName: 'SOFTWARE_TOKEN_MFA', Session: 'another-session-0123456789' });
    expect(resolver.refusal('response', call(INPUT, result))).toMatchObject({ errorType: 'InternalError', errorInfo: { requestId: COGNITO_REQUEST_ID } });
  });

  it.each([
    ['a wrong or foreign passkey', cognitoFailure('NotAuthorizedException', 'Incorrect username or password.')],
    ['a made-up or used session', cognitoFailure('NotAuthorizedException', 'Invalid session for the user.')],
    ['an expired session', cognitoFailure('NotAuthorizedException', 'Invalid session for the user, session is expired.')],
    ['a user who no longer qualifies', cognitoFailure('NotAuthorizedException', 'Passkey sign-in does not satisfy MFA for this user.')],
    ['an expired challenge', cognitoFailure('ExpiredCodeException', 'Expired')],
    ['an unknown user', cognitoFailure('UserNotFoundException', 'User does not exist.')],
  ])('answers %s with the one refusal', (_case, result) => {
    expect(resolver.refusal('response', call(INPUT, result))).toMatchObject(REFUSED);
  });

  it.each([
    [cognitoFailure('NotAuthorizedException', 'Password attempts exceeded'), { errorType: 'TooManyRequests', message: 'Too many failed attempts. Wait a few minutes and try again.' }],
    [cognitoFailure('InvalidParameterException', 'CREDENTIAL must be an AuthenticationResponseJSON document.'), { errorType: 'ValidationError', message: 'The request has an invalid value.' }],
    ...COMMON_FAILURES,
  ])('keeps the answers of other failures (%#)', (result, expected) => {
    expect(resolver.refusal('response', call(INPUT, result))).toMatchObject(expected);
  });

  it.each([
    ['a malformed address', { ...INPUT, email: 'nope' }, 'Enter a valid e-mail address.'],
    ['a short session', { ...INPUT, session: 'short' }, 'The sign-in session is malformed.'],
    ['no credential', { ...INPUT, credential: null }, 'The credential is required.'],
    ['a credential that is not the JSON of one', { ...INPUT, credential: 'abc' }, "The credential is the JSON of the browser's PublicKeyCredential (credential.toJSON())."],
    ['an oversized credential', { ...INPUT, credential: `{"id":"x","response":{"a":"${'x'.repeat(17000)}"}}` }, 'The credential is too large.'],
  ])('refuses %s before Cognito is asked', (_case, input, message) => {
    expect(resolver.refusal('request', call(input))).toMatchObject({ errorType: 'ValidationError', message });
  });

  it('answers FeatureDisabled, before Cognito is asked, when passkeys are off', () => {
    expect(resolver.refusal('request', { ...call(INPUT), env: { USER_POOL_CLIENT_ID: CLIENT_ID } })).toMatchObject({ errorType: 'FeatureDisabled' });
  });

  it('logs nothing', () => assertLogsNothing('finishPasskeySignIn'));
});
