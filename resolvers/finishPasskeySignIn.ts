// finishPasskeySignIn: calls Cognito's RespondToAuthChallenge itself, no function (see operations.ts).
import { util, type Context, type HTTPRequest } from '@aws-appsync/utils';
import { messages } from '../cognitoErrors';
import { authTokensOf, clientIdOf, cognitoRequest, cognitoResult } from './lib/cognito';
import { emailOf, emailProblem, opaqueProblem, refuseProblems, trimmed } from './lib/input';
import { credentialProblem, passkeyRefused, requirePasskeys } from './lib/passkeys';

/**
 * Second step of a passkey sign-in: Cognito checks the browser's assertion against the session's
 * challenge and the user's passkeys; a verified passkey with user verification satisfies MFA.
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RespondToAuthChallenge.html
 */
export function request(ctx: Context): HTTPRequest<string> {
  requirePasskeys(ctx);
  const { email, session, credential } = ctx.arguments.input;
  refuseProblems([emailProblem(email), opaqueProblem(session, 'sign-in session', 4096), credentialProblem(credential)]);
  return cognitoRequest('RespondToAuthChallenge', {
    ChallengeName: 'WEB_AUTHN',
    ClientId: clientIdOf(ctx),
    Session: trimmed(session),
    ChallengeResponses: { USERNAME: emailOf(email), CREDENTIAL: trimmed(credential) },
  });
}

export function response(ctx: Context): unknown {
  if (passkeyRefused(ctx)) util.error(messages.passkeyRefused, 'NotAuthorized');
  return authTokensOf(ctx, cognitoResult(ctx).AuthenticationResult);
}
