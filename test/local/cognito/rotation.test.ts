import {
  AdminCreateUserCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DescribeUserPoolClientCommand,
  GetTokensFromRefreshTokenCommand,
  GetUserCommand,
  GlobalSignOutCommand,
  InitiateAuthCommand,
  InvalidParameterException,
  NotAuthorizedException,
  RefreshTokenReuseException,
  RespondToAuthChallengeCommand,
  RevokeTokenCommand,
  type AuthenticationResultType,
} from '@aws-sdk/client-cognito-identity-provider';
import { decodeJwt } from 'jose';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOUR, ManualClock, MINUTE, SECOND } from '../../../local/cognito/clock';
import { startCognitoEmulator, type CognitoEmulator } from '../../../local/cognito/server';

/** Refresh-token rotation, through the real AWS SDK, with time moved by the emulator's clock. */

const PASSWORD = 'Correct-Horse-1';
const GRACE_SECONDS = 20;

let dataDir: string;
let emulator: CognitoEmulator;
let cognito: CognitoIdentityProviderClient;
let poolId: string;
/** Rotates with a 20-second grace period; allows no REFRESH_TOKEN_AUTH. */
let rotating: string;
/** Rotates with no grace period. */
let strict: string;
/** Does not rotate. */
let plain: string;
const clock = new ManualClock(Date.now());
const temporaryPasswords: string[] = [];
let users = 0;

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected the call to fail');
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'cognito-rotation-'));
  emulator = await startCognitoEmulator({
    port: 0,
    dataDir,
    clock,
    deliver: async (message) => {
      temporaryPasswords.push(message.code);
    },
  });
  cognito = new CognitoIdentityProviderClient({
    endpoint: emulator.url,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  poolId = (await cognito.send(new CreateUserPoolCommand({ PoolName: 'rotation', UsernameAttributes: ['email'] }))).UserPool!.Id!;
  const client = async (settings: Omit<ConstructorParameters<typeof CreateUserPoolClientCommand>[0], 'UserPoolId' | 'ClientName'>) =>
    (await cognito.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'app', RefreshTokenValidity: 1, TokenValidityUnits: { RefreshToken: 'days' }, ...settings })))
      .UserPoolClient!.ClientId!;
  rotating = await client({
    ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'],
    RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: GRACE_SECONDS },
  });
  strict = await client({ ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'], RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 0 } });
  plain = await client({ ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] });
});

afterAll(async () => {
  cognito?.destroy();
  await emulator?.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** A new user signed in through `clientId` (the pool has no MFA: rotation is what is tested here). */
async function signIn(clientId: string): Promise<AuthenticationResultType> {
  const email = `user${++users}@example.com`;
  await cognito.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: email, UserAttributes: [{ Name: 'email', Value: email }] }));
  const first = await cognito.send(
    new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: email, PASSWORD: temporaryPasswords.at(-1)! } }),
  );
  const done = await cognito.send(
    new RespondToAuthChallengeCommand({
      ClientId: clientId,
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session: first.Session,
      ChallengeResponses: { USERNAME: first.ChallengeParameters!.USER_ID_FOR_SRP!, NEW_PASSWORD: PASSWORD },
    }),
  );
  return done.AuthenticationResult!;
}

const refresh = async (clientId: string, refreshToken: string | undefined) =>
  (await cognito.send(new GetTokensFromRefreshTokenCommand({ ClientId: clientId, RefreshToken: refreshToken }))).AuthenticationResult!;

describe('refresh-token rotation', () => {
  it('shows on the client as configured', async () => {
    const { UserPoolClient } = await cognito.send(new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: rotating }));
    expect(UserPoolClient?.RefreshTokenRotation).toEqual({ Feature: 'ENABLED', RetryGracePeriodSeconds: GRACE_SECONDS });
  });

  it('refuses a grace period outside 0–60 seconds', async () => {
    const error = await failure(
      cognito.send(
        new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'bad', RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 61 } }),
      ),
    );
    expect(error).toBeInstanceOf(InvalidParameterException);
  });

  it('without rotation, GetTokensFromRefreshToken and REFRESH_TOKEN_AUTH both refresh and the token stays', async () => {
    const tokens = await signIn(plain);
    const viaGet = await refresh(plain, tokens.RefreshToken);
    expect(viaGet.RefreshToken).toBeUndefined();
    const viaInitiate = await cognito.send(
      new InitiateAuthCommand({ AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: plain, AuthParameters: { REFRESH_TOKEN: tokens.RefreshToken! } }),
    );
    expect(viaInitiate.AuthenticationResult?.AccessToken).toBeTruthy();
    clock.advance(HOUR);
    expect((await refresh(plain, tokens.RefreshToken)).AccessToken).toBeTruthy();
  });

  it('gives a new refresh token each time, of the same sign-in: auth_time and origin_jti stay', async () => {
    const tokens = await signIn(rotating);
    const signedIn = decodeJwt(tokens.AccessToken!);
    clock.advance(30 * MINUTE);
    const first = await refresh(rotating, tokens.RefreshToken);
    expect(first.RefreshToken).toBeTruthy();
    expect(first.RefreshToken).not.toBe(tokens.RefreshToken);
    clock.advance(30 * MINUTE);
    const second = await refresh(rotating, first.RefreshToken);
    expect(second.RefreshToken).not.toBe(first.RefreshToken);
    for (const result of [first, second]) {
      const access = decodeJwt(result.AccessToken!);
      expect(access.auth_time).toBe(signedIn.auth_time);
      expect(access.origin_jti).toBe(signedIn.origin_jti);
      expect(decodeJwt(result.IdToken!).auth_time).toBe(signedIn.auth_time);
    }
    expect(decodeJwt(second.AccessToken!).iat).toBe(Math.floor(clock.now().getTime() / 1000));
    expect((await cognito.send(new GetUserCommand({ AccessToken: second.AccessToken }))).Username).toBe(signedIn.username);
  });

  it('lets the replaced token work within the grace period only, then answers RefreshTokenReuseException', async () => {
    const tokens = await signIn(rotating);
    const rotated = await refresh(rotating, tokens.RefreshToken);
    clock.advance((GRACE_SECONDS - 1) * SECOND);
    // A retry within the grace period works (the client never saw the first answer) and rotates too.
    const retried = await refresh(rotating, tokens.RefreshToken);
    expect(retried.RefreshToken).toBeTruthy();
    expect(retried.RefreshToken).not.toBe(rotated.RefreshToken);
    // The period counts from the first rotation, not from the retry.
    clock.advance(1 * SECOND);
    const reused = await failure(refresh(rotating, tokens.RefreshToken));
    expect(reused).toBeInstanceOf(RefreshTokenReuseException);
    expect(reused.message).toBe('Refresh Token has been rotated');
    // Both replacements work.
    expect((await refresh(rotating, rotated.RefreshToken)).AccessToken).toBeTruthy();
    expect((await refresh(rotating, retried.RefreshToken)).AccessToken).toBeTruthy();
  });

  it('with a grace period of 0, ends the replaced token at once', async () => {
    const tokens = await signIn(strict);
    await refresh(strict, tokens.RefreshToken);
    expect(await failure(refresh(strict, tokens.RefreshToken))).toBeInstanceOf(RefreshTokenReuseException);
  });

  it('never lengthens the session: a new refresh token ends when the first would have', async () => {
    const tokens = await signIn(rotating);
    clock.advance(23 * HOUR);
    const late = await refresh(rotating, tokens.RefreshToken);
    clock.advance(HOUR);
    const expired = await failure(refresh(rotating, late.RefreshToken));
    expect(expired).toBeInstanceOf(NotAuthorizedException);
    expect(expired.message).toBe('Refresh Token has expired');
  });

  it('refuses REFRESH_TOKEN_AUTH on a rotating client', async () => {
    const tokens = await signIn(rotating);
    const error = await failure(
      cognito.send(new InitiateAuthCommand({ AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: rotating, AuthParameters: { REFRESH_TOKEN: tokens.RefreshToken! } })),
    );
    expect(error).toBeInstanceOf(InvalidParameterException);
    expect(error.message).toBe('REFRESH_TOKEN_AUTH flow not enabled for this client');
  });

  it('revokes the whole sign-in: RevokeToken on the new token ends the old one and every access token', async () => {
    const tokens = await signIn(rotating);
    const rotated = await refresh(rotating, tokens.RefreshToken);
    await cognito.send(new RevokeTokenCommand({ ClientId: rotating, Token: rotated.RefreshToken }));
    for (const token of [tokens.RefreshToken, rotated.RefreshToken]) {
      const error = await failure(refresh(rotating, token));
      expect(error).toBeInstanceOf(NotAuthorizedException);
      expect(error.message).toBe('Refresh Token has been revoked');
    }
    for (const AccessToken of [tokens.AccessToken, rotated.AccessToken]) {
      expect(await failure(cognito.send(new GetUserCommand({ AccessToken })))).toBeInstanceOf(NotAuthorizedException);
    }
  });

  it('ends every refresh token of the user at a global sign-out, rotated ones too', async () => {
    const tokens = await signIn(rotating);
    const rotated = await refresh(rotating, tokens.RefreshToken);
    await cognito.send(new GlobalSignOutCommand({ AccessToken: rotated.AccessToken }));
    const error = await failure(refresh(rotating, rotated.RefreshToken));
    expect(error).toBeInstanceOf(NotAuthorizedException);
    expect(error.message).toBe('Refresh Token has been revoked');
  });

  it('refuses a refresh token of another client', async () => {
    const tokens = await signIn(plain);
    const error = await failure(refresh(rotating, tokens.RefreshToken));
    expect(error).toBeInstanceOf(NotAuthorizedException);
    expect(error.message).toBe('Invalid Refresh Token');
  });
});
