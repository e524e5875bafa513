import { DAY, MINUTE } from './clock';
import type { CognitoContext } from './context';
import { errors } from './errors';
import { opaqueToken, sha256 } from './ids';
import type { ClientRecord, PoolRecord, SessionChallenge, SessionRecord, SetupStep } from './state';

/**
 * Cognito's default AuthSessionValidity, in minutes (3 to 15 may be set): how long a sign-in
 * session, and so an MFA challenge, stays open.
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html
 * (AuthSessionValidity); https://docs.aws.amazon.com/cognito/latest/developerguide/quotas.html
 * ("Multi-factor authentication code: 3 minutes")
 */
export const DEFAULT_SESSION_MINUTES = 3;
/**
 * Wrong codes one session takes before it is spent. Cognito lets a user retype a mistyped code
 * in the same session; AWS publishes no per-session number, so the emulator uses the one it
 * documents for the user: five wrong MFA codes begin the lockout.
 * https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa.html
 */
export const WRONG_CODES_PER_SESSION = 5;
/** Expired sessions are remembered a while so they are reported as expired, not unknown. */
const KEEP_EXPIRED_MS = DAY;

export interface OpenSession {
  key: string;
  record: SessionRecord;
}

/** A new opaque session, bound to one user, one app client and the challenge it answers. */
export function startSession(
  ctx: CognitoContext,
  args: {
    pool: PoolRecord;
    client: ClientRecord;
    user: { username: string };
    challenge: SessionChallenge;
    step?: SetupStep;
    webAuthnChallenge?: string;
    decoy?: boolean;
  },
): string {
  const now = ctx.clock.now().getTime();
  const sessions = ctx.store.state.sessions;
  for (const [key, record] of Object.entries(sessions)) {
    if (record.expiresAt + KEEP_EXPIRED_MS < now) delete sessions[key];
  }
  const session = opaqueToken();
  const minutes = args.client.settings.AuthSessionValidity ?? DEFAULT_SESSION_MINUTES;
  sessions[sha256(session)] = {
    poolId: args.pool.id,
    clientId: args.client.id,
    username: args.user.username,
    challenge: args.challenge,
    ...(args.step ? { step: args.step } : {}),
    ...(args.webAuthnChallenge ? { webAuthnChallenge: args.webAuthnChallenge } : {}),
    ...(args.decoy ? { decoy: true } : {}),
    expiresAt: now + minutes * MINUTE,
    wrongCodes: 0,
  };
  return session;
}

/** Finds a live session; used, unknown and other clients' sessions are all just invalid. */
export function openSession(ctx: CognitoContext, session: string | undefined, clientId?: string): OpenSession {
  const key = sha256(session ?? '');
  const record = session ? ctx.store.state.sessions[key] : undefined;
  if (!record || (clientId !== undefined && record.clientId !== clientId)) throw errors.invalidSession();
  if (ctx.clock.now().getTime() >= record.expiresAt) throw errors.sessionExpired();
  return { key, record };
}

/** Sessions are single-use: once answered, the same string is invalid. */
export function endSession(ctx: CognitoContext, open: OpenSession): void {
  delete ctx.store.state.sessions[open.key];
}

export function countWrongCode(ctx: CognitoContext, open: OpenSession): void {
  open.record.wrongCodes += 1;
  if (open.record.wrongCodes >= WRONG_CODES_PER_SESSION) endSession(ctx, open);
}
