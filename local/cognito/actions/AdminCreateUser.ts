import type { AdminCreateUserRequest, AdminCreateUserResponse } from '@aws-sdk/client-cognito-identity-provider';
import { attributeMap } from '../attributes';
import type { CognitoContext } from '../context';
import { errors } from '../errors';
import { uuid } from '../ids';
import type { CognitoMessage } from '../messages';
import { checkPassword, generateTemporaryPassword, hashPassword } from '../passwords';
import { poolPolicy, requirePool } from '../pools';
import type { PoolRecord, UserRecord } from '../state';
import { emailIsUsername, findUser, newUser, requireUser, signInName, toUserType, usernameKey } from '../users';
import { required } from '../validate';

const EMAIL = /^[^@\s]+@[^@\s]+$/;

/**
 * Creates a user in FORCE_CHANGE_PASSWORD with a temporary password (the one given, or a random
 * one that meets the pool's policy) and e-mails the invitation. RESEND issues a new temporary
 * password to a user who has not signed in yet, its e-mail queued (see Messages.queue); SUPPRESS
 * sends nothing.
 */
export async function AdminCreateUser(ctx: CognitoContext, input: AdminCreateUserRequest): Promise<AdminCreateUserResponse> {
  const pool = requirePool(ctx, input.UserPoolId);
  const username = required(input.Username, 'username');
  const password = input.TemporaryPassword ?? generateTemporaryPassword(poolPolicy(pool));
  if (input.TemporaryPassword !== undefined) checkPassword(password, poolPolicy(pool), 'temporaryPassword');

  if (input.MessageAction === 'RESEND') {
    // The password is hashed before the user is looked up, and the invitation is queued, so an
    // unknown or already confirmed user is answered after the same work as a resend.
    const hash = await hashPassword(password, ctx.passwordCost);
    const user = requireUser(pool, username);
    if (user.status !== 'FORCE_CHANGE_PASSWORD') {
      throw errors.unsupportedUserState(`Resend not possible. ${user.username} status is not FORCE_CHANGE_PASSWORD.`);
    }
    const message = invitation(pool, user, password, input);
    setTemporaryPassword(ctx, user, hash);
    if (message) ctx.messages.queue(message);
    return { User: toUserType(user) };
  }

  const attributes = attributeMap(pool, input.UserAttributes);
  let key: string;
  if (emailIsUsername(pool)) {
    if (!EMAIL.test(username)) throw errors.invalidParameter('Username should be an email.');
    if (findUser(pool, username)) throw errors.usernameExists('An account with the given email already exists.');
    attributes.email = username;
    key = uuid();
  } else {
    key = usernameKey(pool, username);
    if (pool.users[key]) throw errors.usernameExists();
  }
  const user = newUser(key, { sub: emailIsUsername(pool) ? key : uuid(), ...attributes }, ctx.clock.now());
  const hash = await hashPassword(password, ctx.passwordCost);
  // The user exists only once the invitation is on its way, so a failed e-mail changes nothing.
  const message = invitation(pool, user, password, input);
  if (message) await ctx.messages.send(message);
  setTemporaryPassword(ctx, user, hash);
  pool.users[key] = user;
  return { User: toUserType(user) };
}

/** The invitation e-mail, unless the request suppresses it or the user has no e-mail address. */
function invitation(pool: PoolRecord, user: UserRecord, password: string, input: AdminCreateUserRequest): CognitoMessage | undefined {
  const email = user.attributes.email;
  const byEmail = !input.DesiredDeliveryMediums || input.DesiredDeliveryMediums.includes('EMAIL');
  if (input.MessageAction === 'SUPPRESS' || !email || !byEmail) return undefined;
  return {
    to: email,
    triggerSource: 'CustomMessage_AdminCreateUser',
    username: signInName(pool, user),
    code: password,
    userAttributes: { ...user.attributes },
    poolId: pool.id,
  };
}

function setTemporaryPassword(ctx: CognitoContext, user: UserRecord, hash: string): void {
  const now = ctx.clock.now().getTime();
  Object.assign(user, { passwordHash: hash, temporaryPasswordIssuedAt: now, status: 'FORCE_CHANGE_PASSWORD', updatedAt: now });
}
