import type { CreateGroupRequest, CreateGroupResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { CognitoContext } from '../context';
import { errors } from '../errors';
import { toGroupType } from '../groups';
import { requirePool } from '../pools';
import type { GroupRecord } from '../state';
import { required } from '../validate';

export async function CreateGroup(ctx: CognitoContext, input: CreateGroupRequest): Promise<CreateGroupResponse> {
  const pool = requirePool(ctx, input.UserPoolId);
  const name = required(input.GroupName, 'groupName');
  if (pool.groups[name]) throw errors.groupExists();
  const precedence = input.Precedence;
  if (precedence !== undefined && (!Number.isInteger(precedence) || precedence < 0)) {
    throw errors.invalidParameter('Precedence must be a whole number of 0 or more.');
  }
  const now = ctx.clock.now().getTime();
  const group: GroupRecord = {
    name,
    ...(input.Description !== undefined ? { description: input.Description } : {}),
    ...(precedence !== undefined ? { precedence } : {}),
    ...(input.RoleArn !== undefined ? { roleArn: input.RoleArn } : {}),
    createdAt: now,
    updatedAt: now,
  };
  pool.groups[name] = group;
  return { Group: toGroupType(pool, group) };
}
