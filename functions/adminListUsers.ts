import { ListUsersCommand, type UserStatusType, type UserType } from '@aws-sdk/client-cognito-identity-provider';
import * as v from 'valibot';
import { type AdminUser, adminUserOf, attribute, findUser } from './lib/adminUser';
import { defineAdminOperation } from './lib/admin';
import { cognito } from './lib/cognito';
import { config } from './lib/config';
import { pageLimit, pageToken } from './lib/validate';

const filterArgs = v.nullish(
  v.object({
    emailPrefix: v.nullish(v.pipe(v.string(), v.trim(), v.toLowerCase(), v.maxLength(254, 'The e-mail prefix is too long.'))),
    status: v.nullish(v.string()),
    enabled: v.nullish(v.boolean()),
  }),
);

type Filter = NonNullable<v.InferOutput<typeof filterArgs>>;

/** Cognito's filter syntax quotes the value; a quote or backslash in it is escaped. */
const quoted = (value: string) => `"${value.replace(/["\\]/g, '\\$&')}"`;

/**
 * ListUsers takes one filter expression, so the most selective one goes to Cognito and the others
 * are applied to the page here: a page can then hold fewer users than the limit, and nextToken
 * still leads on. https://docs.aws.amazon.com/cognito/latest/developerguide/how-to-manage-user-accounts.html#cognito-user-pools-searching-for-users-using-listusers-api
 */
function cognitoFilter(filter: Filter): string | undefined {
  if (filter.emailPrefix) return `email ^= ${quoted(filter.emailPrefix)}`;
  if (filter.status) return `cognito:user_status = ${quoted(filter.status)}`;
  if (filter.enabled != null) return `status = ${quoted(filter.enabled ? 'Enabled' : 'Disabled')}`;
  return undefined;
}

function matches(user: UserType, filter: Filter): boolean {
  const email = attribute(user.Attributes, 'email')?.toLowerCase() ?? '';
  if (filter.emailPrefix && !email.startsWith(filter.emailPrefix)) return false;
  if (filter.status && user.UserStatus !== (filter.status as UserStatusType)) return false;
  if (filter.enabled != null && user.Enabled !== filter.enabled) return false;
  return true;
}

/** Runs `work` over `items`, at most `width` at a time, keeping their order. */
async function mapLimited<T, R>(items: readonly T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < items.length; i = next++) results[i] = await work(items[i]!);
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, lane));
  return results;
}

/**
 * One page of users. MFA enrolment and groups are not in ListUsers' answer, so each user of the
 * page is read with AdminGetUser and AdminListGroupsForUser, five users at a time to stay well
 * inside Cognito's request quotas.
 */
export const handler = defineAdminOperation('adminListUsers', {
  args: v.object({ filter: filterArgs, limit: pageLimit, nextToken: pageToken }),
  async run(args) {
    const filter: Filter = args.filter ?? {};
    const out = await cognito().send(
      new ListUsersCommand({
        UserPoolId: config.userPoolId(),
        Filter: cognitoFilter(filter),
        Limit: args.limit,
        PaginationToken: args.nextToken,
      }),
    );
    const listed = (out.Users ?? []).filter((user) => matches(user, filter) && user.Username);
    const users: AdminUser[] = await mapLimited(listed, 5, async (user) => adminUserOf(await findUser(user.Username!)));
    return { users, nextToken: out.PaginationToken ?? null };
  },
});
