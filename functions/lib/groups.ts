import type { GroupType } from '@aws-sdk/client-cognito-identity-provider';

export interface AdminGroup {
  name: string;
  description: string | null;
  precedence: number | null;
  created: string | null;
  lastModified: string | null;
}

export function toAdminGroup(group: GroupType): AdminGroup {
  return {
    name: group.GroupName ?? '',
    description: group.Description ?? null,
    precedence: group.Precedence ?? null,
    created: group.CreationDate?.toISOString() ?? null,
    lastModified: group.LastModifiedDate?.toISOString() ?? null,
  };
}
