import {
  AdminCreateUserCommand,
  AdminDeleteSoftwareTokenCommand,
  AdminGetUserCommand,
  AdminUpdateUserAttributesCommand,
  GetTokensFromRefreshTokenCommand,
  InvalidParameterException,
  LimitExceededException,
  ListDevicesCommand,
  SignUpCommand,
  UpdateUserAttributesCommand,
  AssociateSoftwareTokenCommand,
  CodeMismatchException,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  ExpiredCodeException,
  ForgotPasswordCommand,
  GetUserCommand,
  GlobalSignOutCommand,
  InitiateAuthCommand,
  InvalidPasswordException,
  NotAuthorizedException,
  RespondToAuthChallengeCommand,
  SetUserPoolMfaConfigCommand,
  UsernameExistsException,
  VerifySoftwareTokenCommand,
  EnableSoftwareTokenMFAException,
  ResourceNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider';
import { JwtVerifier } from 'aws-jwt-verify';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cognitoAttributeName } from '../../../accountAttributes';
import { clientReadAttributes, clientWriteAttributes } from '../../../appClientAttributes';
import { ManualClock, SECOND } from '../../../local/cognito/clock';
import { customAttributeSchema } from '../../../local/provision';
import type { CognitoMessage } from '../../../local/cognito/messages';
import { startCognitoEmulator, type CognitoEmulator } from '../../../local/cognito/server';

const EMAIL = 'grace@example.com';
const NEW_PASSWORD = 'Correct-Horse-1';

let dataDir: string;
let emulator: CognitoEmulator;
let cognito: CognitoIdentityProviderClient;
const clock = new ManualClock(Date.now());
const sent: CognitoMessage[] = [];

const code = (secret: string) => generate({ secret, epoch: Math.floor(clock.now().getTime() / 1000) });

/** What the SDK threw: its class, name, message and HTTP status. */
async function sdkFailure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (err) {
    const e = err as Error & { $metadata?: { httpStatusCode?: number } };
    return { error: e, name: e.name, message: e.message, status: e.$metadata?.httpStatusCode };
  }
  throw new Error('expected the call to fail');
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'cognito-sdk-'));
  emulator = await startCognitoEmulator({
    port: 0,
    dataDir,
    clock,
    deliver: async (message) => {
      sent.push(message);
    },
  });
  cognito = new CognitoIdentityProviderClient({
    endpoint: emulator.url,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
});

afterAll(async () => {
  cognito?.destroy();
  await emulator?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('the real SDK against the emulator', () => {
  let poolId: string;
  let clientId: string;
  let secret: string;
  let accessToken: string;

  it('creates a pool with mandatory TOTP and a public client', async () => {
    const pool = await cognito.send(
      new CreateUserPoolCommand({
        PoolName: 'users',
        UsernameAttributes: ['email'],
        UsernameConfiguration: { CaseSensitive: false },
        Policies: { PasswordPolicy: { MinimumLength: 12, TemporaryPasswordValidityDays: 3 } },
      }),
    );
    poolId = pool.UserPool!.Id!;
    expect(poolId).toMatch(/^eu-west-1_/);
    expect(pool.UserPool?.CreationDate).toBeInstanceOf(Date);
    await cognito.send(
      new SetUserPoolMfaConfigCommand({ UserPoolId: poolId, MfaConfiguration: 'ON', SoftwareTokenMfaConfiguration: { Enabled: true } }),
    );
    const client = await cognito.send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: 'app',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        PreventUserExistenceErrors: 'ENABLED',
      }),
    );
    clientId = client.UserPoolClient!.ClientId!;
  });

  it('goes from invitation through NEW_PASSWORD_REQUIRED and MFA_SETUP to tokens', async () => {
    const created = await cognito.send(
      new AdminCreateUserCommand({
        UserPoolId: poolId,
        Username: EMAIL,
        UserAttributes: [
          { Name: 'email', Value: EMAIL },
          { Name: 'email_verified', Value: 'true' },
          { Name: 'name', Value: 'Grace Hopper' },
        ],
      }),
    );
    expect(created.User?.UserStatus).toBe('FORCE_CHANGE_PASSWORD');
    expect(created.User?.UserCreateDate).toBeInstanceOf(Date);
    const invitation = sent.at(-1)!;
    expect(invitation).toMatchObject({ to: EMAIL, triggerSource: 'CustomMessage_AdminCreateUser', username: EMAIL });

    const first = await cognito.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: clientId,
        AuthParameters: { USERNAME: EMAIL, PASSWORD: invitation.code },
      }),
    );
    expect(first.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    const userId = first.ChallengeParameters!.USER_ID_FOR_SRP!;
    expect(userId).toBe(created.User?.Username);

    const setup = await cognito.send(
      new RespondToAuthChallengeCommand({
        ClientId: clientId,
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        Session: first.Session,
        ChallengeResponses: { USERNAME: userId, NEW_PASSWORD },
      }),
    );
    expect(setup.ChallengeName).toBe('MFA_SETUP');
    expect(setup.ChallengeParameters?.MFAS_CAN_SETUP).toBe('["SOFTWARE_TOKEN_MFA"]');

    const associated = await cognito.send(new AssociateSoftwareTokenCommand({ Session: setup.Session }));
    secret = associated.SecretCode!;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const wrong = await sdkFailure(
      cognito.send(new VerifySoftwareTokenCommand({ Session: associated.Session, UserCode: (await code(secret)) === '000000' ? '111111' : '000000' })),
    );
    expect(wrong.error).toBeInstanceOf(EnableSoftwareTokenMFAException);
    const verified = await cognito.send(new VerifySoftwareTokenCommand({ Session: associated.Session, UserCode: await code(secret) }));
    expect(verified.Status).toBe('SUCCESS');

    const done = await cognito.send(
      new RespondToAuthChallengeCommand({
        ClientId: clientId,
        ChallengeName: 'MFA_SETUP',
        Session: verified.Session,
        ChallengeResponses: { USERNAME: EMAIL },
      }),
    );
    const tokens = done.AuthenticationResult!;
    expect(tokens.TokenType).toBe('Bearer');
    expect(tokens.ExpiresIn).toBe(3600);

    const issuer = `${emulator.url}/${poolId}`;
    // The JWKS is fetched from the emulator itself (over plain HTTP, on loopback).
    const jwksCache = new SimpleJwksCache({
      fetcher: { fetch: async (uri: string) => (await fetch(uri)).arrayBuffer() },
    });
    const idVerifier = JwtVerifier.create(
      {
        issuer,
        audience: clientId,
        jwksUri: `${issuer}/.well-known/jwks.json`,
        customJwtCheck: ({ payload }) => {
          if (payload.token_use !== 'id') throw new Error('not an id token');
        },
      },
      { jwksCache },
    );
    const accessVerifier = JwtVerifier.create(
      {
        issuer,
        audience: null,
        jwksUri: `${issuer}/.well-known/jwks.json`,
        customJwtCheck: ({ payload }) => {
          if (payload.token_use !== 'access' || payload.client_id !== clientId) throw new Error('not this client’s access token');
        },
      },
      { jwksCache },
    );
    const id = await idVerifier.verify(tokens.IdToken!);
    expect(id).toMatchObject({ sub: userId, email: EMAIL, name: 'Grace Hopper', 'cognito:username': userId, email_verified: true });
    const access = await accessVerifier.verify(tokens.AccessToken!);
    expect(access).toMatchObject({ sub: userId, username: userId, scope: 'aws.cognito.signin.user.admin' });
    await expect(idVerifier.verify(tokens.AccessToken!)).rejects.toThrow();
    await expect(accessVerifier.verify(tokens.IdToken!)).rejects.toThrow();

    // Later sign-ins ask for the authenticator code.
    clock.advance(30 * SECOND);
    const again = await cognito.send(
      new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: 'GRACE@example.com', PASSWORD: NEW_PASSWORD } }),
    );
    expect(again.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
    const totp = await code(secret);
    const mfa = await cognito.send(
      new RespondToAuthChallengeCommand({
        ClientId: clientId,
        ChallengeName: 'SOFTWARE_TOKEN_MFA',
        Session: again.Session,
        ChallengeResponses: { USERNAME: EMAIL, SOFTWARE_TOKEN_MFA_CODE: totp },
      }),
    );
    accessToken = mfa.AuthenticationResult!.AccessToken!;
    expect((await accessVerifier.verify(accessToken)).sub).toBe(userId);
    expect((await idVerifier.verify(mfa.AuthenticationResult!.IdToken!)).sub).toBe(userId);
    const me = await cognito.send(new GetUserCommand({ AccessToken: accessToken }));
    expect(me.Username).toBe(userId);
    expect(me.UserMFASettingList).toEqual(['SOFTWARE_TOKEN_MFA']);

    // The same code again, in a new sign-in, is a replay.
    const third = await cognito.send(
      new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: EMAIL, PASSWORD: NEW_PASSWORD } }),
    );
    const replay = await sdkFailure(
      cognito.send(
        new RespondToAuthChallengeCommand({
          ClientId: clientId,
          ChallengeName: 'SOFTWARE_TOKEN_MFA',
          Session: third.Session,
          ChallengeResponses: { USERNAME: EMAIL, SOFTWARE_TOKEN_MFA_CODE: totp },
        }),
      ),
    );
    expect(replay.error).toBeInstanceOf(ExpiredCodeException);
    expect(replay).toMatchObject({ name: 'ExpiredCodeException', message: 'Your software token has already been used once.', status: 400 });
    const mismatch = await sdkFailure(
      cognito.send(
        new RespondToAuthChallengeCommand({
          ClientId: clientId,
          ChallengeName: 'SOFTWARE_TOKEN_MFA',
          Session: third.Session,
          ChallengeResponses: { USERNAME: EMAIL, SOFTWARE_TOKEN_MFA_CODE: totp === '000000' ? '111111' : '000000' },
        }),
      ),
    );
    expect(mismatch.error).toBeInstanceOf(CodeMismatchException);
    expect(mismatch.message).toBe('Invalid code received for user');
  });

  it('turns Cognito’s errors into the SDK’s exception classes with their messages', async () => {
    const signIn = (USERNAME: string, PASSWORD: string) =>
      cognito.send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME, PASSWORD } }));
    const unknown = await sdkFailure(signIn('nobody@example.com', NEW_PASSWORD));
    expect(unknown.error).toBeInstanceOf(NotAuthorizedException);
    expect(unknown).toMatchObject({ name: 'NotAuthorizedException', message: 'Incorrect username or password.', status: 400 });

    const exists = await sdkFailure(cognito.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: EMAIL })));
    expect(exists.error).toBeInstanceOf(UsernameExistsException);
    expect(exists.message).toBe('An account with the given email already exists.');

    const weak = await sdkFailure(
      cognito.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'new@example.com', TemporaryPassword: 'Short-1' })),
    );
    expect(weak.error).toBeInstanceOf(InvalidPasswordException);
    expect(weak.message).toBe('Password does not conform to policy: Password not long enough');

    const noPool = await sdkFailure(cognito.send(new AdminCreateUserCommand({ UserPoolId: 'eu-west-1_nothere1', Username: EMAIL })));
    expect(noPool.error).toBeInstanceOf(ResourceNotFoundException);

    await cognito.send(new GlobalSignOutCommand({ AccessToken: accessToken }));
    const revoked = await sdkFailure(cognito.send(new GetUserCommand({ AccessToken: accessToken })));
    expect(revoked.error).toBeInstanceOf(NotAuthorizedException);
    expect(revoked.message).toBe('Access Token has been revoked');
  });
});

describe('the real SDK against the product’s pool settings', () => {
  const RECOVERY = cognitoAttributeName('recoveryCodes');
  let poolId: string;
  let clientId: string;

  /** Invitation, new password, TOTP enrolment: tokens, the secret and the username. */
  async function enrol(email: string) {
    await cognito.send(
      new AdminCreateUserCommand({
        UserPoolId: poolId,
        Username: email,
        UserAttributes: [
          { Name: 'email', Value: email },
          { Name: 'email_verified', Value: 'true' },
        ],
      }),
    );
    const first = await cognito.send(
      new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: email, PASSWORD: sent.at(-1)!.code } }),
    );
    const username = first.ChallengeParameters!.USER_ID_FOR_SRP!;
    const setup = await cognito.send(
      new RespondToAuthChallengeCommand({
        ClientId: clientId,
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        Session: first.Session,
        ChallengeResponses: { USERNAME: username, NEW_PASSWORD },
      }),
    );
    const associated = await cognito.send(new AssociateSoftwareTokenCommand({ Session: setup.Session }));
    const verified = await cognito.send(new VerifySoftwareTokenCommand({ Session: associated.Session, UserCode: await code(associated.SecretCode!) }));
    const done = await cognito.send(
      new RespondToAuthChallengeCommand({ ClientId: clientId, ChallengeName: 'MFA_SETUP', Session: verified.Session, ChallengeResponses: { USERNAME: email } }),
    );
    clock.advance(30 * SECOND);
    return { username, tokens: done.AuthenticationResult! };
  }

  it('creates the pool with the account attributes and the client with the shared attribute lists', async () => {
    const pool = await cognito.send(
      new CreateUserPoolCommand({
        PoolName: 'product',
        UsernameAttributes: ['email'],
        UsernameConfiguration: { CaseSensitive: false },
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
        Schema: customAttributeSchema(),
      }),
    );
    poolId = pool.UserPool!.Id!;
    await cognito.send(
      new SetUserPoolMfaConfigCommand({ UserPoolId: poolId, MfaConfiguration: 'ON', SoftwareTokenMfaConfiguration: { Enabled: true } }),
    );
    const client = await cognito.send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: 'app',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        PreventUserExistenceErrors: 'ENABLED',
        ReadAttributes: [...clientReadAttributes],
        WriteAttributes: [...clientWriteAttributes],
      }),
    );
    clientId = client.UserPoolClient!.ClientId!;
    expect(client.UserPoolClient?.WriteAttributes).toEqual([...clientWriteAttributes]);
  });

  it('keeps the account attributes from the user’s token and gives them to administrators', async () => {
    const { username, tokens } = await enrol('ada@example.com');
    await cognito.send(new AdminUpdateUserAttributesCommand({ UserPoolId: poolId, Username: username, UserAttributes: [{ Name: RECOVERY, Value: 'h1' }] }));
    const admin = await cognito.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: username }));
    expect(admin.UserAttributes).toContainEqual({ Name: RECOVERY, Value: 'h1' });
    const me = await cognito.send(new GetUserCommand({ AccessToken: tokens.AccessToken }));
    expect(me.UserAttributes?.map((a) => a.Name)).not.toContain(RECOVERY);
    const refused = await sdkFailure(
      cognito.send(new UpdateUserAttributesCommand({ AccessToken: tokens.AccessToken, UserAttributes: [{ Name: RECOVERY, Value: '' }] })),
    );
    expect(refused.error).toBeInstanceOf(NotAuthorizedException);
    expect(refused.message).toBe('A client attempted to write unauthorized attribute');
    const unknown = await sdkFailure(
      cognito.send(new AdminUpdateUserAttributesCommand({ UserPoolId: poolId, Username: username, UserAttributes: [{ Name: 'custom:nope', Value: 'x' }] })),
    );
    expect(unknown.error).toBeInstanceOf(InvalidParameterException);
  });

  it('answers the calls real clients send: SignUp, ListDevices, GetTokensFromRefreshToken, a short TOTP code', async () => {
    const { tokens } = await enrol('bob@example.com');
    const signUp = await sdkFailure(cognito.send(new SignUpCommand({ ClientId: clientId, Username: 'eve@example.com', Password: NEW_PASSWORD })));
    expect(signUp.error).toBeInstanceOf(NotAuthorizedException);
    expect(signUp.message).toBe('SignUp is not permitted for this user pool');
    expect((await cognito.send(new ListDevicesCommand({ AccessToken: tokens.AccessToken }))).Devices).toEqual([]);
    const refreshed = await cognito.send(new GetTokensFromRefreshTokenCommand({ ClientId: clientId, RefreshToken: tokens.RefreshToken }));
    expect(refreshed.AuthenticationResult?.AccessToken).toBeTruthy();
    expect(refreshed.AuthenticationResult?.RefreshToken).toBeUndefined();
    const short = await sdkFailure(cognito.send(new VerifySoftwareTokenCommand({ AccessToken: tokens.AccessToken, UserCode: '12345' })));
    expect(short.error).toBeInstanceOf(InvalidParameterException);
    expect(short.message).toBe("1 validation error detected: Value at 'userCode' failed to satisfy constraint: Member must have length greater than or equal to 6");
  });

  it('AdminDeleteSoftwareToken sends the user back to MFA_SETUP', async () => {
    const { username } = await enrol('cid@example.com');
    await cognito.send(new AdminDeleteSoftwareTokenCommand({ UserPoolId: poolId, Username: username }));
    const next = await cognito.send(
      new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: 'cid@example.com', PASSWORD: NEW_PASSWORD } }),
    );
    expect(next.ChallengeName).toBe('MFA_SETUP');
  });

  it('answers LimitExceededException once the hour’s reset attempts are spent, for unknown names too', async () => {
    for (const Username of ['ada@example.com', 'nobody@example.com']) {
      for (let i = 0; i < 5; i++) await cognito.send(new ForgotPasswordCommand({ ClientId: clientId, Username }));
      const limited = await sdkFailure(cognito.send(new ForgotPasswordCommand({ ClientId: clientId, Username })));
      expect(limited.error).toBeInstanceOf(LimitExceededException);
      expect(limited.message).toBe('Attempt limit exceeded, please try after some time.');
    }
  });
});
