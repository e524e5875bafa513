import type { AuthenticationResultType, CreateUserPoolClientRequest, CreateUserPoolRequest } from '@aws-sdk/client-cognito-identity-provider';
import { generate } from 'otplib';
import { expect } from 'vitest';
import { AdminCreateUser } from '../../../local/cognito/actions/AdminCreateUser';
import { AssociateSoftwareToken } from '../../../local/cognito/actions/AssociateSoftwareToken';
import { CreateUserPool } from '../../../local/cognito/actions/CreateUserPool';
import { CreateUserPoolClient } from '../../../local/cognito/actions/CreateUserPoolClient';
import { InitiateAuth } from '../../../local/cognito/actions/InitiateAuth';
import { RespondToAuthChallenge } from '../../../local/cognito/actions/RespondToAuthChallenge';
import { VerifySoftwareToken } from '../../../local/cognito/actions/VerifySoftwareToken';
import { ManualClock, SECOND } from '../../../local/cognito/clock';
import { createContext, type CognitoContext } from '../../../local/cognito/context';
import { newSigningKey } from '../../../local/cognito/keys';
import type { CognitoMessage, Deliver } from '../../../local/cognito/messages';
import type { SigningKey } from '../../../local/cognito/state';
import { TEST_PASSWORD_COST } from '../../helpers';

export const ISSUER_BASE = 'http://127.0.0.1:9229';
/** Meets the test pool's policy. */
export const PASSWORD = 'Correct-Horse-1';
export const NEW_PASSWORD = 'Battery-Staple-2';
export const TEMPORARY_PASSWORD = 'Temporary-Pass-9';
/** A fixed start, in the middle of a TOTP step, so ±1 step is exactly ±30 s. */
export const START = Date.UTC(2030, 0, 1, 12, 0, 15);

/** Making an RSA key takes a while: the tests' pools share one. */
let sharedKey: Promise<SigningKey> | undefined;

export interface World {
  ctx: CognitoContext;
  clock: ManualClock;
  sent: CognitoMessage[];
  poolId: string;
  clientId: string;
}

/** The product's pool: e-mail sign-in, mandatory TOTP, a password policy, a public client hiding user existence. */
export async function world(
  pool: Partial<CreateUserPoolRequest> = {},
  client: Partial<CreateUserPoolClientRequest> = {},
  options: { deliver?: Deliver } = {},
): Promise<World> {
  const clock = new ManualClock(START);
  const sent: CognitoMessage[] = [];
  const ctx = createContext({
    issuerBase: ISSUER_BASE,
    clock,
    region: 'eu-west-1',
    passwordCost: TEST_PASSWORD_COST,
    newSigningKey: () => (sharedKey ??= newSigningKey()),
    deliver:
      options.deliver ??
      (async (message) => {
        sent.push(message);
      }),
  });
  const created = await CreateUserPool(ctx, {
    PoolName: 'users',
    UsernameAttributes: ['email'],
    UsernameConfiguration: { CaseSensitive: false },
    MfaConfiguration: 'ON',
    Policies: {
      PasswordPolicy: {
        MinimumLength: 10,
        RequireUppercase: true,
        RequireLowercase: true,
        RequireNumbers: true,
        RequireSymbols: true,
        TemporaryPasswordValidityDays: 7,
      },
    },
    ...pool,
  });
  const poolId = created.UserPool!.Id!;
  ctx.store.state.pools[poolId]!.settings.SoftwareTokenMfaConfiguration = { Enabled: true };
  const app = await CreateUserPoolClient(ctx, {
    UserPoolId: poolId,
    ClientName: 'app',
    ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    PreventUserExistenceErrors: 'ENABLED',
    AccessTokenValidity: 60,
    IdTokenValidity: 60,
    RefreshTokenValidity: 600,
    TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'minutes' },
    AuthSessionValidity: 3,
    ...client,
  });
  return { ctx, clock, sent, poolId, clientId: app.UserPoolClient!.ClientId! };
}

/** What a failed call threw, as the SDK would name it. */
export async function failure(promise: Promise<unknown>): Promise<{ name: string; message: string }> {
  try {
    await promise;
  } catch (err) {
    const { name, message } = err as Error;
    return { name, message };
  }
  throw new Error('expected the call to fail');
}

export async function expectFailure(promise: Promise<unknown>, name: string, message?: string): Promise<void> {
  const err = await failure(promise);
  expect(err.name).toBe(name);
  if (message !== undefined) expect(err.message).toBe(message);
}

/** The current TOTP code, or the one `steps` steps away. */
export function totp(w: Pick<World, 'clock'>, secret: string, steps = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(w.clock.now().getTime() / 1000) + steps * 30 });
}

export async function invite(w: World, email: string, TemporaryPassword = TEMPORARY_PASSWORD) {
  const out = await AdminCreateUser(w.ctx, {
    UserPoolId: w.poolId,
    Username: email,
    TemporaryPassword,
    UserAttributes: [
      { Name: 'email', Value: email },
      { Name: 'email_verified', Value: 'true' },
      { Name: 'name', Value: 'Ada Lovelace' },
    ],
  });
  return out.User!.Username!;
}

export const signIn = (w: World, email: string, password: string) =>
  InitiateAuth(w.ctx, { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: w.clientId, AuthParameters: { USERNAME: email, PASSWORD: password } });

export interface Enrolled {
  username: string;
  secret: string;
  tokens: AuthenticationResultType;
}

/** A user taken through the whole first sign-in: new password, TOTP enrolment, first tokens. */
export async function enrolledUser(w: World, email = 'ada@example.com'): Promise<Enrolled> {
  const username = await invite(w, email);
  const first = await signIn(w, email, TEMPORARY_PASSWORD);
  const setup = await RespondToAuthChallenge(w.ctx, {
    ClientId: w.clientId,
    ChallengeName: 'NEW_PASSWORD_REQUIRED',
    Session: first.Session,
    ChallengeResponses: { USERNAME: username, NEW_PASSWORD: PASSWORD },
  });
  const associated = await AssociateSoftwareToken(w.ctx, { Session: setup.Session });
  const verified = await VerifySoftwareToken(w.ctx, { Session: associated.Session, UserCode: await totp(w, associated.SecretCode!) });
  const done = await RespondToAuthChallenge(w.ctx, {
    ClientId: w.clientId,
    ChallengeName: 'MFA_SETUP',
    Session: verified.Session,
    ChallengeResponses: { USERNAME: email },
  });
  // The enrolment code's step is now used; later sign-ins start on a fresh one.
  w.clock.advance(30 * SECOND);
  return { username, secret: associated.SecretCode!, tokens: done.AuthenticationResult! };
}

/** Signs an enrolled user in again, with password and TOTP. */
export async function signInWithTotp(w: World, email: string, secret: string): Promise<AuthenticationResultType> {
  const first = await signIn(w, email, PASSWORD);
  const done = await RespondToAuthChallenge(w.ctx, {
    ClientId: w.clientId,
    ChallengeName: 'SOFTWARE_TOKEN_MFA',
    Session: first.Session,
    ChallengeResponses: { USERNAME: email, SOFTWARE_TOKEN_MFA_CODE: await totp(w, secret) },
  });
  w.clock.advance(30 * SECOND);
  return done.AuthenticationResult!;
}
