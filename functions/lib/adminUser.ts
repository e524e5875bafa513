import {
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  type AttributeType,
  type UserStatusType,
} from '@aws-sdk/client-cognito-identity-provider';
import * as v from 'valibot';
import { cognito } from './cognito';
import { config } from './config';
import { GatewayError } from './errors';
import { email } from './validate';

/** A user as a support desk sees it: never a secret, an attribute value only where it helps. */
export interface AdminUser {
  userId: string;
  email: string;
  name: string | null;
  status: UserStatusType;
  enabled: boolean;
  mfaEnrolled: boolean;
  groups: string[];
  created: string | null;
  lastModified: string | null;
}

/** What every admin action answers: whom it acted on and what it did. */
export interface AdminActionResult {
  userId: string;
  email: string;
  action: string;
  group?: string | null;
}

/** Cognito's AdminGetUser answer, read once per call: the user without their groups. */
export interface FoundUser extends Omit<AdminUser, 'groups'> {
  /** The name Cognito knows the user by, for the other Admin* calls. */
  username: string;
}

const iso = (date: Date | undefined) => (date ? date.toISOString() : null);

export function attribute(attributes: AttributeType[] | undefined, name: string): string | undefined {
  return attributes?.find((a) => a.Name === name)?.Value;
}

/** Looks the user up by e-mail; Cognito's UserNotFoundException becomes the operator's UserNotFound. */
export async function findUser(email: string): Promise<FoundUser> {
  const out = await cognito().send(new AdminGetUserCommand({ UserPoolId: config.userPoolId(), Username: email }));
  const userId = attribute(out.UserAttributes, 'sub');
  if (!out.Username || !userId) throw new GatewayError('InternalError', 'Cognito returned no user id.');
  return {
    username: out.Username,
    userId,
    email: attribute(out.UserAttributes, 'email') ?? email,
    name: attribute(out.UserAttributes, 'name') ?? null,
    status: out.UserStatus ?? 'UNKNOWN',
    enabled: out.Enabled ?? false,
    mfaEnrolled: (out.UserMFASettingList ?? []).includes('SOFTWARE_TOKEN_MFA'),
    created: iso(out.UserCreateDate),
    lastModified: iso(out.UserLastModifiedDate),
  };
}

/** The user's group names, every page of them (a user is in at most 100 groups). */
export async function groupsOf(username: string): Promise<string[]> {
  const groups: string[] = [];
  let nextToken: string | undefined;
  for (let page = 0; page < 10; page++) {
    const out = await cognito().send(
      new AdminListGroupsForUserCommand({ UserPoolId: config.userPoolId(), Username: username, Limit: 60, NextToken: nextToken }),
    );
    groups.push(...(out.Groups ?? []).map((g) => g.GroupName ?? '').filter(Boolean));
    nextToken = out.NextToken;
    if (!nextToken) break;
  }
  return groups;
}

export async function adminUserOf(found: FoundUser): Promise<AdminUser> {
  const { username: _username, ...user } = found;
  return { ...user, groups: await groupsOf(found.username) };
}

/** Admin fields take the e-mail as a top-level argument. */
export const byEmail = v.object({ email });

/** Cognito group names: 1–128 characters of its allowed set. */
export const groupName = v.pipe(
  v.string('The group name is required.'),
  v.trim(),
  v.regex(/^[\p{L}\p{M}\p{S}\p{N}\p{P}]{1,128}$/u, 'A group name is 1 to 128 letters, digits or punctuation, without spaces.'),
);
