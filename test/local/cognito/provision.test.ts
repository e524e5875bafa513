import {
  AdminCreateUserCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolCommand,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  GetUserPoolMfaConfigCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { accountAttributes } from '../../../accountAttributes';
import { clientReadAttributes, clientWriteAttributes } from '../../../appClientAttributes';
import { loadEnvironment } from '../../../infra/config';
import { startCognitoEmulator, type CognitoEmulator } from '../../../local/cognito/server';
import { LOCAL_CREDENTIALS } from '../../../local/credentials';
import { provision, userPoolName } from '../../../local/provision';

// No QR archive: these tests need the Cognito emulator only.
const base = loadEnvironment('dev');
const env = { ...base, mfa: { ...base.mfa, qrArchive: false } };

let dataDir: string;
let emulator: CognitoEmulator;
let cognito: CognitoIdentityProviderClient;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'cognito-provision-'));
  emulator = await startCognitoEmulator({ port: 0, dataDir });
  cognito = new CognitoIdentityProviderClient({ endpoint: emulator.url, region: env.region, credentials: LOCAL_CREDENTIALS });
});

afterEach(async () => {
  cognito.destroy();
  await emulator.close();
  await rm(dataDir, { recursive: true, force: true });
});

const target = () => ({ cognitoEndpoint: emulator.url, s3Endpoint: 'http://127.0.0.1:9', region: env.region, credentials: LOCAL_CREDENTIALS });
const customNames = (schema: Array<{ Name?: string }> | undefined) =>
  (schema ?? []).map((a) => a.Name?.replace(/^custom:/, '')).filter((n) => Object.values(accountAttributes).some((a) => a.name === n));

describe('provision', () => {
  it('declares the account attributes and the client’s attribute lists from the shared tables', async () => {
    const { userPoolId, clientId } = await provision(env, target());
    const { UserPool } = await cognito.send(new DescribeUserPoolCommand({ UserPoolId: userPoolId }));
    expect(customNames(UserPool?.SchemaAttributes).sort()).toEqual(Object.values(accountAttributes).map((a) => a.name).sort());
    // Named as the user APIs name them, with the limits the table gives.
    expect(UserPool?.SchemaAttributes).toContainEqual(
      expect.objectContaining({ Name: 'custom:recovery_codes', Mutable: true, StringAttributeConstraints: { MaxLength: '2048' } }),
    );
    const { UserPoolClient } = await cognito.send(new DescribeUserPoolClientCommand({ UserPoolId: userPoolId, ClientId: clientId }));
    expect(UserPoolClient?.ReadAttributes).toEqual([...clientReadAttributes]);
    expect(UserPoolClient?.WriteAttributes).toEqual([...clientWriteAttributes]);
  });

  it('adds the account attributes to a pool kept from before they existed, keeping its users', async () => {
    const old = await cognito.send(new CreateUserPoolCommand({ PoolName: userPoolName(env), UsernameAttributes: ['email'] }));
    await cognito.send(new AdminCreateUserCommand({ UserPoolId: old.UserPool!.Id, Username: 'ada@example.com', MessageAction: 'SUPPRESS' }));
    const { userPoolId } = await provision(env, target());
    expect(userPoolId).toBe(old.UserPool!.Id);
    const { UserPool } = await cognito.send(new DescribeUserPoolCommand({ UserPoolId: userPoolId }));
    expect(customNames(UserPool?.SchemaAttributes)).toHaveLength(Object.keys(accountAttributes).length);
    expect(UserPool?.EstimatedNumberOfUsers).toBe(1);
    // A second start changes nothing.
    await provision(env, target());
  });

  it('configures the client’s refresh-token rotation from the environment file, and turns it off again', async () => {
    const rotating = loadEnvironment('dev', { mfa: { qrArchive: false }, tokens: { refreshTokenRotation: { gracePeriodSeconds: 20 } } });
    const { userPoolId, clientId } = await provision(rotating, target());
    const describe = async () =>
      (await cognito.send(new DescribeUserPoolClientCommand({ UserPoolId: userPoolId, ClientId: clientId }))).UserPoolClient;
    expect(await describe()).toMatchObject({
      RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 20 },
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_AUTH'],
    });
    // The next start with rotation off updates the same client.
    expect((await provision(env, target())).clientId).toBe(clientId);
    const off = await describe();
    expect(off?.RefreshTokenRotation).toBeUndefined();
    expect(off?.ExplicitAuthFlows).toEqual(['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_AUTH']);
  });

  it('turns passkeys on as CDK deploys them: the relying party, verified passkeys as MFA, USER_AUTH on the client', async () => {
    const withPasskeys = loadEnvironment('dev', { mfa: { qrArchive: false }, passkeys: { relyingPartyId: 'app.example.com', userVerification: 'required' } });
    const { userPoolId, clientId } = await provision(withPasskeys, target());
    expect(await cognito.send(new GetUserPoolMfaConfigCommand({ UserPoolId: userPoolId }))).toMatchObject({
      MfaConfiguration: 'ON',
      SoftwareTokenMfaConfiguration: { Enabled: true },
      WebAuthnConfiguration: { RelyingPartyId: 'app.example.com', UserVerification: 'required', FactorConfiguration: 'MULTI_FACTOR_WITH_USER_VERIFICATION' },
    });
    const client = (await cognito.send(new DescribeUserPoolClientCommand({ UserPoolId: userPoolId, ClientId: clientId }))).UserPoolClient;
    expect(client?.ExplicitAuthFlows).toEqual(['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_AUTH']);
  });
});
