import type { UserType } from '@aws-sdk/client-cognito-identity-provider';
import { attributeList } from './attributes';
import { errors } from './errors';
import type { PoolRecord, UserRecord } from './state';

/** Pools whose users sign in with their e-mail: the username is then a generated UUID (the `sub`). */
export function emailIsUsername(pool: PoolRecord): boolean {
  return pool.settings.UsernameAttributes?.includes('email') ?? false;
}

/** Cognito's API default is case-sensitive usernames unless the pool says otherwise. */
function caseSensitive(pool: PoolRecord): boolean {
  return pool.settings.UsernameConfiguration?.CaseSensitive ?? true;
}

/** The key a username is stored under. */
export function usernameKey(pool: PoolRecord, username: string): string {
  return caseSensitive(pool) ? username : username.toLowerCase();
}

/** Finds a user by username, by e-mail (in e-mail sign-in pools, in any letter case) or by `sub`. */
export function findUser(pool: PoolRecord, name: string | undefined): UserRecord | undefined {
  if (!name) return undefined;
  const byName = pool.users[usernameKey(pool, name)];
  if (byName) return byName;
  const users = Object.values(pool.users);
  const signsInWithEmail = emailIsUsername(pool) || (pool.settings.AliasAttributes?.includes('email') ?? false);
  if (signsInWithEmail && name.includes('@')) {
    const wanted = name.toLowerCase();
    const found = users.find((u) => u.attributes.email?.toLowerCase() === wanted);
    if (found) return found;
  }
  return users.find((u) => u.attributes.sub === name);
}

export function requireUser(pool: PoolRecord, name: string | undefined): UserRecord {
  const user = findUser(pool, name);
  if (!user) throw errors.userNotFound();
  return user;
}

/** What the user's messages and sign-in call the user: the e-mail where it is the username. */
export function signInName(pool: PoolRecord, user: UserRecord): string {
  return emailIsUsername(pool) ? (user.attributes.email ?? user.username) : user.username;
}

/** The MFA fields of GetUser and AdminGetUser: TOTP listed once verified and turned on. */
export function mfaSettings(user: UserRecord): { UserMFASettingList?: string[]; PreferredMfaSetting?: string } {
  if (!user.totp.verified || !user.totp.enabled) return {};
  return {
    UserMFASettingList: ['SOFTWARE_TOKEN_MFA'],
    ...(user.totp.preferred ? { PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA' } : {}),
  };
}

export function toUserType(user: UserRecord): UserType {
  return {
    Username: user.username,
    Attributes: attributeList(user.attributes),
    UserCreateDate: new Date(user.createdAt),
    UserLastModifiedDate: new Date(user.updatedAt),
    Enabled: user.enabled,
    UserStatus: user.status,
  };
}

/** A new e-mail address or phone number is not verified, whatever the flag said of the old one. */
export function unverifyChanged(user: UserRecord, changes: Record<string, string>): void {
  for (const name of ['email', 'phone_number']) {
    const flag = `${name}_verified`;
    if (changes[name] !== undefined && changes[name] !== user.attributes[name] && changes[flag] === undefined && user.attributes[flag]) {
      changes[flag] = 'false';
    }
  }
}

export function touch(user: UserRecord, now: Date): void {
  user.updatedAt = now.getTime();
}

export function newUser(username: string, attributes: Record<string, string>, now: Date): UserRecord {
  return {
    username,
    attributes,
    enabled: true,
    status: 'FORCE_CHANGE_PASSWORD',
    createdAt: now.getTime(),
    updatedAt: now.getTime(),
    failures: { count: 0 },
    totp: { verified: false, enabled: false, preferred: false },
    groups: [],
  };
}
