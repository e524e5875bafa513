import type { RespondToAuthChallengeRequest, RespondToAuthChallengeResponse } from '@aws-sdk/client-cognito-identity-provider';
import { attributeMap, checkMutable } from '../attributes';
import { checkWritable } from '../clientAttributes';
import { checkSecretHash, requireClient } from '../clients';
import type { CognitoContext } from '../context';
import { errors } from '../errors';
import { answerPasskey } from '../passkeySignIn';
import { checkPassword, hashPassword } from '../passwords';
import { poolPolicy } from '../pools';
import { endSession, openSession, type OpenSession } from '../sessions';
import { afterPassword, sessionSignIn, signedIn, type AuthStep, type SignIn } from '../signin';
import { findUser, touch, unverifyChanged } from '../users';
import { checkTotp } from '../totpCheck';
import { required } from '../validate';

/**
 * Answers the challenge a session was opened for: the new password (then MFA), the end of MFA
 * enrolment (after VerifySoftwareToken), a TOTP code, or a passkey assertion. Each session answers once.
 */
export async function RespondToAuthChallenge(
  ctx: CognitoContext,
  input: RespondToAuthChallengeRequest,
): Promise<RespondToAuthChallengeResponse> {
  const name = required(input.ChallengeName, 'challengeName');
  const { pool, client } = requireClient(ctx, required(input.ClientId, 'clientId'));
  const session = openSession(ctx, required(input.Session, 'session'), client.id);
  const responses = input.ChallengeResponses ?? {};
  const username = responses.USERNAME;
  if (!username) throw errors.invalidParameter('Missing required parameter USERNAME');
  checkSecretHash(client, username, responses.SECRET_HASH);
  if (session.record.decoy) {
    // A WEB_AUTHN challenge handed out for a name no user has: refused as a wrong passkey is.
    if (session.record.challenge !== name) throw errors.invalidSession();
    endSession(ctx, session);
    throw errors.badCredentials();
  }
  const signIn = sessionSignIn(ctx, session);
  const { user } = signIn;
  if (session.record.challenge !== name || findUser(pool, username) !== user) throw errors.invalidSession();

  switch (session.record.challenge) {
    case 'WEB_AUTHN':
      return answerPasskey(ctx, signIn, session, responses.CREDENTIAL);
    case 'NEW_PASSWORD_REQUIRED':
      return newPassword(ctx, signIn, session, responses);
    case 'MFA_SETUP':
      // Only a session VerifySoftwareToken returned shows that the first code was right.
      if (session.record.step !== 'TOKEN_VERIFIED') throw errors.invalidSession();
      endSession(ctx, session);
      return signedIn(ctx, signIn);
    case 'SOFTWARE_TOKEN_MFA': {
      const code = responses.SOFTWARE_TOKEN_MFA_CODE;
      if (!code) throw errors.invalidParameter('Missing required parameter SOFTWARE_TOKEN_MFA_CODE');
      await checkTotp(ctx, user, code, session);
      endSession(ctx, session);
      return signedIn(ctx, signIn);
    }
  }
}

async function newPassword(
  ctx: CognitoContext,
  signIn: SignIn,
  session: OpenSession,
  responses: Record<string, string>,
): Promise<AuthStep> {
  const { pool, user } = signIn;
  const password = responses.NEW_PASSWORD;
  if (!password) throw errors.invalidParameter('Missing required parameter NEW_PASSWORD');
  checkPassword(password, poolPolicy(pool));
  // Attributes sent with the new password, as `userAttributes.<name>`, as the client may write them.
  const prefix = 'userAttributes.';
  const changes = attributeMap(
    pool,
    Object.entries(responses)
      .filter(([key]) => key.startsWith(prefix))
      .map(([key, Value]) => ({ Name: key.slice(prefix.length), Value })),
  );
  checkWritable(signIn.client, Object.keys(changes));
  checkMutable(pool, Object.keys(changes));
  user.passwordHash = await hashPassword(password, ctx.passwordCost);
  user.status = 'CONFIRMED';
  delete user.temporaryPasswordIssuedAt;
  unverifyChanged(user, changes);
  Object.assign(user.attributes, changes);
  touch(user, ctx.clock.now());
  endSession(ctx, session);
  return afterPassword(ctx, signIn);
}
