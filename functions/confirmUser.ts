import { RespondToAuthChallengeCommand } from '@aws-sdk/client-cognito-identity-provider';
import * as v from 'valibot';
import { cognito } from './lib/cognito';
import { config } from './lib/config';
import { GatewayError } from './lib/errors';
import { startMfaSetup } from './lib/mfa';
import { defineOperation } from './lib/operation';
import { passwordSignIn } from './lib/signIn';
import { email, password } from './lib/validate';

/**
 * Signs in with the temporary password, sets the new one and starts MFA enrolment, so the user
 * leaves with a QR code to scan and the session confirmMfa needs.
 */
export const handler = defineOperation('confirmUser', {
  input: v.object({ email, temporaryPassword: password('temporary password'), newPassword: password('new password') }),
  async run(input) {
    const signIn = await passwordSignIn({ email: input.email, password: input.temporaryPassword });
    // Any other answer means the password given is already the user's own one.
    if (signIn.ChallengeName !== 'NEW_PASSWORD_REQUIRED') {
      throw new GatewayError('ValidationError', 'This account is already confirmed: sign in with login.');
    }
    const srpUserId = signIn.ChallengeParameters?.USER_ID_FOR_SRP;
    const passwordSet = await cognito().send(
      new RespondToAuthChallengeCommand({
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        ClientId: config.clientId(),
        Session: signIn.Session,
        ChallengeResponses: { USERNAME: srpUserId ?? input.email, NEW_PASSWORD: input.newPassword },
      }),
    );
    // The pool requires MFA, so Cognito must ask for enrolment before it issues any token.
    if (passwordSet.ChallengeName !== 'MFA_SETUP' || !passwordSet.Session) {
      throw new GatewayError('InternalError', 'Cognito did not ask for MFA enrolment.');
    }
    const userId = srpUserId ?? passwordSet.ChallengeParameters?.USER_ID_FOR_SRP;
    if (!userId) throw new GatewayError('InternalError', 'Cognito returned no user id.');
    const mfaSetup = await startMfaSetup({ session: passwordSet.Session, email: input.email });
    return { userId, email: input.email, status: 'MFA_SETUP_REQUIRED' as const, mfaSetup };
  },
});
