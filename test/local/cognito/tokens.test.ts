import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { AdminAddUserToGroup } from '../../../local/cognito/actions/AdminAddUserToGroup';
import { AdminDisableUser } from '../../../local/cognito/actions/AdminDisableUser';
import { AdminEnableUser } from '../../../local/cognito/actions/AdminEnableUser';
import { AdminUserGlobalSignOut } from '../../../local/cognito/actions/AdminUserGlobalSignOut';
import { CreateGroup } from '../../../local/cognito/actions/CreateGroup';
import { GetUser } from '../../../local/cognito/actions/GetUser';
import { GlobalSignOut } from '../../../local/cognito/actions/GlobalSignOut';
import { InitiateAuth } from '../../../local/cognito/actions/InitiateAuth';
import { RespondToAuthChallenge } from '../../../local/cognito/actions/RespondToAuthChallenge';
import { RevokeToken } from '../../../local/cognito/actions/RevokeToken';
import { HOUR, MINUTE, SECOND } from '../../../local/cognito/clock';
import { jwks } from '../../../local/cognito/keys';
import { enrolledUser, expectFailure, ISSUER_BASE, PASSWORD, signIn, signInWithTotp, totp, world, type World } from './fixtures';

const refresh = (w: World, token: string) =>
  InitiateAuth(w.ctx, { AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: w.clientId, AuthParameters: { REFRESH_TOKEN: token } });

describe('tokens', () => {
  it('are RS256 JWTs with Cognito’s claims, verifiable with the pool’s JWKS', async () => {
    const w = await world();
    const { username, tokens } = await enrolledUser(w);
    const pool = w.ctx.store.state.pools[w.poolId]!;
    const keySet = createLocalJWKSet(jwks(pool) as Parameters<typeof createLocalJWKSet>[0]);
    const iss = `${ISSUER_BASE}/${w.poolId}`;
    const options = { issuer: iss, currentDate: w.clock.now() };
    const { payload: id, protectedHeader } = await jwtVerify(tokens.IdToken!, keySet, { ...options, audience: w.clientId });
    const { payload: access } = await jwtVerify(tokens.AccessToken!, keySet, options);
    expect(protectedHeader).toEqual({ alg: 'RS256', kid: pool.key.kid });
    const authTime = Math.floor(w.clock.now().getTime() / 1000) - 30;
    expect(id).toMatchObject({
      sub: username,
      email: 'ada@example.com',
      email_verified: true,
      name: 'Ada Lovelace',
      'cognito:username': username,
      aud: w.clientId,
      token_use: 'id',
      auth_time: authTime,
      iat: authTime,
      exp: authTime + 3600,
    });
    expect(access).toMatchObject({
      sub: username,
      client_id: w.clientId,
      username,
      token_use: 'access',
      scope: 'aws.cognito.signin.user.admin',
      auth_time: authTime,
      exp: authTime + 3600,
    });
    expect(access.aud).toBeUndefined();
    expect(id.origin_jti).toBe(access.origin_jti);
    expect(id.event_id).toBe(access.event_id);
    expect(id.jti).not.toBe(access.jti);
    expect(id['cognito:groups']).toBeUndefined();
    expect(tokens.RefreshToken).not.toContain('.');
    expect(JSON.stringify(w.ctx.store.state)).not.toContain(tokens.RefreshToken);
  });

  it('carry the user’s groups by precedence', async () => {
    const w = await world();
    const { username, secret } = await enrolledUser(w);
    await CreateGroup(w.ctx, { UserPoolId: w.poolId, GroupName: 'readers', Precedence: 5 });
    await CreateGroup(w.ctx, { UserPoolId: w.poolId, GroupName: 'admins', Precedence: 1 });
    await AdminAddUserToGroup(w.ctx, { UserPoolId: w.poolId, Username: username, GroupName: 'readers' });
    await AdminAddUserToGroup(w.ctx, { UserPoolId: w.poolId, Username: username, GroupName: 'admins' });
    const tokens = await signInWithTotp(w, 'ada@example.com', secret);
    expect(decodeJwt(tokens.IdToken!)['cognito:groups']).toEqual(['admins', 'readers']);
    expect(decodeJwt(tokens.AccessToken!)['cognito:groups']).toEqual(['admins', 'readers']);
  });

  it('keep auth_time and origin_jti through a refresh', async () => {
    const w = await world();
    const { tokens } = await enrolledUser(w);
    w.clock.advance(20 * MINUTE);
    const refreshed = (await refresh(w, tokens.RefreshToken!)).AuthenticationResult!;
    const before = decodeJwt(tokens.AccessToken!);
    const after = decodeJwt(refreshed.AccessToken!);
    expect(after.auth_time).toBe(before.auth_time);
    expect(after.origin_jti).toBe(before.origin_jti);
    expect(after.iat).toBe(Math.floor(w.clock.now().getTime() / 1000));
    expect(after.iat).toBeGreaterThan(before.iat! + 20 * 60 - 1);
    expect(decodeProtectedHeader(refreshed.IdToken!).kid).toBe(decodeProtectedHeader(tokens.IdToken!).kid);
  });
});

describe('auth_time', () => {
  it('is when the TOTP code completed the sign-in, in both tokens, and no refresh moves it', async () => {
    const w = await world();
    const { secret } = await enrolledUser(w);
    const first = await signIn(w, 'ada@example.com', PASSWORD);
    w.clock.advance(70 * SECOND);
    const completedAt = Math.floor(w.clock.now().getTime() / 1000);
    const done = await RespondToAuthChallenge(w.ctx, {
      ClientId: w.clientId,
      ChallengeName: 'SOFTWARE_TOKEN_MFA',
      Session: first.Session,
      ChallengeResponses: { USERNAME: 'ada@example.com', SOFTWARE_TOKEN_MFA_CODE: await totp(w, secret) },
    });
    const tokens = done.AuthenticationResult!;
    expect(decodeJwt(tokens.IdToken!).auth_time).toBe(completedAt);
    expect(decodeJwt(tokens.AccessToken!).auth_time).toBe(completedAt);
    for (const wait of [30 * MINUTE, 5 * HOUR]) {
      w.clock.advance(wait);
      const refreshed = (await refresh(w, tokens.RefreshToken!)).AuthenticationResult!;
      expect(decodeJwt(refreshed.IdToken!).auth_time).toBe(completedAt);
      expect(decodeJwt(refreshed.AccessToken!).auth_time).toBe(completedAt);
    }
    // Only a new sign-in with password and code moves it.
    const again = await signInWithTotp(w, 'ada@example.com', secret);
    expect(decodeJwt(again.AccessToken!).auth_time).toBeGreaterThan(completedAt + 5 * 3600);
  });
});

describe('access token checks', () => {
  it('refuses an expired access token', async () => {
    const w = await world();
    const { tokens } = await enrolledUser(w);
    expect((await GetUser(w.ctx, { AccessToken: tokens.AccessToken })).Username).toBeTruthy();
    w.clock.advance(60 * MINUTE);
    await expectFailure(GetUser(w.ctx, { AccessToken: tokens.AccessToken }), 'NotAuthorizedException', 'Access Token has expired');
  });

  it('refuses garbage, a tampered token and an id token', async () => {
    const w = await world();
    const { tokens } = await enrolledUser(w);
    const [header, payload, signature] = tokens.AccessToken!.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...claims, username: 'someone-else' })).toString('base64url')}.${signature}`;
    for (const AccessToken of ['garbage', forged, tokens.IdToken!, `${header}.${payload}.AAAA`]) {
      await expectFailure(GetUser(w.ctx, { AccessToken }), 'NotAuthorizedException', 'Invalid Access Token');
    }
  });

  it('GlobalSignOut revokes every access and refresh token of the user, not later sign-ins', async () => {
    const w = await world();
    const { secret, tokens } = await enrolledUser(w);
    const second = await signInWithTotp(w, 'ada@example.com', secret);
    await GlobalSignOut(w.ctx, { AccessToken: second.AccessToken });
    for (const AccessToken of [tokens.AccessToken, second.AccessToken]) {
      await expectFailure(GetUser(w.ctx, { AccessToken }), 'NotAuthorizedException', 'Access Token has been revoked');
    }
    await expectFailure(refresh(w, tokens.RefreshToken!), 'NotAuthorizedException', 'Refresh Token has been revoked');
    await expectFailure(GlobalSignOut(w.ctx, { AccessToken: second.AccessToken }), 'NotAuthorizedException', 'Access Token has been revoked');
    const third = await signInWithTotp(w, 'ada@example.com', secret);
    expect((await GetUser(w.ctx, { AccessToken: third.AccessToken })).UserAttributes).toBeDefined();
  });

  it('AdminUserGlobalSignOut does the same for an administrator', async () => {
    const w = await world();
    const { username, tokens } = await enrolledUser(w);
    await AdminUserGlobalSignOut(w.ctx, { UserPoolId: w.poolId, Username: username });
    await expectFailure(GetUser(w.ctx, { AccessToken: tokens.AccessToken }), 'NotAuthorizedException', 'Access Token has been revoked');
    await expectFailure(refresh(w, tokens.RefreshToken!), 'NotAuthorizedException', 'Refresh Token has been revoked');
  });

  it('AdminDisableUser refuses the user’s tokens, which stay revoked after AdminEnableUser', async () => {
    const w = await world();
    const { username, tokens } = await enrolledUser(w);
    await AdminDisableUser(w.ctx, { UserPoolId: w.poolId, Username: username });
    await expectFailure(GetUser(w.ctx, { AccessToken: tokens.AccessToken }), 'NotAuthorizedException');
    await AdminEnableUser(w.ctx, { UserPoolId: w.poolId, Username: username });
    await expectFailure(GetUser(w.ctx, { AccessToken: tokens.AccessToken }), 'NotAuthorizedException', 'Access Token has been revoked');
  });
});

describe('RevokeToken', () => {
  it('revokes a refresh token and the access tokens of its sign-in only', async () => {
    const w = await world();
    const { secret, tokens } = await enrolledUser(w);
    const other = await signInWithTotp(w, 'ada@example.com', secret);
    const refreshed = (await refresh(w, tokens.RefreshToken!)).AuthenticationResult!;
    await RevokeToken(w.ctx, { ClientId: w.clientId, Token: tokens.RefreshToken });
    await expectFailure(refresh(w, tokens.RefreshToken!), 'NotAuthorizedException', 'Refresh Token has been revoked');
    for (const AccessToken of [tokens.AccessToken, refreshed.AccessToken]) {
      await expectFailure(GetUser(w.ctx, { AccessToken }), 'NotAuthorizedException', 'Access Token has been revoked');
    }
    expect((await GetUser(w.ctx, { AccessToken: other.AccessToken })).Username).toBeTruthy();
    // Revoking again, or an unknown token, succeeds as RFC 7009 asks.
    await RevokeToken(w.ctx, { ClientId: w.clientId, Token: tokens.RefreshToken });
    await RevokeToken(w.ctx, { ClientId: w.clientId, Token: 'unknown' });
  });

  it('refuses access tokens and clients with revocation off', async () => {
    const w = await world();
    const { tokens } = await enrolledUser(w);
    await expectFailure(RevokeToken(w.ctx, { ClientId: w.clientId, Token: tokens.AccessToken }), 'UnsupportedTokenTypeException');
    w.ctx.store.state.pools[w.poolId]!.clients[w.clientId]!.settings.EnableTokenRevocation = false;
    await expectFailure(RevokeToken(w.ctx, { ClientId: w.clientId, Token: tokens.RefreshToken }), 'UnsupportedOperationException');
  });
});
