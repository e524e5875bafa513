import { Amplify, fetchAuthSession } from '@aws-amplify/core';
import { confirmSignIn, signIn } from '@aws-amplify/auth';
import { cognitoUserPoolsTokenProvider } from '@aws-amplify/auth/cognito';
import { CognitoIdentityProviderClient, DescribeUserPoolClientCommand } from '@aws-sdk/client-cognito-identity-provider';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthTokens } from '../../functions/lib/tokens';
import { SECOND } from '../../local/cognito/clock';
import { LOCAL_CREDENTIALS } from '../../local/credentials';
import { MemoryStorage } from '../conformance/memoryStorage';
import { FlowStack, Q } from './harness';

/**
 * The offline stack with `tokens.refreshTokenRotation` on, driven as clients drive it: the
 * gateway's refreshTokens over GraphQL, and Amplify v6 refreshing straight against Cognito. What
 * is checked is what a client sees, whatever implements the field.
 */

const GRACE_SECONDS = 10;
const flow = new FlowStack();

const refreshOverGraphql = (refreshToken: string) => flow.call<{ refreshTokens: AuthTokens }>(Q.refreshTokens, { input: { refreshToken } });

beforeAll(async () => {
  await flow.start({ envOverrides: { tokens: { refreshTokenRotation: { gracePeriodSeconds: GRACE_SECONDS } } } });
});

afterAll(async () => {
  await flow.stop();
});

describe('refresh-token rotation on', () => {
  it('configures the app client from the environment setting', async () => {
    const { cognitoEndpoint, region, userPoolId, clientId } = flow.stack.info;
    const cognito = new CognitoIdentityProviderClient({ endpoint: cognitoEndpoint, region, credentials: LOCAL_CREDENTIALS });
    try {
      const { UserPoolClient } = await cognito.send(new DescribeUserPoolClientCommand({ UserPoolId: userPoolId, ClientId: clientId }));
      expect(UserPoolClient?.RefreshTokenRotation).toEqual({ Feature: 'ENABLED', RetryGracePeriodSeconds: GRACE_SECONDS });
      expect(UserPoolClient?.ExplicitAuthFlows).toEqual(['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_AUTH']);
    } finally {
      cognito.destroy();
    }
  });

  it('refreshTokens returns a new refresh token; the old one is refused after the grace period', async () => {
    const user = await flow.enrol('rotating@example.com');
    const first = user.tokens.refreshToken;
    const rotated = await refreshOverGraphql(first);
    const next = rotated.data!.refreshTokens;
    expect(next.refreshToken).toBeTruthy();
    expect(next.refreshToken).not.toBe(first);
    expect(decodeJwt(next.accessToken).auth_time).toBe(decodeJwt(user.tokens.accessToken).auth_time);
    expect((await flow.data<{ email: string }>('me', Q.me, {}, next.accessToken)).email).toBe(user.email);

    // Within the grace period a retry with the old token still works (the first answer may have been lost).
    flow.clock.advance((GRACE_SECONDS - 1) * SECOND);
    expect((await refreshOverGraphql(first)).data?.refreshTokens.refreshToken).toBeTruthy();

    flow.clock.advance(1 * SECOND);
    const refused = await refreshOverGraphql(first);
    expect(FlowStack.errorType(refused)).toBe('NotAuthorized');
    expect(refused.errors?.[0]?.message).toBe('The refresh token is invalid, expired or revoked. Sign in again.');

    // The new one goes on rotating.
    const again = (await refreshOverGraphql(next.refreshToken)).data!.refreshTokens;
    expect(again.refreshToken).not.toBe(next.refreshToken);
  });

  it('Amplify v6 refreshes straight against Cognito, keeps the rotated token, and the gateway takes it', async () => {
    const user = await flow.enrol('amplify.rotating@example.com');
    const { userPoolId, clientId, cognitoEndpoint } = flow.stack.info;
    const storage = new RefreshTokenStorage();
    const auth = { Cognito: { userPoolId, userPoolClientId: clientId, userPoolEndpoint: cognitoEndpoint } };
    cognitoUserPoolsTokenProvider.setAuthConfig(auth);
    cognitoUserPoolsTokenProvider.setKeyValueStorage(storage);
    Amplify.configure({ Auth: auth }, { Auth: { tokenProvider: cognitoUserPoolsTokenProvider } });

    const first = await signIn({ username: user.email, password: user.password, options: { authFlowType: 'USER_PASSWORD_AUTH' } });
    expect(first.nextStep.signInStep).toBe('CONFIRM_SIGN_IN_WITH_TOTP_CODE');
    expect((await confirmSignIn({ challengeResponse: await flow.nextOtp(user.secret) })).isSignedIn).toBe(true);
    const signedIn = storage.refreshToken();

    const refreshed = await fetchAuthSession({ forceRefresh: true });
    expect(refreshed.tokens?.accessToken.payload.client_id).toBe(clientId);
    const kept = storage.refreshToken();
    expect(kept).not.toBe(signedIn);

    // The token Amplify kept is the user's refresh token for the gateway too; Amplify's old one dies.
    expect((await refreshOverGraphql(kept)).data?.refreshTokens.accessToken).toBeTruthy();
    flow.clock.advance(GRACE_SECONDS * SECOND);
    expect(FlowStack.errorType(await refreshOverGraphql(signedIn))).toBe('NotAuthorized');
  });
});

/** Amplify's storage, in memory, with the one refresh token it keeps at hand. */
class RefreshTokenStorage extends MemoryStorage {
  /** The refresh token Amplify keeps, under `CognitoIdentityServiceProvider.<client>.<user>.refreshToken`. */
  refreshToken(): string {
    const found = [...this.items].filter(([key]) => key.endsWith('.refreshToken'));
    expect(found).toHaveLength(1);
    return found[0]![1];
  }
}
