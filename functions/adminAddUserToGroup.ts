import { AdminAddUserToGroupCommand } from '@aws-sdk/client-cognito-identity-provider';
import * as v from 'valibot';
import { findUser, groupName } from './lib/adminUser';
import { defineAdminOperation } from './lib/admin';
import { cognito } from './lib/cognito';
import { config } from './lib/config';
import { email } from './lib/validate';

/** Adds the user to an existing group; the group shows in their tokens from their next sign-in or refresh. */
export const handler = defineAdminOperation('adminAddUserToGroup', {
  args: v.object({ email, group: groupName }),
  async run(args, { actingOn }) {
    const user = await findUser(args.email);
    actingOn({ userId: user.userId, group: args.group });
    await cognito().send(
      new AdminAddUserToGroupCommand({ UserPoolId: config.userPoolId(), Username: user.username, GroupName: args.group }),
    );
    return { userId: user.userId, email: user.email, action: 'ADDED_TO_GROUP' as const, group: args.group };
  },
});
