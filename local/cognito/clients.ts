import type { ExplicitAuthFlowsType, TimeUnitsType, UserPoolClientType } from '@aws-sdk/client-cognito-identity-provider';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { DAY, HOUR, MINUTE, SECOND } from './clock';
import type { CognitoContext } from './context';
import { errors } from './errors';
import type { ClientRecord, ClientSettings, PoolRecord } from './state';

export function requireClient(ctx: CognitoContext, clientId: string | undefined): { pool: PoolRecord; client: ClientRecord } {
  for (const pool of Object.values(ctx.store.state.pools)) {
    const client = clientId ? pool.clients[clientId] : undefined;
    if (client) return { pool, client };
  }
  throw errors.resourceNotFound(`User pool client ${clientId} does not exist.`);
}

export function requirePoolClient(pool: PoolRecord, clientId: string | undefined): ClientRecord {
  const client = clientId ? pool.clients[clientId] : undefined;
  if (!client) throw errors.resourceNotFound(`User pool client ${clientId} does not exist.`);
  return client;
}

const UNIT_MS: Record<TimeUnitsType, number> = { seconds: SECOND, minutes: MINUTE, hours: HOUR, days: DAY };

/**
 * Cognito's defaults: access and id tokens 1 hour, refresh tokens 30 days.
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html
 */
export function tokenValidityMs(settings: ClientSettings): { access: number; id: number; refresh: number } {
  const units = settings.TokenValidityUnits;
  return {
    access: (settings.AccessTokenValidity ?? 1) * UNIT_MS[units?.AccessToken ?? 'hours'],
    id: (settings.IdTokenValidity ?? 1) * UNIT_MS[units?.IdToken ?? 'hours'],
    refresh: (settings.RefreshTokenValidity ?? 30) * UNIT_MS[units?.RefreshToken ?? 'days'],
  };
}

/**
 * The ranges Cognito accepts for session (3 to 15 minutes) and token lifetimes (access and id
 * tokens 5 minutes to 1 day, refresh tokens 1 hour to 10 years).
 * https://docs.aws.amazon.com/cognito/latest/developerguide/quotas.html ("User pools token validity quotas")
 */
export function validateClientSettings(settings: ClientSettings): void {
  const session = settings.AuthSessionValidity;
  if (session !== undefined && (!Number.isInteger(session) || session < 3 || session > 15)) {
    throw errors.invalidParameter('AuthSessionValidity must be between 3 and 15 minutes.');
  }
  const validity = tokenValidityMs(settings);
  for (const kind of ['access', 'id'] as const) {
    if (validity[kind] < 5 * MINUTE || validity[kind] > DAY) {
      throw errors.invalidParameter(`Invalid range for ${kind === 'access' ? 'access' : 'id'} token validity: it must be between 5 minutes and 1 day.`);
    }
  }
  if (validity.refresh < HOUR || validity.refresh > 3650 * DAY) {
    throw errors.invalidParameter('Invalid range for refresh token validity: it must be between 60 minutes and 10 years.');
  }
  // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RefreshTokenRotationType.html
  const rotation = settings.RefreshTokenRotation;
  if (rotation && rotation.Feature !== 'ENABLED' && rotation.Feature !== 'DISABLED') {
    throw errors.invalidParameter(
      "1 validation error detected: Value at 'refreshTokenRotation.feature' failed to satisfy constraint: Member must satisfy enum value set: [ENABLED, DISABLED]",
    );
  }
  const grace = rotation?.RetryGracePeriodSeconds;
  if (grace !== undefined && (!Number.isInteger(grace) || grace < 0 || grace > 60)) {
    throw errors.invalidParameter(
      "1 validation error detected: Value at 'refreshTokenRotation.retryGracePeriodSeconds' failed to satisfy constraint: Member must have value between 0 and 60",
    );
  }
}

/**
 * Refresh-token rotation of the client, when on: each refresh with GetTokensFromRefreshToken
 * replaces the refresh token, and the old one keeps working for RetryGracePeriodSeconds (0–60; 0,
 * also when left out, ends it at once).
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RefreshTokenRotationType.html
 */
export function refreshTokenRotation(client: ClientRecord): { graceMs: number } | undefined {
  const rotation = client.settings.RefreshTokenRotation;
  if (rotation?.Feature !== 'ENABLED') return undefined;
  return { graceMs: (rotation.RetryGracePeriodSeconds ?? 0) * SECOND };
}

/** What Cognito enables when a client names no flows. */
const DEFAULT_FLOWS: ExplicitAuthFlowsType[] = ['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_CUSTOM_AUTH'];

export function explicitAuthFlows(client: ClientRecord): ExplicitAuthFlowsType[] {
  const flows = client.settings.ExplicitAuthFlows;
  return flows && flows.length > 0 ? flows : DEFAULT_FLOWS;
}

export function checkAuthFlow(client: ClientRecord, flow: 'USER_PASSWORD_AUTH' | 'REFRESH_TOKEN_AUTH' | 'USER_AUTH'): void {
  const flows: string[] = explicitAuthFlows(client);
  // The older names without ALLOW_ still mean the same.
  if (flows.includes(`ALLOW_${flow}`) || (flow === 'USER_PASSWORD_AUTH' && flows.includes(flow))) return;
  throw errors.invalidParameter(`${flow} flow not enabled for this client`);
}

/** Clients with a secret must prove it: base64(HMAC-SHA256(secret, username + clientId)). */
export function checkSecretHash(client: ClientRecord, username: string, secretHash: string | undefined): void {
  if (!client.secret) return;
  const expected = createHmac('sha256', client.secret).update(username + client.id).digest();
  const given = Buffer.from(secretHash ?? '', 'base64');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw errors.secretHash(client.id);
}

/** With PreventUserExistenceErrors ENABLED, an unknown user answers like a wrong password. */
export function hidesUserExistence(client: ClientRecord): boolean {
  return client.settings.PreventUserExistenceErrors === 'ENABLED';
}

export function toClientType(pool: PoolRecord, client: ClientRecord): UserPoolClientType {
  const s = client.settings;
  return {
    ...s,
    UserPoolId: pool.id,
    ClientId: client.id,
    ...(client.secret ? { ClientSecret: client.secret } : {}),
    CreationDate: new Date(client.createdAt),
    LastModifiedDate: new Date(client.updatedAt),
    ExplicitAuthFlows: explicitAuthFlows(client),
    AccessTokenValidity: s.AccessTokenValidity ?? 1,
    IdTokenValidity: s.IdTokenValidity ?? 1,
    RefreshTokenValidity: s.RefreshTokenValidity ?? 30,
    TokenValidityUnits: { AccessToken: 'hours', IdToken: 'hours', RefreshToken: 'days', ...s.TokenValidityUnits },
    AuthSessionValidity: s.AuthSessionValidity ?? 3,
    EnableTokenRevocation: s.EnableTokenRevocation ?? true,
    PreventUserExistenceErrors: s.PreventUserExistenceErrors ?? 'LEGACY',
  };
}
