import { declaredAttribute, STANDARD_ATTRIBUTES } from './attributes';
import { errors } from './errors';
import type { ClientRecord, ClientSettings, PoolRecord } from './state';

/**
 * Which attributes an app client may read (GetUser, the id token) and write (UpdateUserAttributes)
 * with a user's access token. A client that names no ReadAttributes reads the standard attributes
 * and the verification flags; one that names no WriteAttributes writes the standard attributes.
 * Custom attributes are only reached by clients that name them. Admin actions ignore these lists.
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html
 * (ReadAttributes, WriteAttributes)
 */
export function readableAttributes(client: ClientRecord): ReadonlySet<string> {
  const named = client.settings.ReadAttributes;
  return new Set(named && named.length > 0 ? named : STANDARD_ATTRIBUTES);
}

export function writableAttributes(client: ClientRecord): ReadonlySet<string> {
  const named = client.settings.WriteAttributes;
  // The verification flags are Cognito's to set, unless a client is given them by name.
  return new Set(named && named.length > 0 ? named : STANDARD_ATTRIBUTES.filter((a) => a !== 'sub' && !a.endsWith('_verified')));
}

/** Refuses the attributes a client may not write, in Cognito's words. */
export function checkWritable(client: ClientRecord, names: Iterable<string>): void {
  const writable = writableAttributes(client);
  for (const name of names) {
    if (!writable.has(name)) throw errors.notAuthorized('A client attempted to write unauthorized attribute');
  }
}

/** CreateUserPoolClient and UpdateUserPoolClient name only attributes the pool has. */
export function validateClientAttributes(pool: PoolRecord, settings: ClientSettings, verb: 'creating' | 'updating'): void {
  for (const [list, kind] of [
    [settings.ReadAttributes, 'read'],
    [settings.WriteAttributes, 'write'],
  ] as const) {
    if ((list ?? []).some((name) => !declaredAttribute(pool, name) || (kind === 'write' && name === 'sub'))) {
      throw errors.invalidParameter(`Invalid ${kind} attributes specified while ${verb} a client`);
    }
  }
}
