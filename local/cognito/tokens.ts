import type { AuthenticationResultType } from '@aws-sdk/client-cognito-identity-provider';
import { decodeJwt, errors as joseErrors, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { attributeClaims, pick } from './attributes';
import { readableAttributes } from './clientAttributes';
import { DAY, type Clock } from './clock';
import { tokenValidityMs } from './clients';
import { errors } from './errors';
import { opaqueToken, sha256, uuid } from './ids';
import { ALGORITHM, type Keys } from './keys';
import type { StateStore } from './store';
import type { ClientRecord, PoolRecord, RefreshTokenRecord, UserRecord } from './state';

/** The scope Cognito puts in access tokens from its user APIs. */
export const ADMIN_SCOPE = 'aws.cognito.signin.user.admin';
/**
 * Refresh-token records outlive their token by a day, longer than any access token lives, so an
 * access token can always be traced to its sign-in to check revocation.
 */
const KEEP_AFTER_EXPIRY_MS = DAY;

export interface AccessTokenOwner {
  pool: PoolRecord;
  /** The app client the token was issued to: what it may read and write of the user. */
  client: ClientRecord;
  user: UserRecord;
  claims: JWTPayload;
}

interface SignInEvent {
  originJti: string;
  authTime: number;
}

const seconds = (ms: number) => Math.floor(ms / 1000);

/** Issues Cognito-shaped RS256 JWTs, keeps refresh tokens (hashed) and answers whether a token still holds. */
export class TokenService {
  constructor(private readonly deps: { store: StateStore; clock: Clock; keys: Keys; issuerBase: string }) {}

  issuer(poolId: string): string {
    return `${this.deps.issuerBase}/${poolId}`;
  }

  /**
   * A completed sign-in: id, access and refresh token, all sharing one new `origin_jti`. Its
   * `auth_time` is now, when the last factor (the TOTP code) was accepted; refreshes keep it, as
   * OpenID Connect requires, so it always tells when the user last proved password and MFA.
   * https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-id-token.html
   * https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-access-token.html
   */
  async signIn(pool: PoolRecord, client: ClientRecord, user: UserRecord): Promise<AuthenticationResultType> {
    const now = this.deps.clock.now().getTime();
    this.prune(now);
    const event: SignInEvent = { originJti: uuid(), authTime: seconds(now) };
    const refreshToken = this.keepRefreshToken({
      poolId: pool.id,
      clientId: client.id,
      username: user.username,
      originJti: event.originJti,
      authTime: event.authTime,
      issuedAt: now,
      expiresAt: now + tokenValidityMs(client.settings).refresh,
      revoked: false,
    });
    return { ...(await this.jwts(pool, client, user, event)), RefreshToken: refreshToken };
  }

  /**
   * New id and access tokens for the same sign-in (same `auth_time`). With `rotate` (a rotating
   * client's GetTokensFromRefreshToken) also a new refresh token, valid for what was left of the
   * old one, which then works only for the grace period; after it, RefreshTokenReuseException.
   * https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-refresh-token.html
   * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetTokensFromRefreshToken.html
   */
  async refresh(client: ClientRecord, refreshToken: string, rotate?: { graceMs: number }): Promise<AuthenticationResultType> {
    const record = this.deps.store.state.refreshTokens[sha256(refreshToken)];
    const now = this.deps.clock.now().getTime();
    if (!record || record.clientId !== client.id) throw errors.invalidRefreshToken();
    if (record.revoked) throw errors.refreshTokenRevoked();
    if (now >= record.expiresAt) throw errors.refreshTokenExpired();
    // The grace period counts from the first rotation: a retry within it does not extend it.
    if (record.rotatedAt !== undefined && now >= record.rotatedAt + (rotate?.graceMs ?? 0)) throw errors.refreshTokenReused();
    const pool = this.deps.store.state.pools[record.poolId];
    const user = pool?.users[record.username];
    if (!pool || !user) throw errors.refreshTokenRevoked();
    if (!user.enabled) throw errors.userDisabled();
    const tokens = await this.jwts(pool, client, user, record);
    if (!rotate) return tokens;
    record.rotatedAt ??= now;
    // Same sign-in (origin_jti, auth_time) and the same end: rotation never lengthens a session.
    const { rotatedAt: _replaced, ...sameSignIn } = record;
    return { ...tokens, RefreshToken: this.keepRefreshToken({ ...sameSignIn, issuedAt: now }) };
  }

  /** Checks signature, expiry, kind and revocation, and finds the token's user. */
  async verifyAccessToken(token: string | undefined): Promise<AccessTokenOwner> {
    let poolId: string | undefined;
    try {
      poolId = String(decodeJwt(token ?? '').iss ?? '').split('/').pop();
    } catch {
      throw errors.invalidAccessToken();
    }
    const pool = poolId ? this.deps.store.state.pools[poolId] : undefined;
    if (!pool) throw errors.invalidAccessToken();
    let claims: JWTPayload;
    try {
      ({ payload: claims } = await jwtVerify(token ?? '', await this.deps.keys.verifying(pool), {
        algorithms: [ALGORITHM],
        currentDate: this.deps.clock.now(),
      }));
    } catch (err) {
      throw err instanceof joseErrors.JWTExpired ? errors.accessTokenExpired() : errors.invalidAccessToken();
    }
    if (claims.token_use !== 'access') throw errors.invalidAccessToken();
    const origin = this.records().find(([, r]) => r.originJti === claims.origin_jti)?.[1];
    const user = pool.users[String(claims.username)];
    if (!origin || origin.revoked || !user) throw errors.accessTokenRevoked();
    if (!user.enabled) throw errors.userDisabled();
    const client = pool.clients[String(claims.client_id)];
    if (!client) throw errors.invalidAccessToken();
    return { pool, client, user, claims };
  }

  /**
   * RevokeToken: the refresh token and every access token of its sign-in stop working, and so do
   * the refresh tokens rotation issued in its place or it replaced (they share the sign-in).
   */
  revokeRefreshToken(client: ClientRecord, refreshToken: string): void {
    const record = this.deps.store.state.refreshTokens[sha256(refreshToken)];
    // RFC 7009: revoking a token that is unknown or already invalid succeeds.
    if (!record) return;
    if (record.clientId !== client.id) throw errors.notAuthorized('The token was not issued to this client.');
    for (const [, other] of this.records()) if (other.originJti === record.originJti) other.revoked = true;
  }

  /** Global sign-out: every refresh token of the user, and every access token issued with them. */
  revokeUser(poolId: string, username: string): void {
    for (const [, record] of this.records()) {
      if (record.poolId === poolId && record.username === username) record.revoked = true;
    }
  }

  /** Stores a new refresh token's record under its hash; the token itself is only handed out. */
  private keepRefreshToken(record: RefreshTokenRecord): string {
    const refreshToken = opaqueToken(96);
    this.deps.store.state.refreshTokens[sha256(refreshToken)] = record;
    return refreshToken;
  }

  private records(): Array<[string, RefreshTokenRecord]> {
    return Object.entries(this.deps.store.state.refreshTokens);
  }

  private prune(now: number): void {
    for (const [key, record] of this.records()) {
      if (record.expiresAt + KEEP_AFTER_EXPIRY_MS < now) delete this.deps.store.state.refreshTokens[key];
    }
  }

  private async jwts(pool: PoolRecord, client: ClientRecord, user: UserRecord, event: SignInEvent) {
    const now = this.deps.clock.now().getTime();
    const validity = tokenValidityMs(client.settings);
    const key = await this.deps.keys.signing(pool);
    const groups = groupsOf(pool, user);
    const common = {
      sub: user.attributes.sub,
      ...(groups.length > 0 ? { 'cognito:groups': groups } : {}),
      iss: this.issuer(pool.id),
      origin_jti: event.originJti,
      event_id: uuid(),
      auth_time: event.authTime,
      iat: seconds(now),
    };
    const sign = (claims: JWTPayload) =>
      new SignJWT({ ...claims, jti: uuid() }).setProtectedHeader({ alg: ALGORITHM, kid: pool.key.kid }).sign(key);
    const IdToken = await sign({
      // Only what the client may read: never, for instance, the account's custom attributes.
      ...attributeClaims(pick(user.attributes, readableAttributes(client))),
      ...common,
      'cognito:username': user.username,
      aud: client.id,
      token_use: 'id',
      exp: seconds(now + validity.id),
    });
    const AccessToken = await sign({
      ...common,
      client_id: client.id,
      token_use: 'access',
      scope: ADMIN_SCOPE,
      username: user.username,
      exp: seconds(now + validity.access),
    });
    return { IdToken, AccessToken, ExpiresIn: seconds(validity.access), TokenType: 'Bearer' };
  }
}

/** The user's groups as Cognito lists them in tokens: by precedence, then name. */
export function groupsOf(pool: PoolRecord, user: UserRecord): string[] {
  const precedence = (name: string) => pool.groups[name]?.precedence ?? Number.MAX_SAFE_INTEGER;
  return [...user.groups].sort((a, b) => precedence(a) - precedence(b) || a.localeCompare(b));
}
