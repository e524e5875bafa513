import type { AttributeType, GetUserCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import { claimsOf } from './tokens';

export interface User {
  userId: string;
  email: string;
  emailVerified: boolean;
  fullName: string | null;
  givenName: string | null;
  familyName: string | null;
  phoneNumber: string | null;
  groups: string[];
  mfaEnabled: boolean;
}

function attributeMap(attributes: AttributeType[] | undefined): Map<string, string> {
  return new Map((attributes ?? []).map((a) => [a.Name ?? '', a.Value ?? '']));
}

/**
 * Builds the User from GetUser (which has just accepted the token, so a revoked token never gets
 * here) and the token's own group claim, which saves a call.
 */
export function toUser(output: Pick<GetUserCommandOutput, 'UserAttributes' | 'UserMFASettingList'>, accessToken: string): User {
  const attrs = attributeMap(output.UserAttributes);
  const groups = claimsOf(accessToken)['cognito:groups'];
  return {
    userId: attrs.get('sub') ?? '',
    email: attrs.get('email') ?? '',
    emailVerified: attrs.get('email_verified') === 'true',
    fullName: attrs.get('name') ?? null,
    givenName: attrs.get('given_name') ?? null,
    familyName: attrs.get('family_name') ?? null,
    phoneNumber: attrs.get('phone_number') ?? null,
    groups: Array.isArray(groups) ? groups.map(String) : [],
    mfaEnabled: (output.UserMFASettingList ?? []).includes('SOFTWARE_TOKEN_MFA'),
  };
}
