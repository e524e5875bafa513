import type { AttributeType, SchemaAttributeType } from '@aws-sdk/client-cognito-identity-provider';
import { errors } from './errors';
import type { PoolRecord } from './state';

/**
 * Cognito's standard attributes; anything else must be `custom:` and declared in the pool's
 * schema. Every standard attribute but `sub` is mutable unless the pool's schema says otherwise.
 * https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-attributes.html
 */
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

const isStandard = (name: string) => (STANDARD_ATTRIBUTES as readonly string[]).includes(name);

/** An attribute as the pool declares it: its API name (`custom:` prefixed for custom ones), mutability and length limits. */
export interface DeclaredAttribute {
  name: string;
  custom: boolean;
  mutable: boolean;
  minLength?: number;
  maxLength?: number;
}

/** The API name of a schema entry: CreateUserPool and AddCustomAttributes name custom attributes without the prefix. */
export function apiName(entry: SchemaAttributeType): string | undefined {
  const name = entry.Name;
  if (!name) return undefined;
  return isStandard(name) || name.startsWith('custom:') ? name : `custom:${name}`;
}

/** What the pool says about one attribute, or undefined when the pool has no such attribute. */
export function declaredAttribute(pool: PoolRecord, name: string): DeclaredAttribute | undefined {
  const entry = (pool.settings.Schema ?? []).find((e) => apiName(e) === name);
  if (!entry && !isStandard(name)) return undefined;
  const limits = entry?.StringAttributeConstraints;
  return {
    name,
    custom: name.startsWith('custom:'),
    // CreateUserPool's default for Mutable is true; `sub` can never change.
    mutable: name !== 'sub' && entry?.Mutable !== false,
    ...(limits?.MinLength !== undefined ? { minLength: Number(limits.MinLength) } : {}),
    ...(limits?.MaxLength !== undefined ? { maxLength: Number(limits.MaxLength) } : {}),
  };
}

/** Every custom attribute the pool declares, by API name. */
export function customAttributeNames(pool: PoolRecord): string[] {
  return (pool.settings.Schema ?? []).flatMap((e) => {
    const name = apiName(e);
    return name?.startsWith('custom:') ? [name] : [];
  });
}

const schemaError = (name: string, reason: string) =>
  errors.invalidParameter(`Attributes did not conform to the schema: ${name}: ${reason}\n`);

/** Turns the request's list into a map, refusing names the pool does not know and values its schema does not allow. */
export function attributeMap(pool: PoolRecord, list: AttributeType[] | undefined): Record<string, string> {
  const map: Record<string, string> = {};
  for (const { Name, Value } of list ?? []) {
    if (!Name) throw errors.invalidParameter('Attribute name is required.');
    const declared = declaredAttribute(pool, Name);
    if (!declared) throw schemaError(Name, 'Attribute does not exist in the schema.');
    const value = Value ?? '';
    if (declared.maxLength !== undefined && value.length > declared.maxLength) {
      throw schemaError(Name, `String must be no longer than ${declared.maxLength} characters`);
    }
    if (declared.minLength !== undefined && value.length > 0 && value.length < declared.minLength) {
      throw schemaError(Name, `String must be no shorter than ${declared.minLength} characters`);
    }
    map[Name] = value;
  }
  return map;
}

/** Refuses a change to an attribute the schema marks immutable (`sub` always). */
export function checkMutable(pool: PoolRecord, names: Iterable<string>): void {
  for (const name of names) {
    if (!declaredAttribute(pool, name)?.mutable) throw errors.invalidParameter(`Cannot modify the non-mutable attribute ${name}`);
  }
}

/** Attributes as Cognito lists them: `sub` first. */
export function attributeList(attributes: Record<string, string>): AttributeType[] {
  return Object.entries(attributes)
    .sort(([a], [b]) => (a === 'sub' ? -1 : b === 'sub' ? 1 : 0))
    .map(([Name, Value]) => ({ Name, Value }));
}

/** Only the attributes named in `names`, plus `sub`, which every reader sees. */
export function pick(attributes: Record<string, string>, names: ReadonlySet<string>): Record<string, string> {
  return Object.fromEntries(Object.entries(attributes).filter(([name]) => name === 'sub' || names.has(name)));
}

/** Attributes as id token claims: the booleans as booleans. */
export function attributeClaims(attributes: Record<string, string>): Record<string, string | boolean> {
  return Object.fromEntries(
    Object.entries(attributes).map(([name, value]) => [name, BOOLEAN_ATTRIBUTES.has(name) ? value === 'true' : value]),
  );
}
