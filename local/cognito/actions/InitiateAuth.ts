import type { InitiateAuthRequest, InitiateAuthResponse } from '@aws-sdk/client-cognito-identity-provider';
import { checkAuthFlow, checkSecretHash, hidesUserExistence, refreshTokenRotation, requireClient } from '../clients';
import { DAY } from '../clock';
import type { CognitoContext } from '../context';
import { errors } from '../errors';
import { isLockedOut, isMfaLockedOut, recordFailure, recordSuccess, unknownUserCounter } from '../lockout';
import { checkPasswordOrDecoy } from '../passwords';
import { poolPolicy } from '../pools';
import { initiatePasskeySignIn } from '../passkeySignIn';
import { afterPassword, type SignIn } from '../signin';
import { findUser } from '../users';
import { required } from '../validate';

/** USER_PASSWORD_AUTH (the password, then a challenge or tokens), REFRESH_TOKEN_AUTH and USER_AUTH with a passkey. */
export async function InitiateAuth(ctx: CognitoContext, input: InitiateAuthRequest): Promise<InitiateAuthResponse> {
  const flow = required(input.AuthFlow, 'authFlow');
  const { pool, client } = requireClient(ctx, required(input.ClientId, 'clientId'));
  const params = input.AuthParameters ?? {};
  if (flow === 'REFRESH_TOKEN_AUTH' || flow === 'REFRESH_TOKEN') {
    // "You can't authenticate with REFRESH_TOKEN_AUTH in app clients with refresh token rotation
    // enabled": refused as a flow the client does not allow, which a rotating client must not.
    // https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-refresh-token.html
    if (refreshTokenRotation(client)) throw errors.invalidParameter('REFRESH_TOKEN_AUTH flow not enabled for this client');
    checkAuthFlow(client, 'REFRESH_TOKEN_AUTH');
    const token = params.REFRESH_TOKEN;
    if (!token) throw errors.invalidParameter('Missing required parameter REFRESH_TOKEN');
    return { ChallengeParameters: {}, AuthenticationResult: await ctx.tokens.refresh(client, token) };
  }
  if (flow === 'USER_AUTH') return initiatePasskeySignIn(ctx, pool, client, params);
  if (flow !== 'USER_PASSWORD_AUTH') {
    throw errors.invalidParameter(`${flow} is not supported by the local Cognito emulator: use USER_PASSWORD_AUTH or USER_AUTH.`);
  }
  checkAuthFlow(client, 'USER_PASSWORD_AUTH');
  const username = params.USERNAME;
  const password = params.PASSWORD;
  if (!username) throw errors.invalidParameter('Missing required parameter USERNAME');
  if (!password) throw errors.invalidParameter('Missing required parameter PASSWORD');
  checkSecretHash(client, username, params.SECRET_HASH);

  const user = findUser(pool, username);
  // One password check on every path, before anything is decided: unknown, locked, disabled and
  // reset-required users all cost what a wrong password costs (the result is then ignored).
  const passwordMatches = await checkPasswordOrDecoy(password, user?.passwordHash, ctx.passwordCost);
  const now = ctx.clock.now();
  if (!user) {
    if (!hidesUserExistence(client)) throw errors.userNotFound();
    const counter = unknownUserCounter(pool, username, now);
    throw isLockedOut(counter, now) ? errors.attemptsExceeded() : recordFailure(counter, now);
  }
  if (isLockedOut(user, now) || isMfaLockedOut(user, now)) throw errors.attemptsExceeded();
  if (user.status === 'RESET_REQUIRED') throw errors.passwordResetRequired();
  if (!passwordMatches) throw recordFailure(user, now);
  if (!user.enabled) throw errors.userDisabled();
  const issuedAt = user.temporaryPasswordIssuedAt;
  const validDays = poolPolicy(pool).TemporaryPasswordValidityDays;
  if (user.status === 'FORCE_CHANGE_PASSWORD' && issuedAt !== undefined && now.getTime() > issuedAt + validDays * DAY) {
    throw errors.temporaryPasswordExpired();
  }
  recordSuccess(user);
  const signIn: SignIn = { pool, client, user };
  return afterPassword(ctx, signIn);
}
