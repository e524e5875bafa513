import { AdminRemoveUserFromGroupCommand } from '@aws-sdk/client-cognito-identity-provider';
import * as v from 'valibot';
import { findUser, groupName } from './lib/adminUser';
import { defineAdminOperation } from './lib/admin';
import { cognito } from './lib/cognito';
import { config } from './lib/config';
import { email } from './lib/validate';

/** Removes the user from a group; tokens issued before keep the claim until they expire. */
export const handler = defineAdminOperation('adminRemoveUserFromGroup', {
  args: v.object({ email, group: groupName }),
  async run(args, { actingOn }) {
    const user = await findUser(args.email);
    actingOn({ userId: user.userId, group: args.group });
    await cognito().send(
      new AdminRemoveUserFromGroupCommand({ UserPoolId: config.userPoolId(), Username: user.username, GroupName: args.group }),
    );
    return { userId: user.userId, email: user.email, action: 'REMOVED_FROM_GROUP' as const, group: args.group };
  },
});
