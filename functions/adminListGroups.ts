import { ListGroupsCommand } from '@aws-sdk/client-cognito-identity-provider';
import * as v from 'valibot';
import { defineAdminOperation } from './lib/admin';
import { cognito } from './lib/cognito';
import { config } from './lib/config';
import { toAdminGroup } from './lib/groups';
import { pageLimit, pageToken } from './lib/validate';

/** One page of the pool's groups; pass nextToken back for the next. */
export const handler = defineAdminOperation('adminListGroups', {
  args: v.object({ limit: pageLimit, nextToken: pageToken }),
  async run(args) {
    const out = await cognito().send(
      new ListGroupsCommand({ UserPoolId: config.userPoolId(), Limit: args.limit, NextToken: args.nextToken }),
    );
    return { groups: (out.Groups ?? []).map(toAdminGroup), nextToken: out.NextToken ?? null };
  },
});
