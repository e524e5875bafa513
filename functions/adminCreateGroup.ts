import { CreateGroupCommand } from '@aws-sdk/client-cognito-identity-provider';
import * as v from 'valibot';
import { groupName } from './lib/adminUser';
import { optionalText } from './lib/validate';
import { defineAdminOperation } from './lib/admin';
import { cognito } from './lib/cognito';
import { config } from './lib/config';
import { GatewayError } from './lib/errors';
import { toAdminGroup } from './lib/groups';

/** Creates a group; members get it in the `cognito:groups` claim of their tokens (and in `me`). */
export const handler = defineAdminOperation('adminCreateGroup', {
  args: v.object({
    name: groupName,
    description: optionalText(2048, 'The description is at most 2048 characters.'),
  }),
  async run(args, { actingOn }) {
    actingOn({ group: args.name });
    const out = await cognito().send(
      new CreateGroupCommand({ UserPoolId: config.userPoolId(), GroupName: args.name, Description: args.description || undefined }),
    );
    if (!out.Group) throw new GatewayError('InternalError', 'Cognito returned no group.');
    return toAdminGroup(out.Group);
  },
});
