import type { AttributeType } from '@aws-sdk/client-cognito-identity-provider';
import { errors } from './errors';
import type { PoolRecord } from './state';

/** Cognito's standard attributes; anything else must be `custom:` and declared in the pool's schema. */
export const STANDARD_ATTRIBUTES = [
  'sub',
  'name',
  'given_name',
  'family_name',
  'middle_name',
  'nickname',
  'preferred_username',
  'profile',
  'picture',
  'website',
  'email',
  'email_verified',
  'gender',
  'birthdate',
  'zoneinfo',
  'locale',
  'phone_number',
  'phone_number_verified',
  'address',
  'updated_at',
] as const;

/** Attributes that hold `true`/`false` as text in Cognito and booleans in tokens. */
export const BOOLEAN_ATTRIBUTES = new Set(['email_verified', 'phone_number_verified']);

function isKnown(pool: PoolRecord, name: string): boolean {
  if ((STANDARD_ATTRIBUTES as readonly string[]).includes(name)) return true;
  return (pool.settings.Schema ?? []).some((a) => a.Name !== undefined && (a.Name === name || `custom:${a.Name}` === name));
}

/** Attributes a user may never change: `sub` always, the e-mail address in this product, and what the schema marks immutable. */
export function isImmutable(pool: PoolRecord, name: string): boolean {
  if (name === 'sub' || name === 'email') return true;
  return (pool.settings.Schema ?? []).some((a) => (a.Name === name || `custom:${a.Name}` === name) && a.Mutable === false);
}

/** Turns the request's list into a map, refusing names the pool does not know. */
export function attributeMap(pool: PoolRecord, list: AttributeType[] | undefined): Record<string, string> {
  const map: Record<string, string> = {};
  for (const { Name, Value } of list ?? []) {
    if (!Name) throw errors.invalidParameter('Attribute name is required.');
    if (!isKnown(pool, Name)) {
      throw errors.invalidParameter(`Attributes did not conform to the schema: ${Name}: Attribute does not exist in the schema.\n`);
    }
    map[Name] = Value ?? '';
  }
  return map;
}

/** Attributes as Cognito lists them: `sub` first. */
export function attributeList(attributes: Record<string, string>): AttributeType[] {
  return Object.entries(attributes)
    .sort(([a], [b]) => (a === 'sub' ? -1 : b === 'sub' ? 1 : 0))
    .map(([Name, Value]) => ({ Name, Value }));
}

/** Attributes as id token claims: the booleans as booleans. */
export function attributeClaims(attributes: Record<string, string>): Record<string, string | boolean> {
  return Object.fromEntries(
    Object.entries(attributes).map(([name, value]) => [name, BOOLEAN_ATTRIBUTES.has(name) ? value === 'true' : value]),
  );
}
