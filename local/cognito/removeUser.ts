import type { CognitoContext } from './context';
import type { PoolRecord, UserRecord } from './state';

/** Deletes the user, revokes all the user's tokens and ends the user's sign-in sessions. */
export function removeUser(ctx: CognitoContext, pool: PoolRecord, user: UserRecord): void {
  ctx.tokens.revokeUser(pool.id, user.username);
  const sessions = ctx.store.state.sessions;
  for (const [key, session] of Object.entries(sessions)) {
    // A user created later under the same name must not inherit them.
    if (session.poolId === pool.id && session.username === user.username) delete sessions[key];
  }
  delete pool.users[user.username];
}
