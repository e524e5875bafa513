import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callAdmin, AdminApiError, type AdminTarget } from '../../admin/api';
import { EXIT, runCli } from '../../admin/cli';
import { signGraphQLRequest } from '../../admin/signing';
import { loadEnvironment } from '../../infra/config';
import { ManualClock, SECOND } from '../../local/cognito/clock';
import { startStack, type LocalStack } from '../../local/stack';
import { adminOperations } from '../../operations';
import { dataOf, errorOf, graphqlClient, Inbox, secretOf, temporaryPasswordOf, type Gql } from './client';
import { TEST_PASSWORD_COST, TEST_RECOVERY_CODE_COST } from '../helpers';

/**
 * The admin API over HTTP against the offline stack, signed with SigV4 by the stack's operator
 * keys exactly as the CLI signs, and the CLI itself driven end to end. Users are made and signed in
 * through the user API, as the app would.
 */

const env = loadEnvironment('dev');
const ALL_FREE = { graphql: 0, cognito: 0, s3: 0, ses: 0 };
const PASSWORD = 'First-Password-1!';
const INVITATION = new RegExp(`^Your ${env.mfa.issuer.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} account$`);

const Q = {
  createUser: 'mutation ($input: CreateUserInput!) { createUser(input: $input) { status } }',
  confirmUser: 'mutation ($input: ConfirmUserInput!) { confirmUser(input: $input) { userId mfaSetup { session otpauthUri } } }',
  confirmMfa: 'mutation ($input: ConfirmMfaInput!) { confirmMfa(input: $input) { tokens { accessToken refreshToken } } }',
  login: 'mutation ($input: LoginInput!) { login(input: $input) { verificationType verificationSession mfaSetup { session } } }',
  verifyMfa: 'mutation ($input: VerifyMfaInput!) { verifyMfa(input: $input) { accessToken refreshToken } }',
  refreshTokens: 'mutation ($input: RefreshTokensInput!) { refreshTokens(input: $input) { accessToken } }',
  me: 'query { me { email groups } }',
};

const clock = new ManualClock(Date.now());
let dataDir: string;
let stack: LocalStack;
let gql: Gql;
let inbox: Inbox;
let operator: AdminTarget;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'admin-flow-'));
  stack = await startStack({ dataDir, ports: ALL_FREE, clock, passwordCost: TEST_PASSWORD_COST, recoveryCodeCost: TEST_RECOVERY_CODE_COST });
  gql = graphqlClient(stack.info);
  inbox = new Inbox(stack.info.mailboxUrl);
  const { accessKeyId, secretAccessKey } = stack.info.operator;
  operator = { graphqlUrl: stack.info.graphqlUrl, region: stack.info.region, credentials: async () => ({ accessKeyId, secretAccessKey }) };
});

afterAll(async () => {
  await stack?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const nextOtp = (secret: string) => {
  clock.advance(30 * SECOND);
  return generate({ secret, epoch: Math.floor(clock.now().getTime() / 1000) });
};

interface Member {
  email: string;
  userId: string;
  secret: string;
}

/** createUser, confirmUser with the invitation's password, confirmMfa: a fully enrolled user. */
async function enrolledUser(email: string): Promise<Member> {
  // createUser names no user id (its answer is the same for every address); confirmUser does.
  dataOf(await gql(Q.createUser, { input: { email, fullName: 'Test User' } }));
  const temporaryPassword = temporaryPasswordOf(await inbox.next(email, INVITATION));
  const confirmed = dataOf(
    await gql<{ confirmUser: { userId: string; mfaSetup: { session: string; otpauthUri: string } } }>(Q.confirmUser, {
      input: { email, temporaryPassword, newPassword: PASSWORD },
    }),
  ).confirmUser;
  const secret = secretOf(confirmed.mfaSetup.otpauthUri);
  dataOf(await gql(Q.confirmMfa, { input: { email, session: confirmed.mfaSetup.session, otp: await nextOtp(secret) } }));
  return { email, userId: confirmed.userId, secret };
}

const login = (email: string) =>
  gql<{ login: { verificationType: string; verificationSession: string } }>(Q.login, { input: { email, password: PASSWORD } });

async function signIn(member: Member): Promise<{ accessToken: string; refreshToken: string }> {
  const step = dataOf(await login(member.email)).login;
  expect(step.verificationType).toBe('SOFTWARE_TOKEN_MFA');
  const otp = await nextOtp(member.secret);
  return dataOf(await gql<{ verifyMfa: { accessToken: string; refreshToken: string } }>(Q.verifyMfa, { input: { email: member.email, verificationSession: step.verificationSession, otp } })).verifyMfa;
}

const admin = <T>(field: string, args: string, selection: string, variables: Record<string, unknown>) => {
  const kind = adminOperations.find((op) => op.field === field)!.type === 'Query' ? 'query' : 'mutation';
  return callAdmin<T>(operator, field, `${kind} (${args}) { ${field}(${Object.keys(variables).map((v) => `${v}: $${v}`).join(', ')}) ${selection} }`, variables);
};
const ACTION = '{ userId email action group }';

describe('the admin API, SigV4-signed with the operator keys', () => {
  let ada: Member;
  beforeAll(async () => {
    ada = await enrolledUser('ada.admin@example.com');
  });

  it('adminGetUser and adminListUsers show the enrolled user', async () => {
    const user = await admin<Record<string, unknown>>('adminGetUser', '$email: AWSEmail!', '{ userId email status enabled mfaEnrolled groups }', { email: ada.email });
    expect(user).toEqual({ userId: ada.userId, email: ada.email, status: 'CONFIRMED', enabled: true, mfaEnrolled: true, groups: [] });
    const page = await admin<{ users: Array<{ email: string }> }>(
      'adminListUsers',
      '$filter: AdminUserFilter',
      '{ users { email mfaEnrolled } nextToken }',
      { filter: { emailPrefix: 'ada.admin' } },
    );
    expect(page.users).toEqual([{ email: ada.email, mfaEnrolled: true }]);
  });

  it('adminGetUser answers UserNotFound for an unknown e-mail', async () => {
    await expect(admin('adminGetUser', '$email: AWSEmail!', '{ userId }', { email: 'nobody@example.com' })).rejects.toMatchObject({ errorType: 'UserNotFound' });
  });

  it('adminDisableUser refuses the next login and ends the sessions; adminEnableUser lets the user back', async () => {
    const tokens = await signIn(ada);
    expect(await admin('adminDisableUser', '$email: AWSEmail!', ACTION, { email: ada.email })).toMatchObject({ action: 'USER_DISABLED', userId: ada.userId });
    expect(errorOf(await login(ada.email)).errorType).toBe('NotAuthorized');
    expect(errorOf(await gql(Q.refreshTokens, { input: { refreshToken: tokens.refreshToken } })).errorType).toBe('NotAuthorized');
    expect(await admin('adminEnableUser', '$email: AWSEmail!', ACTION, { email: ada.email })).toMatchObject({ action: 'USER_ENABLED' });
    await signIn(ada);
  });

  it('adminSignOutUser revokes the refresh token', async () => {
    const tokens = await signIn(ada);
    expect(await admin('adminSignOutUser', '$email: AWSEmail!', ACTION, { email: ada.email })).toMatchObject({ action: 'SIGNED_OUT' });
    expect(errorOf(await gql(Q.refreshTokens, { input: { refreshToken: tokens.refreshToken } })).errorType).toBe('NotAuthorized');
  });

  it('adminCreateGroup, adminAddUserToGroup: me shows the group; adminRemoveUserFromGroup takes it away', async () => {
    expect(await admin('adminCreateGroup', '$name: String!, $description: String', '{ name description }', { name: 'beta', description: 'Beta testers' })).toEqual({
      name: 'beta',
      description: 'Beta testers',
    });
    expect(await admin('adminAddUserToGroup', '$email: AWSEmail!, $group: String!', ACTION, { email: ada.email, group: 'beta' })).toMatchObject({ action: 'ADDED_TO_GROUP', group: 'beta' });
    const { accessToken } = await signIn(ada);
    expect(dataOf(await gql<{ me: { groups: string[] } }>(Q.me, {}, { token: accessToken })).me.groups).toEqual(['beta']);
    await admin('adminRemoveUserFromGroup', '$email: AWSEmail!, $group: String!', ACTION, { email: ada.email, group: 'beta' });
    const after = await admin<{ groups: string[] }>('adminGetUser', '$email: AWSEmail!', '{ groups }', { email: ada.email });
    expect(after.groups).toEqual([]);
  });

  it('adminListGroups lists the groups', async () => {
    const groups = await admin<{ groups: Array<{ name: string }> }>('adminListGroups', '$limit: Int', '{ groups { name } nextToken }', { limit: 10 });
    expect(groups.groups.map((g) => g.name)).toContain('beta');
  });

  it('adminResetPassword: the next login answers PasswordResetRequired', async () => {
    const bob = await enrolledUser('bob.admin@example.com');
    expect(await admin('adminResetPassword', '$email: AWSEmail!', ACTION, { email: bob.email })).toMatchObject({ action: 'PASSWORD_RESET' });
    expect(errorOf(await login(bob.email)).errorType).toBe('PasswordResetRequired');
  });

  it('adminResetMfa: the next login answers MFA_SETUP with a fresh QR code', async () => {
    const cy = await enrolledUser('cy.admin@example.com');
    expect(await admin('adminResetMfa', '$email: AWSEmail!', ACTION, { email: cy.email })).toMatchObject({ action: 'MFA_RESET', userId: cy.userId });
    const step = dataOf(await gql<{ login: { verificationType: string; mfaSetup: { session: string } | null } }>(Q.login, { input: { email: cy.email, password: PASSWORD } })).login;
    expect(step.verificationType).toBe('MFA_SETUP');
    expect(step.mfaSetup?.session).toBeTruthy();
  });

  it('adminResendInvitation e-mails a new temporary password to a user who never signed in', async () => {
    const email = 'dee.admin@example.com';
    dataOf(await gql(Q.createUser, { input: { email, fullName: 'Dee' } }));
    const first = temporaryPasswordOf(await inbox.next(email, INVITATION));
    expect(await admin('adminResendInvitation', '$email: AWSEmail!', ACTION, { email })).toMatchObject({ action: 'INVITATION_RESENT' });
    expect(temporaryPasswordOf(await inbox.next(email, INVITATION))).not.toBe(first);
  });

  it('adminDeleteUser: the user is gone', async () => {
    const eve = await enrolledUser('eve.admin@example.com');
    expect(await admin('adminDeleteUser', '$email: AWSEmail!', ACTION, { email: eve.email })).toMatchObject({ action: 'USER_DELETED', userId: eve.userId });
    await expect(admin('adminGetUser', '$email: AWSEmail!', '{ userId }', { email: eve.email })).rejects.toMatchObject({ errorType: 'UserNotFound' });
    expect(errorOf(await login(eve.email)).errorType).toBe('NotAuthorized');
  });
});

describe('refusals on admin fields', () => {
  const query = 'query ($email: AWSEmail!) { adminGetUser(email: $email) { userId } }';
  const body = JSON.stringify({ query, variables: { email: 'ada.admin@example.com' } });

  it('the API key gets AppSync Unauthorized error for the field', async () => {
    const answer = await gql(query, { email: 'ada.admin@example.com' });
    expect(answer.status).toBe(200);
    expect(answer.data).toBeNull();
    expect(errorOf(answer)).toMatchObject({ errorType: 'Unauthorized', message: 'Not Authorized to access adminGetUser on type Query' });
  });

  it('an unsigned request without a key gets 401 UnauthorizedException', async () => {
    const answer = await gql(query, { email: 'ada.admin@example.com' }, { apiKey: null });
    expect(answer.status).toBe(401);
    expect(answer.errors?.[0]?.errorType).toBe('UnauthorizedException');
  });

  it('a signature made with the wrong secret gets 401 UnauthorizedException', async () => {
    const headers = await signGraphQLRequest({
      url: stack.info.graphqlUrl,
      body,
      region: stack.info.region,
      credentials: { accessKeyId: stack.info.operator.accessKeyId, secretAccessKey: 'wrong-secret' },
    });
    const { host: _host, ...sent } = headers;
    const response = await fetch(stack.info.graphqlUrl, { method: 'POST', headers: sent, body });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { errors: Array<{ errorType: string }> }).errors[0]!.errorType).toBe('UnauthorizedException');
  });

  it('a signed request cannot call a user field', async () => {
    await expect(callAdmin(operator, 'me', Q.me, {})).rejects.toEqual(new AdminApiError('Unauthorized', 'Not Authorized to access me on type Query', true));
  });
});

describe('the admin CLI against the offline stack', () => {
  let frank: Member;
  const output: string[] = [];
  const errors: string[] = [];
  let answer = 'n';
  const cli = (...argv: string[]) => {
    output.length = 0;
    errors.length = 0;
    return runCli(['--local', '--data-dir', dataDir, ...argv], {
      out: (text) => output.push(text),
      err: (text) => errors.push(text),
      ask: async () => answer === 'y',
    });
  };

  beforeAll(async () => {
    frank = await enrolledUser('frank.cli@example.com');
  });

  it('users list prints a table, and --json the page', async () => {
    expect(await cli('users', 'list', '--email-prefix', 'frank')).toBe(EXIT.ok);
    expect(output.join('\n')).toMatch(/^EMAIL\s+NAME\s+STATUS\s+ENABLED\s+MFA/);
    expect(output.join('\n')).toMatch(/frank\.cli@example\.com\s+Test User\s+CONFIRMED\s+yes\s+yes/);
    expect(await cli('users', 'list', '--email-prefix', 'frank', '--json')).toBe(EXIT.ok);
    expect(JSON.parse(output.join('\n'))).toMatchObject({ users: [{ email: frank.email, userId: frank.userId, enabled: true }], nextToken: null });
  });

  it('users disable asks first; not confirmed, nothing changes', async () => {
    answer = 'n';
    expect(await cli('users', 'disable', frank.email)).toBe(EXIT.notConfirmed);
    await signIn(frank);
  });

  it('users disable, then login is refused; users enable lets them back', async () => {
    answer = 'y';
    expect(await cli('users', 'disable', frank.email)).toBe(EXIT.ok);
    expect(output.join('\n')).toBe(`Disabled and signed out: ${frank.email} (user id ${frank.userId})`);
    expect(errorOf(await login(frank.email)).errorType).toBe('NotAuthorized');
    expect(await cli('users', 'enable', frank.email)).toBe(EXIT.ok);
    await signIn(frank);
  });

  it('users reset-mfa --yes: the next login answers MFA_SETUP', async () => {
    answer = 'n';
    expect(await cli('users', 'reset-mfa', frank.email, '--yes')).toBe(EXIT.ok);
    expect(dataOf(await login(frank.email)).login.verificationType).toBe('MFA_SETUP');
  });

  it('groups create and add: me shows the group', async () => {
    const grace = await enrolledUser('grace.cli@example.com');
    expect(await cli('groups', 'create', 'support', '--description', 'Support desk')).toBe(EXIT.ok);
    expect(output.join('\n')).toBe('Created the group support');
    expect(await cli('groups', 'add', grace.email, 'support')).toBe(EXIT.ok);
    expect(output.join('\n')).toBe(`Added to the group support: ${grace.email} (user id ${grace.userId})`);
    const { accessToken } = await signIn(grace);
    expect(dataOf(await gql<{ me: { groups: string[] } }>(Q.me, {}, { token: accessToken })).me.groups).toEqual(['support']);
  });

  it('groups list prints the groups', async () => {
    expect(await cli('groups', 'list')).toBe(EXIT.ok);
    expect(output.join('\n')).toMatch(/support\s+Support desk/);
  });

  it('users show of an unknown e-mail exits 1 with UserNotFound', async () => {
    expect(await cli('users', 'show', 'nobody@example.com')).toBe(EXIT.failed);
    expect(errors.join('\n')).toBe('UserNotFound: No user has this e-mail address.');
  });

  it('exits 3 when the keys are refused, 4 without a stack, 2 on usage errors', async () => {
    const refused = await runCli(['--local', 'users', 'show', frank.email], {
      out: () => undefined,
      err: (text) => errors.push(text),
      ask: async () => false,
      target: async () => ({ ...operator, credentials: async () => ({ accessKeyId: 'AKIAUNKNOWN000000000', secretAccessKey: 'x' }) }),
    });
    expect(refused).toBe(EXIT.unauthorized);
    expect(await runCli(['--local', '--data-dir', join(dataDir, 'none'), 'users', 'list'], { out: () => undefined, err: () => undefined, ask: async () => false })).toBe(EXIT.unreachable);
    expect(await cli('users', 'frobnicate')).toBe(EXIT.usage);
    expect(await cli('users', 'show')).toBe(EXIT.usage);
  });
});
