import type { InitiateAuthResponse } from '@aws-sdk/client-cognito-identity-provider';
import { pick } from './attributes';
import { readableAttributes } from './clientAttributes';
import type { CognitoContext } from './context';
import { errors } from './errors';
import { startSession, type OpenSession } from './sessions';
import type { Challenge, ClientRecord, PoolRecord, UserRecord } from './state';

/** What InitiateAuth and RespondToAuthChallenge answer: the next challenge, or tokens. */
export type AuthStep = Pick<InitiateAuthResponse, 'ChallengeName' | 'Session' | 'ChallengeParameters' | 'AuthenticationResult'>;

export interface SignIn {
  pool: PoolRecord;
  client: ClientRecord;
  user: UserRecord;
}

/** The pool, client and user a session belongs to; a session whose user is gone is invalid, one whose user is disabled is refused. */
export function sessionSignIn(ctx: CognitoContext, session: OpenSession): SignIn {
  const pool = ctx.store.state.pools[session.record.poolId];
  const client = pool?.clients[session.record.clientId];
  const user = pool?.users[session.record.username];
  if (!pool || !client || !user) throw errors.invalidSession();
  if (!user.enabled) throw errors.userDisabled();
  return { pool, client, user };
}

function challengeParameters(signIn: SignIn, name: Challenge): Record<string, string> {
  const { user } = signIn;
  const common = { USER_ID_FOR_SRP: user.username };
  switch (name) {
    case 'NEW_PASSWORD_REQUIRED': {
      const { sub: _sub, ...shown } = pick(user.attributes, readableAttributes(signIn.client));
      return { ...common, requiredAttributes: '[]', userAttributes: JSON.stringify(shown) };
    }
    case 'MFA_SETUP':
      return { ...common, MFAS_CAN_SETUP: '["SOFTWARE_TOKEN_MFA"]' };
    case 'SOFTWARE_TOKEN_MFA':
      return { ...common, ...(user.totp.deviceName ? { FRIENDLY_DEVICE_NAME: user.totp.deviceName } : {}) };
  }
}

export function challenge(ctx: CognitoContext, signIn: SignIn, name: Challenge): AuthStep {
  return {
    ChallengeName: name,
    Session: startSession(ctx, { ...signIn, challenge: name }),
    ChallengeParameters: challengeParameters(signIn, name),
  };
}

export async function signedIn(ctx: CognitoContext, signIn: SignIn): Promise<AuthStep> {
  return {
    ChallengeParameters: {},
    AuthenticationResult: await ctx.tokens.signIn(signIn.pool, signIn.client, signIn.user),
  };
}

/** After the password: MFA when the pool requires it (or the user turned it on), else tokens. */
export async function afterPassword(ctx: CognitoContext, signIn: SignIn): Promise<AuthStep> {
  const { pool, user } = signIn;
  if (user.status === 'FORCE_CHANGE_PASSWORD') return challenge(ctx, signIn, 'NEW_PASSWORD_REQUIRED');
  const mfa = pool.settings.MfaConfiguration ?? 'OFF';
  if (mfa === 'ON') return challenge(ctx, signIn, user.totp.verified ? 'SOFTWARE_TOKEN_MFA' : 'MFA_SETUP');
  if (mfa === 'OPTIONAL' && user.totp.verified && user.totp.enabled) return challenge(ctx, signIn, 'SOFTWARE_TOKEN_MFA');
  return signedIn(ctx, signIn);
}
