import { describe, expect, it } from 'vitest';
import { AdminDeleteUser } from '../../../local/cognito/actions/AdminDeleteUser';
import { AdminDisableUser } from '../../../local/cognito/actions/AdminDisableUser';
import { AdminEnableUser } from '../../../local/cognito/actions/AdminEnableUser';
import { AdminGetUser } from '../../../local/cognito/actions/AdminGetUser';
import { AdminSetUserMFAPreference } from '../../../local/cognito/actions/AdminSetUserMFAPreference';
import { DeleteUser } from '../../../local/cognito/actions/DeleteUser';
import { GetUser } from '../../../local/cognito/actions/GetUser';
import { SetUserPoolMfaConfig } from '../../../local/cognito/actions/SetUserPoolMfaConfig';
import { ListUsers } from '../../../local/cognito/actions/ListUsers';
import { UpdateUserAttributes } from '../../../local/cognito/actions/UpdateUserAttributes';
import { MINUTE } from '../../../local/cognito/clock';
import { enrolledUser, expectFailure, invite, PASSWORD, signIn, TEMPORARY_PASSWORD, world } from './fixtures';

describe('GetUser', () => {
  it('returns the user’s name, attributes and MFA settings', async () => {
    const w = await world();
    const { username, tokens } = await enrolledUser(w);
    const me = await GetUser(w.ctx, { AccessToken: tokens.AccessToken });
    expect(me).toEqual({
      Username: username,
      UserAttributes: [
        { Name: 'sub', Value: username },
        { Name: 'email', Value: 'ada@example.com' },
        { Name: 'email_verified', Value: 'true' },
        { Name: 'name', Value: 'Ada Lovelace' },
      ],
      UserMFASettingList: ['SOFTWARE_TOKEN_MFA'],
      PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA',
    });
  });
});

describe('UpdateUserAttributes', () => {
  it('changes what a client without lists may write: standard attributes, not sub or the verification flags', async () => {
    const w = await world();
    const { tokens } = await enrolledUser(w);
    const AccessToken = tokens.AccessToken;
    const out = await UpdateUserAttributes(w.ctx, {
      AccessToken,
      UserAttributes: [
        { Name: 'name', Value: 'Ada King' },
        { Name: 'phone_number', Value: '+441234567890' },
      ],
    });
    expect(out.CodeDeliveryDetailsList).toEqual([]);
    const attrs = (await GetUser(w.ctx, { AccessToken })).UserAttributes!;
    expect(attrs).toContainEqual({ Name: 'name', Value: 'Ada King' });
    expect(attrs).toContainEqual({ Name: 'phone_number', Value: '+441234567890' });
    for (const Name of ['sub', 'email_verified']) {
      await expectFailure(UpdateUserAttributes(w.ctx, { AccessToken, UserAttributes: [{ Name, Value: 'false' }] }), 'NotAuthorizedException');
    }
    await expectFailure(UpdateUserAttributes(w.ctx, { AccessToken, UserAttributes: [{ Name: 'nickname2', Value: 'x' }] }), 'InvalidParameterException');
    // The e-mail is a standard attribute this client may write; the new address is not verified.
    await UpdateUserAttributes(w.ctx, { AccessToken, UserAttributes: [{ Name: 'email', Value: 'ada@example.org' }] });
    const after = (await GetUser(w.ctx, { AccessToken })).UserAttributes;
    expect(after).toContainEqual({ Name: 'email', Value: 'ada@example.org' });
    expect(after).toContainEqual({ Name: 'email_verified', Value: 'false' });
  });
});

describe('DeleteUser and AdminDeleteUser', () => {
  it('DeleteUser removes the user and revokes the tokens', async () => {
    const w = await world();
    const { tokens } = await enrolledUser(w);
    await DeleteUser(w.ctx, { AccessToken: tokens.AccessToken });
    await expectFailure(GetUser(w.ctx, { AccessToken: tokens.AccessToken }), 'NotAuthorizedException', 'Access Token has been revoked');
    await expectFailure(signIn(w, 'ada@example.com', PASSWORD), 'NotAuthorizedException', 'Incorrect username or password.');
    // The e-mail is free again.
    await invite(w, 'ada@example.com');
  });

  it('AdminDeleteUser removes a user, found by e-mail or username; open sessions die with it', async () => {
    const w = await world();
    const username = await invite(w, 'ada@example.com');
    const first = await signIn(w, 'ada@example.com', TEMPORARY_PASSWORD);
    await AdminDeleteUser(w.ctx, { UserPoolId: w.poolId, Username: 'ADA@example.com' });
    await expectFailure(AdminGetUser(w.ctx, { UserPoolId: w.poolId, Username: username }), 'UserNotFoundException', 'User does not exist.');
    await expectFailure(AdminDeleteUser(w.ctx, { UserPoolId: w.poolId, Username: username }), 'UserNotFoundException');
    const { RespondToAuthChallenge } = await import('../../../local/cognito/actions/RespondToAuthChallenge');
    await expectFailure(
      RespondToAuthChallenge(w.ctx, {
        ClientId: w.clientId,
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        Session: first.Session,
        ChallengeResponses: { USERNAME: username, NEW_PASSWORD: PASSWORD },
      }),
      'NotAuthorizedException',
      'Invalid session for the user.',
    );
  });
});

describe('AdminGetUser, AdminDisableUser, AdminEnableUser', () => {
  it('reports status, dates, enabled flag and MFA', async () => {
    const w = await world();
    const { username } = await enrolledUser(w);
    w.clock.advance(5 * MINUTE);
    await AdminDisableUser(w.ctx, { UserPoolId: w.poolId, Username: username });
    const disabled = await AdminGetUser(w.ctx, { UserPoolId: w.poolId, Username: 'ada@example.com' });
    expect(disabled).toMatchObject({
      Username: username,
      Enabled: false,
      UserStatus: 'CONFIRMED',
      UserMFASettingList: ['SOFTWARE_TOKEN_MFA'],
      PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA',
      UserLastModifiedDate: w.clock.now(),
    });
    expect(disabled.UserCreateDate!.getTime()).toBeLessThan(w.clock.now().getTime());
    expect(disabled.UserAttributes).toContainEqual({ Name: 'sub', Value: username });
    await AdminEnableUser(w.ctx, { UserPoolId: w.poolId, Username: username });
    expect((await AdminGetUser(w.ctx, { UserPoolId: w.poolId, Username: username })).Enabled).toBe(true);
    expect((await signIn(w, 'ada@example.com', PASSWORD)).ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
  });

  it('AdminSetUserMFAPreference turns TOTP off and on again', async () => {
    const w = await world();
    const { username } = await enrolledUser(w);
    await SetUserPoolMfaConfig(w.ctx, { UserPoolId: w.poolId, MfaConfiguration: 'OPTIONAL' });
    await AdminSetUserMFAPreference(w.ctx, { UserPoolId: w.poolId, Username: username, SoftwareTokenMfaSettings: { Enabled: false } });
    expect((await AdminGetUser(w.ctx, { UserPoolId: w.poolId, Username: username })).UserMFASettingList).toBeUndefined();
    expect((await signIn(w, 'ada@example.com', PASSWORD)).AuthenticationResult).toBeDefined();
    await AdminSetUserMFAPreference(w.ctx, { UserPoolId: w.poolId, Username: username, SoftwareTokenMfaSettings: { Enabled: true } });
    expect((await signIn(w, 'ada@example.com', PASSWORD)).ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
    await expectFailure(
      AdminSetUserMFAPreference(w.ctx, { UserPoolId: w.poolId, Username: username, SMSMfaSettings: { Enabled: true } }),
      'InvalidParameterException',
    );
  });
});

describe('ListUsers', () => {
  it('lists, filters and pages users', async () => {
    const w = await world();
    const names = [];
    for (const email of ['ada@example.com', 'bob@example.com', 'bea@example.org']) names.push(await invite(w, email));
    const all = await ListUsers(w.ctx, { UserPoolId: w.poolId });
    expect(all.Users?.map((u) => u.Username).sort()).toEqual([...names].sort());
    const exact = await ListUsers(w.ctx, { UserPoolId: w.poolId, Filter: 'email = "BOB@example.com"' });
    expect(exact.Users?.map((u) => u.Username)).toEqual([names[1]]);
    const prefix = await ListUsers(w.ctx, { UserPoolId: w.poolId, Filter: 'email ^= "b"', AttributesToGet: ['email'] });
    expect(prefix.Users?.map((u) => u.Attributes)).toEqual([[{ Name: 'email', Value: 'bob@example.com' }], [{ Name: 'email', Value: 'bea@example.org' }]]);
    const status = await ListUsers(w.ctx, { UserPoolId: w.poolId, Filter: 'cognito:user_status = "CONFIRMED"' });
    expect(status.Users).toEqual([]);
    const first = await ListUsers(w.ctx, { UserPoolId: w.poolId, Limit: 2 });
    expect(first.Users).toHaveLength(2);
    const second = await ListUsers(w.ctx, { UserPoolId: w.poolId, Limit: 2, PaginationToken: first.PaginationToken });
    expect(second.Users).toHaveLength(1);
    expect(second.PaginationToken).toBeUndefined();
    await expectFailure(ListUsers(w.ctx, { UserPoolId: w.poolId, Filter: 'shoe_size = "9"' }), 'InvalidParameterException');
  });
});
