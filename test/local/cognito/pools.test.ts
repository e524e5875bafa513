import { describe, expect, it } from 'vitest';
import { CreateUserPool } from '../../../local/cognito/actions/CreateUserPool';
import { CreateUserPoolClient } from '../../../local/cognito/actions/CreateUserPoolClient';
import { DescribeUserPool } from '../../../local/cognito/actions/DescribeUserPool';
import { DescribeUserPoolClient } from '../../../local/cognito/actions/DescribeUserPoolClient';
import { GetUserPoolMfaConfig } from '../../../local/cognito/actions/GetUserPoolMfaConfig';
import { ListUserPoolClients } from '../../../local/cognito/actions/ListUserPoolClients';
import { ListUserPools } from '../../../local/cognito/actions/ListUserPools';
import { SetUserPoolMfaConfig } from '../../../local/cognito/actions/SetUserPoolMfaConfig';
import { UpdateUserPool } from '../../../local/cognito/actions/UpdateUserPool';
import { UpdateUserPoolClient } from '../../../local/cognito/actions/UpdateUserPoolClient';
import { expectFailure, world } from './fixtures';

describe('user pools', () => {
  it('CreateUserPool and DescribeUserPool keep the settings, with Cognito’s id format and defaults', async () => {
    const w = await world();
    const pool = (await DescribeUserPool(w.ctx, { UserPoolId: w.poolId })).UserPool!;
    expect(pool.Id).toMatch(/^eu-west-1_[A-Za-z0-9]{9}$/);
    expect(pool).toMatchObject({
      Name: 'users',
      Arn: `arn:aws:cognito-idp:eu-west-1:000000000000:userpool/${w.poolId}`,
      UsernameAttributes: ['email'],
      UsernameConfiguration: { CaseSensitive: false },
      MfaConfiguration: 'ON',
      Policies: { PasswordPolicy: { MinimumLength: 10, RequireSymbols: true, TemporaryPasswordValidityDays: 7 } },
      EstimatedNumberOfUsers: 0,
      DeletionProtection: 'INACTIVE',
      CreationDate: w.clock.now(),
    });
    await expectFailure(DescribeUserPool(w.ctx, { UserPoolId: 'eu-west-1_missing' }), 'ResourceNotFoundException', 'User pool eu-west-1_missing does not exist.');
  });

  it('refuses settings Cognito refuses', async () => {
    const w = await world();
    await expectFailure(CreateUserPool(w.ctx, { PoolName: undefined }), 'InvalidParameterException');
    await expectFailure(CreateUserPool(w.ctx, { PoolName: 'p', Policies: { PasswordPolicy: { MinimumLength: 5 } } }), 'InvalidParameterException');
    await expectFailure(CreateUserPool(w.ctx, { PoolName: 'p', UsernameAttributes: ['email'], AliasAttributes: ['email'] }), 'InvalidParameterException');
  });

  it('ListUserPools pages through every pool', async () => {
    const w = await world();
    for (const name of ['b', 'c']) await CreateUserPool(w.ctx, { PoolName: name });
    const first = await ListUserPools(w.ctx, { MaxResults: 2 });
    expect(first.UserPools?.map((p) => p.Name)).toEqual(['users', 'b']);
    const second = await ListUserPools(w.ctx, { MaxResults: 2, NextToken: first.NextToken });
    expect(second.UserPools?.map((p) => p.Name)).toEqual(['c']);
    expect(second.NextToken).toBeUndefined();
    await expectFailure(ListUserPools(w.ctx, { MaxResults: 61 }), 'InvalidParameterException');
  });

  it('UpdateUserPool resets what it is not given but keeps sign-in settings', async () => {
    const w = await world();
    await UpdateUserPool(w.ctx, { UserPoolId: w.poolId, Policies: { PasswordPolicy: { MinimumLength: 12 } } });
    const pool = (await DescribeUserPool(w.ctx, { UserPoolId: w.poolId })).UserPool!;
    expect(pool.Policies?.PasswordPolicy?.MinimumLength).toBe(12);
    expect(pool.MfaConfiguration).toBe('OFF');
    expect(pool.UsernameAttributes).toEqual(['email']);
    expect(pool.UsernameConfiguration).toEqual({ CaseSensitive: false });
  });

  it('SetUserPoolMfaConfig turns TOTP MFA on, and refuses MFA without a method', async () => {
    const w = await world({ MfaConfiguration: 'OFF' });
    const pool = w.ctx.store.state.pools[w.poolId]!;
    delete pool.settings.SoftwareTokenMfaConfiguration;
    await expectFailure(SetUserPoolMfaConfig(w.ctx, { UserPoolId: w.poolId, MfaConfiguration: 'ON' }), 'InvalidParameterException');
    const out = await SetUserPoolMfaConfig(w.ctx, {
      UserPoolId: w.poolId,
      MfaConfiguration: 'ON',
      SoftwareTokenMfaConfiguration: { Enabled: true },
    });
    expect(out).toEqual({ MfaConfiguration: 'ON', SoftwareTokenMfaConfiguration: { Enabled: true } });
    expect(await GetUserPoolMfaConfig(w.ctx, { UserPoolId: w.poolId })).toEqual(out);
  });
});

describe('app clients', () => {
  it('CreateUserPoolClient and DescribeUserPoolClient keep flows, validity and existence-error settings', async () => {
    const w = await world();
    const client = (await DescribeUserPoolClient(w.ctx, { UserPoolId: w.poolId, ClientId: w.clientId })).UserPoolClient!;
    expect(client.ClientId).toMatch(/^[a-z0-9]{26}$/);
    expect(client).toMatchObject({
      UserPoolId: w.poolId,
      ClientName: 'app',
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      PreventUserExistenceErrors: 'ENABLED',
      AccessTokenValidity: 60,
      TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'minutes' },
      AuthSessionValidity: 3,
      EnableTokenRevocation: true,
    });
    expect(client.ClientSecret).toBeUndefined();
  });

  it('gives Cognito’s defaults and generates a secret when asked', async () => {
    const w = await world();
    const client = (await CreateUserPoolClient(w.ctx, { UserPoolId: w.poolId, ClientName: 'server', GenerateSecret: true })).UserPoolClient!;
    expect(client.ClientSecret).toMatch(/^[a-z0-9]{51}$/);
    expect(client).toMatchObject({
      ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_CUSTOM_AUTH'],
      AccessTokenValidity: 1,
      IdTokenValidity: 1,
      RefreshTokenValidity: 30,
      TokenValidityUnits: { AccessToken: 'hours', IdToken: 'hours', RefreshToken: 'days' },
      AuthSessionValidity: 3,
      PreventUserExistenceErrors: 'LEGACY',
    });
  });

  it('refuses lifetimes outside Cognito’s ranges', async () => {
    const w = await world();
    const create = (extra: object) => CreateUserPoolClient(w.ctx, { UserPoolId: w.poolId, ClientName: 'x', ...extra });
    for (const AuthSessionValidity of [2, 16]) await expectFailure(create({ AuthSessionValidity }), 'InvalidParameterException');
    await expectFailure(create({ AccessTokenValidity: 4, TokenValidityUnits: { AccessToken: 'minutes' } }), 'InvalidParameterException');
    await expectFailure(create({ IdTokenValidity: 25 }), 'InvalidParameterException');
    await expectFailure(create({ RefreshTokenValidity: 59, TokenValidityUnits: { RefreshToken: 'minutes' } }), 'InvalidParameterException');
    await expectFailure(create({ ClientName: undefined }), 'InvalidParameterException');
    await expectFailure(create({ UserPoolId: 'eu-west-1_missing' }), 'ResourceNotFoundException');
  });

  it('ListUserPoolClients lists and UpdateUserPoolClient replaces settings', async () => {
    const w = await world();
    await CreateUserPoolClient(w.ctx, { UserPoolId: w.poolId, ClientName: 'second' });
    const list = await ListUserPoolClients(w.ctx, { UserPoolId: w.poolId, MaxResults: 10 });
    expect(list.UserPoolClients?.map((c) => c.ClientName)).toEqual(['app', 'second']);
    const updated = await UpdateUserPoolClient(w.ctx, { UserPoolId: w.poolId, ClientId: w.clientId, AuthSessionValidity: 10 });
    expect(updated.UserPoolClient).toMatchObject({ ClientName: 'app', AuthSessionValidity: 10, PreventUserExistenceErrors: 'LEGACY' });
    await expectFailure(UpdateUserPoolClient(w.ctx, { UserPoolId: w.poolId, ClientId: 'nope' }), 'ResourceNotFoundException', 'User pool client nope does not exist.');
  });
});
