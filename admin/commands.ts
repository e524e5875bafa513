import type { AdminOperationField } from '../operations';
import { orDash, shortTime, table, yesNo } from './format';

/**
 * Every CLI command: the admin field it calls, its document, how its arguments become variables,
 * whether it asks for confirmation, and how its answer reads for people.
 */

export interface AdminUser {
  userId: string;
  email: string;
  name: string | null;
  status: string;
  enabled: boolean;
  mfaEnrolled: boolean;
  groups: string[];
  created: string | null;
  lastModified: string | null;
}
interface AdminGroup {
  name: string;
  description: string | null;
  precedence: number | null;
  created: string | null;
}
interface ActionResult {
  userId: string;
  email: string;
  action: string;
  group: string | null;
}

export interface ParsedOptions {
  positionals: string[];
  values: Record<string, string | boolean | undefined>;
}

export interface Command {
  /** As typed: `users disable`. */
  name: string;
  usage: string;
  summary: string;
  field: AdminOperationField;
  document: string;
  /** Positional arguments, named in usage. */
  arity: number;
  variables(options: ParsedOptions): Record<string, unknown>;
  /** Destructive commands say what they will do and wait for "y" unless --yes. */
  confirm?: (options: ParsedOptions) => string;
  render(data: never): string;
}

const USER_FIELDS = 'userId email name status enabled mfaEnrolled groups created lastModified';
const ACTION_FIELDS = 'userId email action group';
const GROUP_FIELDS = 'name description precedence created lastModified';

function userTable(users: readonly AdminUser[]): string {
  return table(
    ['EMAIL', 'NAME', 'STATUS', 'ENABLED', 'MFA', 'GROUPS', 'CREATED', 'USER ID'],
    users.map((u) => [u.email, orDash(u.name), u.status, yesNo(u.enabled), yesNo(u.mfaEnrolled), u.groups.join(',') || '-', shortTime(u.created), u.userId]),
  );
}

const ACTION_TEXT: Readonly<Record<string, string>> = {
  USER_DISABLED: 'Disabled and signed out',
  USER_ENABLED: 'Enabled',
  MFA_RESET: 'Reset the authenticator of',
  PASSWORD_RESET: 'Reset the password of',
  SIGNED_OUT: 'Signed out everywhere',
  USER_DELETED: 'Deleted',
  INVITATION_RESENT: 'Re-sent the invitation to',
  ADDED_TO_GROUP: 'Added to the group',
  REMOVED_FROM_GROUP: 'Removed from the group',
};

function actionLine(result: ActionResult): string {
  const text = ACTION_TEXT[result.action] ?? result.action;
  return `${text}${result.group ? ` ${result.group}` : ''}: ${result.email} (user id ${result.userId})`;
}

const email = (options: ParsedOptions) => ({ email: options.positionals[0] });

function userAction(
  verb: string,
  field: AdminOperationField,
  summary: string,
  confirm?: (address: string) => string,
): Command {
  return {
    name: `users ${verb}`,
    usage: `users ${verb} <email>`,
    summary,
    field,
    document: `mutation ($email: AWSEmail!) { ${field}(email: $email) { ${ACTION_FIELDS} } }`,
    arity: 1,
    variables: email,
    confirm: confirm && ((options) => confirm(options.positionals[0]!)),
    render: (data: ActionResult) => actionLine(data),
  };
}

export const COMMANDS: readonly Command[] = [
  {
    name: 'users list',
    usage: 'users list [--status <STATUS>] [--email-prefix <text>] [--enabled | --disabled] [--limit <1-60>] [--next-token <token>]',
    summary: 'One page of users, with status, MFA enrolment and groups.',
    field: 'adminListUsers',
    document: `query ($filter: AdminUserFilter, $limit: Int, $nextToken: String) { adminListUsers(filter: $filter, limit: $limit, nextToken: $nextToken) { users { ${USER_FIELDS} } nextToken } }`,
    arity: 0,
    variables: ({ values }) => ({
      filter: {
        ...(values.status ? { status: String(values.status).toUpperCase() } : {}),
        ...(values['email-prefix'] ? { emailPrefix: values['email-prefix'] } : {}),
        ...(values.enabled ? { enabled: true } : values.disabled ? { enabled: false } : {}),
      },
      limit: values.limit === undefined ? undefined : Number(values.limit),
      nextToken: values['next-token'],
    }),
    render: (data: { users: AdminUser[]; nextToken: string | null }) =>
      [
        data.users.length ? userTable(data.users) : 'No users.',
        ...(data.nextToken ? ['', `More users: add --next-token ${data.nextToken}`] : []),
      ].join('\n'),
  },
  {
    name: 'users show',
    usage: 'users show <email>',
    summary: "One user's account.",
    field: 'adminGetUser',
    document: `query ($email: AWSEmail!) { adminGetUser(email: $email) { ${USER_FIELDS} } }`,
    arity: 1,
    variables: email,
    render: (u: AdminUser) =>
      table(
        ['FIELD', 'VALUE'],
        [
          ['email', u.email],
          ['name', orDash(u.name)],
          ['user id', u.userId],
          ['status', u.status],
          ['enabled', yesNo(u.enabled)],
          ['MFA enrolled', yesNo(u.mfaEnrolled)],
          ['groups', u.groups.join(', ') || '-'],
          ['created', shortTime(u.created)],
          ['last modified', shortTime(u.lastModified)],
        ],
      ),
  },
  userAction('disable', 'adminDisableUser', 'Disable the account and sign the user out everywhere.', (a) => `Disable ${a} and sign them out everywhere?`),
  userAction('enable', 'adminEnableUser', 'Let a disabled user sign in again.'),
  userAction('sign-out', 'adminSignOutUser', 'Sign the user out everywhere.', (a) => `Sign ${a} out everywhere?`),
  userAction(
    'reset-mfa',
    'adminResetMfa',
    'Remove the authenticator, QR code and recovery codes; the user sets up MFA again at next login.',
    (a) => `Reset the authenticator of ${a}? They must set up MFA again at their next login.`,
  ),
  userAction(
    'reset-password',
    'adminResetPassword',
    'Invalidate the password; Cognito e-mails the user a reset code.',
    (a) => `Reset the password of ${a}? They cannot sign in until they set a new one.`,
  ),
  userAction('delete', 'adminDeleteUser', 'Delete the user and their archived QR code.', (a) => `Delete ${a} for good?`),
  {
    ...userAction('resend', 'adminResendInvitation', 'E-mail a new temporary password to a user who never signed in.'),
    name: 'invitations resend',
    usage: 'invitations resend <email>',
  },
  {
    name: 'groups list',
    usage: 'groups list [--limit <1-60>] [--next-token <token>]',
    summary: "The user pool's groups.",
    field: 'adminListGroups',
    document: `query ($limit: Int, $nextToken: String) { adminListGroups(limit: $limit, nextToken: $nextToken) { groups { ${GROUP_FIELDS} } nextToken } }`,
    arity: 0,
    variables: ({ values }) => ({ limit: values.limit === undefined ? undefined : Number(values.limit), nextToken: values['next-token'] }),
    render: (data: { groups: AdminGroup[]; nextToken: string | null }) =>
      [
        data.groups.length
          ? table(['NAME', 'DESCRIPTION', 'PRECEDENCE', 'CREATED'], data.groups.map((g) => [g.name, orDash(g.description), orDash(g.precedence), shortTime(g.created)]))
          : 'No groups.',
        ...(data.nextToken ? ['', `More groups: add --next-token ${data.nextToken}`] : []),
      ].join('\n'),
  },
  {
    name: 'groups create',
    usage: 'groups create <name> [--description <text>]',
    summary: 'Create a group.',
    field: 'adminCreateGroup',
    document: `mutation ($name: String!, $description: String) { adminCreateGroup(name: $name, description: $description) { ${GROUP_FIELDS} } }`,
    arity: 1,
    variables: ({ positionals, values }) => ({ name: positionals[0], description: values.description }),
    render: (g: AdminGroup) => `Created the group ${g.name}`,
  },
  {
    name: 'groups add',
    usage: 'groups add <email> <group>',
    summary: 'Add a user to a group.',
    field: 'adminAddUserToGroup',
    document: `mutation ($email: AWSEmail!, $group: String!) { adminAddUserToGroup(email: $email, group: $group) { ${ACTION_FIELDS} } }`,
    arity: 2,
    variables: ({ positionals }) => ({ email: positionals[0], group: positionals[1] }),
    render: (data: ActionResult) => actionLine(data),
  },
  {
    name: 'groups remove',
    usage: 'groups remove <email> <group>',
    summary: 'Remove a user from a group.',
    field: 'adminRemoveUserFromGroup',
    document: `mutation ($email: AWSEmail!, $group: String!) { adminRemoveUserFromGroup(email: $email, group: $group) { ${ACTION_FIELDS} } }`,
    arity: 2,
    variables: ({ positionals }) => ({ email: positionals[0], group: positionals[1] }),
    confirm: ({ positionals }) => `Remove ${positionals[0]} from the group ${positionals[1]}?`,
    render: (data: ActionResult) => actionLine(data),
  },
];
