import type { GroupType } from '@aws-sdk/client-cognito-identity-provider';
import { errors } from './errors';
import type { GroupRecord, PoolRecord } from './state';

export function requireGroup(pool: PoolRecord, name: string): GroupRecord {
  const group = pool.groups[name];
  if (!group) throw errors.resourceNotFound('Group not found.');
  return group;
}

export function toGroupType(pool: PoolRecord, group: GroupRecord): GroupType {
  return {
    GroupName: group.name,
    UserPoolId: pool.id,
    ...(group.description !== undefined ? { Description: group.description } : {}),
    ...(group.precedence !== undefined ? { Precedence: group.precedence } : {}),
    ...(group.roleArn !== undefined ? { RoleArn: group.roleArn } : {}),
    CreationDate: new Date(group.createdAt),
    LastModifiedDate: new Date(group.updatedAt),
  };
}
