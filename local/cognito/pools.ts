import type { UserPoolDescriptionType, UserPoolType } from '@aws-sdk/client-cognito-identity-provider';
import { apiName } from './attributes';
import type { CognitoContext } from './context';
import { errors } from './errors';
import { effectivePolicy, type Policy } from './passwords';
import type { PoolRecord } from './state';
import { userPoolArn } from '../iam/arns';

export function requirePool(ctx: CognitoContext, poolId: string | undefined): PoolRecord {
  const pool = poolId ? ctx.store.state.pools[poolId] : undefined;
  if (!pool) throw errors.resourceNotFound(`User pool ${poolId} does not exist.`);
  return pool;
}

export function poolPolicy(pool: PoolRecord): Policy {
  return effectivePolicy(pool.settings.Policies?.PasswordPolicy);
}

export const poolArn = (pool: PoolRecord) => userPoolArn(pool.region, pool.id);

export function toUserPoolType(pool: PoolRecord): UserPoolType {
  const { Schema, SoftwareTokenMfaConfiguration: _totp, ...settings } = pool.settings;
  return {
    ...settings,
    Id: pool.id,
    Name: pool.name,
    Arn: poolArn(pool),
    Status: 'Enabled',
    CreationDate: new Date(pool.createdAt),
    LastModifiedDate: new Date(pool.updatedAt),
    Policies: { ...settings.Policies, PasswordPolicy: { ...settings.Policies?.PasswordPolicy, ...poolPolicy(pool) } },
    MfaConfiguration: settings.MfaConfiguration ?? 'OFF',
    UsernameConfiguration: { CaseSensitive: settings.UsernameConfiguration?.CaseSensitive ?? true },
    DeletionProtection: settings.DeletionProtection ?? 'INACTIVE',
    AdminCreateUserConfig: { AllowAdminCreateUserOnly: false, ...settings.AdminCreateUserConfig },
    EstimatedNumberOfUsers: Object.keys(pool.users).length,
    // DescribeUserPool names custom attributes with their prefix, as the user APIs do.
    ...(Schema ? { SchemaAttributes: Schema.map((entry) => ({ ...entry, Name: apiName(entry) })) } : {}),
  };
}

export function toPoolDescription(pool: PoolRecord): UserPoolDescriptionType {
  return {
    Id: pool.id,
    Name: pool.name,
    Status: 'Enabled',
    LambdaConfig: pool.settings.LambdaConfig ?? {},
    CreationDate: new Date(pool.createdAt),
    LastModifiedDate: new Date(pool.updatedAt),
  };
}

/** Cognito's paging: NextToken is opaque to callers; here it is the index to resume at. */
export function page<T>(items: T[], maxResults: number | undefined, nextToken: string | undefined, limit = 60) {
  const size = maxResults ?? limit;
  if (!Number.isInteger(size) || size < 1 || size > limit) {
    throw errors.invalidParameter(`1 validation error detected: Value '${maxResults}' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and ${limit}`);
  }
  const start = nextToken ? Number(Buffer.from(nextToken, 'base64url').toString()) : 0;
  if (!Number.isInteger(start) || start < 0) throw errors.invalidParameter('Invalid pagination token.');
  const end = start + size;
  return {
    items: items.slice(start, end),
    next: end < items.length ? Buffer.from(String(end)).toString('base64url') : undefined,
  };
}

/** The limits Cognito puts on a pool's settings. */
export function validatePoolSettings(settings: PoolRecord['settings']): void {
  const policy = settings.Policies?.PasswordPolicy;
  const length = policy?.MinimumLength;
  if (length !== undefined && (!Number.isInteger(length) || length < 6 || length > 99)) {
    throw errors.invalidParameter('Password policy MinimumLength must be between 6 and 99.');
  }
  const days = policy?.TemporaryPasswordValidityDays;
  if (days !== undefined && (!Number.isInteger(days) || days < 0 || days > 365)) {
    throw errors.invalidParameter('TemporaryPasswordValidityDays must be between 0 and 365.');
  }
  if (settings.UsernameAttributes?.length && settings.AliasAttributes?.length) {
    throw errors.invalidParameter('Only one of the aliasAttributes or usernameAttributes can be set in a User Pool.');
  }
}
