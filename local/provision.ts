import {
  AddCustomAttributesCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DescribeUserPoolCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
  SetUserPoolMfaConfigCommand,
  UpdateUserPoolClientCommand,
  UpdateUserPoolCommand,
  type CreateUserPoolClientRequest,
  type CreateUserPoolRequest,
  type SchemaAttributeType,
} from '@aws-sdk/client-cognito-identity-provider';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { accountAttributes } from '../accountAttributes';
import { clientReadAttributes, clientWriteAttributes } from '../appClientAttributes';
import type { Environment } from '../infra/config';
import type { LocalCredentials } from './credentials';

/**
 * Creates the user pool, its app client and the QR archive bucket in the local emulators, through
 * the same AWS APIs and from the same environment file CDK deploys from. A pool kept from an
 * earlier run is found by name and brought up to date with the file, so editing
 * `infra/environments/<env>.json` takes effect at the next start.
 */

export interface ProvisionTarget {
  cognitoEndpoint: string;
  s3Endpoint: string;
  region: string;
  credentials: LocalCredentials;
}

export interface Provisioned {
  userPoolId: string;
  clientId: string;
  /** Null when the environment turns the QR archive off. */
  bucket: string | null;
}

export const userPoolName = (env: Environment) => `${env.stackName}-users`;
export const userPoolClientName = (env: Environment) => `${env.stackName}-app`;
/** The configured bucket name, or one derived from the stack name (CDK generates one in AWS). */
export const mfaBucketName = (env: Environment): string | null =>
  env.mfa.qrArchive ? env.mfa.bucketName ?? `${env.stackName.toLowerCase().slice(0, 55)}-mfa-qr` : null;

/** Settings CreateUserPool and UpdateUserPool share; UpdateUserPool resets whatever it is not given. */
function poolSettings(env: Environment) {
  const policy = env.passwordPolicy;
  return {
    Policies: {
      PasswordPolicy: {
        MinimumLength: policy.minLength,
        RequireUppercase: policy.requireUppercase,
        RequireLowercase: policy.requireLowercase,
        RequireNumbers: policy.requireDigits,
        RequireSymbols: policy.requireSymbols,
        TemporaryPasswordValidityDays: policy.temporaryPasswordValidityDays,
      },
    },
    AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
    AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_email' as const, Priority: 1 }] },
    DeletionProtection: 'INACTIVE' as const,
  } satisfies Partial<CreateUserPoolRequest>;
}

/** The account attributes, declared as CDK declares them: mutable strings with a maximum length. */
export const customAttributeSchema = (): SchemaAttributeType[] =>
  Object.values(accountAttributes).map(({ name, maxLength }) => ({
    Name: name,
    AttributeDataType: 'String',
    Mutable: true,
    StringAttributeConstraints: { MaxLength: String(maxLength) },
  }));

/**
 * Settings CreateUserPoolClient and UpdateUserPoolClient share. With `tokens.refreshTokenRotation`
 * the client rotates and, as CDK deploys it, leaves REFRESH_TOKEN_AUTH out: a rotating client
 * refreshes only with GetTokensFromRefreshToken.
 * https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-refresh-token.html
 */
function clientSettings(env: Environment) {
  const tokens = env.tokens;
  const rotation = tokens.refreshTokenRotation;
  return {
    ClientName: userPoolClientName(env),
    ExplicitAuthFlows: [
      'ALLOW_USER_PASSWORD_AUTH' as const,
      ...(rotation ? [] : ['ALLOW_REFRESH_TOKEN_AUTH' as const]),
      // USER_AUTH, the choice-based flow, is how a passkey signs in.
      ...(env.passkeys ? ['ALLOW_USER_AUTH' as const] : []),
    ],
    ...(rotation ? { RefreshTokenRotation: { Feature: 'ENABLED' as const, RetryGracePeriodSeconds: rotation.gracePeriodSeconds } } : {}),
    PreventUserExistenceErrors: 'ENABLED' as const,
    IdTokenValidity: tokens.idTokenMinutes,
    AccessTokenValidity: tokens.accessTokenMinutes,
    RefreshTokenValidity: tokens.refreshTokenMinutes,
    TokenValidityUnits: { IdToken: 'minutes' as const, AccessToken: 'minutes' as const, RefreshToken: 'minutes' as const },
    AuthSessionValidity: tokens.authSessionMinutes,
    EnableTokenRevocation: true,
    ReadAttributes: [...clientReadAttributes],
    WriteAttributes: [...clientWriteAttributes],
  } satisfies Omit<CreateUserPoolClientRequest, 'UserPoolId'>;
}

async function findPoolId(cognito: CognitoIdentityProviderClient, name: string): Promise<string | undefined> {
  let NextToken: string | undefined;
  do {
    const page = await cognito.send(new ListUserPoolsCommand({ MaxResults: 60, NextToken }));
    const found = page.UserPools?.find((pool) => pool.Name === name);
    if (found?.Id) return found.Id;
    NextToken = page.NextToken;
  } while (NextToken);
  return undefined;
}

async function findClientId(
  cognito: CognitoIdentityProviderClient,
  userPoolId: string,
  name: string,
): Promise<string | undefined> {
  let NextToken: string | undefined;
  do {
    const page = await cognito.send(new ListUserPoolClientsCommand({ UserPoolId: userPoolId, MaxResults: 60, NextToken }));
    const found = page.UserPoolClients?.find((client) => client.ClientName === name);
    if (found?.ClientId) return found.ClientId;
    NextToken = page.NextToken;
  } while (NextToken);
  return undefined;
}

async function provisionUserPool(cognito: CognitoIdentityProviderClient, env: Environment): Promise<string> {
  const existing = await findPoolId(cognito, userPoolName(env));
  if (existing) {
    await cognito.send(new UpdateUserPoolCommand({ UserPoolId: existing, ...poolSettings(env) }));
    await addMissingCustomAttributes(cognito, existing);
    return existing;
  }
  const created = await cognito.send(
    new CreateUserPoolCommand({
      PoolName: userPoolName(env),
      // Users sign in with their e-mail address, in any letter case.
      UsernameAttributes: ['email'],
      UsernameConfiguration: { CaseSensitive: false },
      Schema: [{ Name: 'email', AttributeDataType: 'String', Required: true, Mutable: true }, ...customAttributeSchema()],
      ...poolSettings(env),
    }),
  );
  if (!created.UserPool?.Id) throw new Error('The Cognito emulator returned no user pool id.');
  return created.UserPool.Id;
}

/** A pool kept from a run before an account attribute existed gets it now; the schema cannot otherwise change. */
async function addMissingCustomAttributes(cognito: CognitoIdentityProviderClient, userPoolId: string): Promise<void> {
  const described = await cognito.send(new DescribeUserPoolCommand({ UserPoolId: userPoolId }));
  const have = new Set(described.UserPool?.SchemaAttributes?.map((a) => a.Name?.replace(/^custom:/, '')));
  const missing = customAttributeSchema().filter((a) => !have.has(a.Name));
  if (missing.length > 0) await cognito.send(new AddCustomAttributesCommand({ UserPoolId: userPoolId, CustomAttributes: missing }));
}

async function provisionClient(cognito: CognitoIdentityProviderClient, env: Environment, userPoolId: string): Promise<string> {
  const existing = await findClientId(cognito, userPoolId, userPoolClientName(env));
  if (existing) {
    await cognito.send(new UpdateUserPoolClientCommand({ UserPoolId: userPoolId, ClientId: existing, ...clientSettings(env) }));
    return existing;
  }
  // A public client, as for a single-page app: no secret.
  const created = await cognito.send(
    new CreateUserPoolClientCommand({ UserPoolId: userPoolId, GenerateSecret: false, ...clientSettings(env) }),
  );
  if (!created.UserPoolClient?.ClientId) throw new Error('The Cognito emulator returned no app client id.');
  return created.UserPoolClient.ClientId;
}

async function provisionBucket(s3: S3Client, bucket: string): Promise<void> {
  try {
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  } catch (err) {
    if ((err as { name?: string }).name !== 'BucketAlreadyOwnedByYou') throw err;
  }
}

export async function provision(env: Environment, target: ProvisionTarget): Promise<Provisioned> {
  const cognito = new CognitoIdentityProviderClient({
    endpoint: target.cognitoEndpoint,
    region: target.region,
    credentials: target.credentials,
  });
  const s3 = new S3Client({
    endpoint: target.s3Endpoint,
    forcePathStyle: true,
    region: target.region,
    credentials: target.credentials,
  });
  try {
    const userPoolId = await provisionUserPool(cognito, env);
    // TOTP is the only second factor and it is mandatory, as in the deployed pool.
    await cognito.send(
      new SetUserPoolMfaConfigCommand({
        UserPoolId: userPoolId,
        MfaConfiguration: 'ON',
        SoftwareTokenMfaConfiguration: { Enabled: true },
        // As CDK deploys passkeys: a verified passkey sign-in satisfies MFA.
        ...(env.passkeys
          ? {
              WebAuthnConfiguration: {
                RelyingPartyId: env.passkeys.relyingPartyId,
                UserVerification: env.passkeys.userVerification,
                FactorConfiguration: 'MULTI_FACTOR_WITH_USER_VERIFICATION' as const,
              },
            }
          : {}),
      }),
    );
    const clientId = await provisionClient(cognito, env, userPoolId);
    const bucket = mfaBucketName(env);
    if (bucket) await provisionBucket(s3, bucket);
    return { userPoolId, clientId, bucket };
  } finally {
    cognito.destroy();
    s3.destroy();
  }
}
