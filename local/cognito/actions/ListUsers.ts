import type { ListUsersRequest, ListUsersResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { CognitoContext } from '../context';
import { errors } from '../errors';
import { page, requirePool } from '../pools';
import type { UserRecord } from '../state';
import { toUserType } from '../users';

const SEARCHABLE = new Set([
  'username',
  'email',
  'phone_number',
  'name',
  'given_name',
  'family_name',
  'preferred_username',
  'cognito:user_status',
  'status',
  'sub',
]);

/** Cognito's filter: `name = "value"` (exact) or `name ^= "value"` (starts with); e-mails in any case. */
function parseFilter(filter: string | undefined): ((user: UserRecord) => boolean) | undefined {
  if (!filter?.trim()) return undefined;
  const match = /^\s*([\w:]+)\s*(\^?=)\s*"((?:[^"\\]|\\.)*)"\s*$/.exec(filter);
  if (!match || !SEARCHABLE.has(match[1]!)) throw errors.invalidParameter('Invalid search filter.');
  const [, name, op, raw] = match as unknown as [string, string, string, string];
  const fold = (s: string) => (name === 'email' ? s.toLowerCase() : s);
  const wanted = fold(raw.replace(/\\(.)/g, '$1'));
  const valueOf = (user: UserRecord): string | undefined => {
    if (name === 'username') return user.username;
    if (name === 'cognito:user_status') return user.status;
    if (name === 'status') return user.enabled ? 'Enabled' : 'Disabled';
    return user.attributes[name];
  };
  return (user) => {
    const value = valueOf(user);
    if (value === undefined) return false;
    return op === '=' ? fold(value) === wanted : fold(value).startsWith(wanted);
  };
}

export async function ListUsers(ctx: CognitoContext, input: ListUsersRequest): Promise<ListUsersResponse> {
  const pool = requirePool(ctx, input.UserPoolId);
  const matches = parseFilter(input.Filter) ?? (() => true);
  const users = Object.values(pool.users).filter(matches);
  const { items, next } = page(users, input.Limit, input.PaginationToken);
  const wanted = input.AttributesToGet;
  return {
    Users: items.map((user) => {
      const type = toUserType(user);
      return wanted ? { ...type, Attributes: type.Attributes?.filter((a) => wanted.includes(a.Name ?? '')) } : type;
    }),
    ...(next ? { PaginationToken: next } : {}),
  };
}
