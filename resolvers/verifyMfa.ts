// verifyMfa: calls Cognito's RespondToAuthChallenge itself, no function (see operations.ts).
import type { Context, HTTPRequest } from '@aws-appsync/utils';
import { authTokensOf, clientIdOf, cognitoRequest, cognitoResult } from './lib/cognito';
import { emailOf, emailProblem, opaqueProblem, otpProblem, refuseProblems, trimmed } from './lib/input';

/**
 * Second login step: Cognito checks the authenticator code against the login session.
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RespondToAuthChallenge.html
 */
export function request(ctx: Context): HTTPRequest<string> {
  const { email, verificationSession, otp } = ctx.arguments.input;
  refuseProblems([emailProblem(email), opaqueProblem(verificationSession, 'verification session', 4096), otpProblem(otp)]);
  return cognitoRequest('RespondToAuthChallenge', {
    ChallengeName: 'SOFTWARE_TOKEN_MFA',
    ClientId: clientIdOf(ctx),
    Session: trimmed(verificationSession),
    ChallengeResponses: { USERNAME: emailOf(email), SOFTWARE_TOKEN_MFA_CODE: trimmed(otp) },
  });
}

export function response(ctx: Context): unknown {
  return authTokensOf(ctx, cognitoResult(ctx).AuthenticationResult);
}
