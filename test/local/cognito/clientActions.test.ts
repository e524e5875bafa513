import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { AssociateSoftwareToken } from '../../../local/cognito/actions/AssociateSoftwareToken';
import { CreateGroup } from '../../../local/cognito/actions/CreateGroup';
import { GetTokensFromRefreshToken } from '../../../local/cognito/actions/GetTokensFromRefreshToken';
import { GetUser } from '../../../local/cognito/actions/GetUser';
import { GetUserAttributeVerificationCode } from '../../../local/cognito/actions/GetUserAttributeVerificationCode';
import { GlobalSignOut } from '../../../local/cognito/actions/GlobalSignOut';
import { ListDevices } from '../../../local/cognito/actions/ListDevices';
import { ListGroups } from '../../../local/cognito/actions/ListGroups';
import { SignUp } from '../../../local/cognito/actions/SignUp';
import { UpdateUserAttributes } from '../../../local/cognito/actions/UpdateUserAttributes';
import { VerifySoftwareToken } from '../../../local/cognito/actions/VerifySoftwareToken';
import { VerifyUserAttribute } from '../../../local/cognito/actions/VerifyUserAttribute';
import { DAY, MINUTE } from '../../../local/cognito/clock';
import { enrolledUser, expectFailure, PASSWORD, world } from './fixtures';

describe('SignUp', () => {
  it('is refused on a pool only administrators fill, in Cognito’s words', async () => {
    const w = await world({ AdminCreateUserConfig: { AllowAdminCreateUserOnly: true } });
    await expectFailure(
      SignUp(w.ctx, { ClientId: w.clientId, Username: 'ada@example.com', Password: PASSWORD }),
      'NotAuthorizedException',
      'SignUp is not permitted for this user pool',
    );
    await expectFailure(SignUp(w.ctx, { ClientId: 'nothere', Username: 'ada@example.com', Password: PASSWORD }), 'ResourceNotFoundException');
  });
});

describe('ListDevices', () => {
  it('lists no devices for a valid access token, and refuses a revoked one', async () => {
    const w = await world();
    const { tokens } = await enrolledUser(w);
    expect(await ListDevices(w.ctx, { AccessToken: tokens.AccessToken })).toEqual({ Devices: [] });
    await GlobalSignOut(w.ctx, { AccessToken: tokens.AccessToken });
    await expectFailure(ListDevices(w.ctx, { AccessToken: tokens.AccessToken }), 'NotAuthorizedException', 'Access Token has been revoked');
  });
});

describe('ListGroups', () => {
  it('lists the pool’s groups a page at a time', async () => {
    const w = await world();
    for (const GroupName of ['admins', 'readers', 'writers']) await CreateGroup(w.ctx, { UserPoolId: w.poolId, GroupName });
    const first = await ListGroups(w.ctx, { UserPoolId: w.poolId, Limit: 2 });
    expect(first.Groups?.map((g) => g.GroupName)).toEqual(['admins', 'readers']);
    const second = await ListGroups(w.ctx, { UserPoolId: w.poolId, Limit: 2, NextToken: first.NextToken });
    expect(second.Groups?.map((g) => g.GroupName)).toEqual(['writers']);
    expect(second.NextToken).toBeUndefined();
    await expectFailure(ListGroups(w.ctx, { UserPoolId: 'eu-west-1_nothere1' }), 'ResourceNotFoundException');
  });
});

describe('GetTokensFromRefreshToken', () => {
  it('gives new id and access tokens of the same sign-in, keeping auth_time, with no new refresh token', async () => {
    const w = await world();
    const { tokens } = await enrolledUser(w);
    w.clock.advance(45 * MINUTE);
    const out = await GetTokensFromRefreshToken(w.ctx, { ClientId: w.clientId, RefreshToken: tokens.RefreshToken });
    const result = out.AuthenticationResult!;
    expect(result.RefreshToken).toBeUndefined();
    expect(result.TokenType).toBe('Bearer');
    const before = decodeJwt(tokens.AccessToken!);
    const after = decodeJwt(result.AccessToken!);
    expect(after.auth_time).toBe(before.auth_time);
    expect(decodeJwt(result.IdToken!).auth_time).toBe(before.auth_time);
    expect(after.origin_jti).toBe(before.origin_jti);
    expect(after.iat).toBe(Math.floor(w.clock.now().getTime() / 1000));
    expect((await GetUser(w.ctx, { AccessToken: result.AccessToken })).Username).toBe(before.username);
    // Without rotation the refresh token stays good.
    await GetTokensFromRefreshToken(w.ctx, { ClientId: w.clientId, RefreshToken: tokens.RefreshToken });
  });

  it('refuses unknown and revoked refresh tokens, and other clients', async () => {
    const w = await world();
    const { tokens } = await enrolledUser(w);
    await expectFailure(GetTokensFromRefreshToken(w.ctx, { ClientId: w.clientId, RefreshToken: 'nothing' }), 'NotAuthorizedException', 'Invalid Refresh Token');
    await expectFailure(GetTokensFromRefreshToken(w.ctx, { ClientId: 'nothere', RefreshToken: tokens.RefreshToken }), 'ResourceNotFoundException');
    await GlobalSignOut(w.ctx, { AccessToken: tokens.AccessToken });
    await expectFailure(
      GetTokensFromRefreshToken(w.ctx, { ClientId: w.clientId, RefreshToken: tokens.RefreshToken }),
      'NotAuthorizedException',
      'Refresh Token has been revoked',
    );
  });
});

describe('VerifySoftwareToken UserCode', () => {
  it('must be six digits, refused in the API model’s words before anything else', async () => {
    const w = await world();
    const { tokens } = await enrolledUser(w);
    await AssociateSoftwareToken(w.ctx, { AccessToken: tokens.AccessToken });
    const prefix = "1 validation error detected: Value at 'userCode' failed to satisfy constraint: ";
    await expectFailure(
      VerifySoftwareToken(w.ctx, { AccessToken: tokens.AccessToken, UserCode: '12345' }),
      'InvalidParameterException',
      `${prefix}Member must have length greater than or equal to 6`,
    );
    await expectFailure(
      VerifySoftwareToken(w.ctx, { AccessToken: tokens.AccessToken, UserCode: '1234567' }),
      'InvalidParameterException',
      `${prefix}Member must have length less than or equal to 6`,
    );
    await expectFailure(
      VerifySoftwareToken(w.ctx, { AccessToken: tokens.AccessToken, UserCode: '12a456' }),
      'InvalidParameterException',
      `${prefix}Member must satisfy regular expression pattern: [0-9]+`,
    );
    // Checked before the token: even a garbage token gets the validation error.
    await expectFailure(VerifySoftwareToken(w.ctx, { AccessToken: 'garbage', UserCode: '12345' }), 'InvalidParameterException');
  });
});

describe('VerifyUserAttribute', () => {
  it('verifies a changed e-mail address with the code e-mailed to it', async () => {
    const w = await world();
    const { tokens } = await enrolledUser(w);
    const AccessToken = tokens.AccessToken;
    const out = await UpdateUserAttributes(w.ctx, { AccessToken, UserAttributes: [{ Name: 'email', Value: 'ada@example.org' }] });
    expect(out.CodeDeliveryDetailsList).toEqual([{ Destination: 'a***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' }]);
    const message = w.sent.at(-1)!;
    expect(message).toMatchObject({ to: 'ada@example.org', triggerSource: 'CustomMessage_UpdateUserAttribute' });
    const wrong = message.code === '000000' ? '111111' : '000000';
    await expectFailure(
      VerifyUserAttribute(w.ctx, { AccessToken, AttributeName: 'email', Code: wrong }),
      'CodeMismatchException',
      'Invalid verification code provided, please try again.',
    );
    await VerifyUserAttribute(w.ctx, { AccessToken, AttributeName: 'email', Code: message.code });
    expect((await GetUser(w.ctx, { AccessToken })).UserAttributes).toContainEqual({ Name: 'email_verified', Value: 'true' });
    // A code works once.
    await expectFailure(VerifyUserAttribute(w.ctx, { AccessToken, AttributeName: 'email', Code: message.code }), 'CodeMismatchException');
  });

  it('refuses a code older than 24 hours', async () => {
    const w = await world({}, { AccessTokenValidity: 1, TokenValidityUnits: { AccessToken: 'days', IdToken: 'minutes', RefreshToken: 'minutes' }, RefreshTokenValidity: 3000 });
    const { tokens } = await enrolledUser(w);
    await GetUserAttributeVerificationCode(w.ctx, { AccessToken: tokens.AccessToken, AttributeName: 'email' });
    const code = w.sent.at(-1)!.code;
    w.clock.advance(DAY);
    const fresh = await GetTokensFromRefreshToken(w.ctx, { ClientId: w.clientId, RefreshToken: tokens.RefreshToken });
    await expectFailure(
      VerifyUserAttribute(w.ctx, { AccessToken: fresh.AuthenticationResult!.AccessToken, AttributeName: 'email', Code: code }),
      'ExpiredCodeException',
    );
  });
});
