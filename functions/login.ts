import * as v from 'valibot';
import { GatewayError } from './lib/errors';
import { startMfaSetup, type MfaSetup } from './lib/mfa';
import { defineOperation } from './lib/operation';
import { passwordSignIn } from './lib/signIn';
import { email, password } from './lib/validate';

const VERIFICATION_TYPES = ['SOFTWARE_TOKEN_MFA', 'MFA_SETUP', 'NEW_PASSWORD_REQUIRED'] as const;
type VerificationType = (typeof VERIFICATION_TYPES)[number];

function isVerificationType(challenge: string | undefined): challenge is VerificationType {
  return (VERIFICATION_TYPES as readonly (string | undefined)[]).includes(challenge);
}

interface LoginResult {
  email: string;
  verificationType: VerificationType;
  verificationSession: string;
  mfaSetup: MfaSetup | null;
}

/**
 * First login step: Cognito checks the password and names the next step. MFA is required in the
 * pool, so a correct password never yields tokens here. Unknown e-mails fail exactly like wrong
 * passwords (the app client hides whether a user exists).
 */
export const handler = defineOperation('login', {
  input: v.object({ email, password: password() }),
  async run(input): Promise<LoginResult> {
    const signIn = await passwordSignIn(input);
    const { ChallengeName: step, Session: session } = signIn;
    // Tokens straight away (or any other challenge) would mean the pool no longer requires TOTP.
    if (!session || !isVerificationType(step)) {
      throw new GatewayError('InternalError', 'Cognito answered with an unexpected sign-in step.');
    }
    if (step === 'MFA_SETUP') {
      // Enrolment was started but never finished: start it again with a fresh secret.
      const mfaSetup = await startMfaSetup({ session, email: input.email });
      return { email: input.email, verificationType: step, verificationSession: mfaSetup.session, mfaSetup };
    }
    // SOFTWARE_TOKEN_MFA goes on with verifyMfa; NEW_PASSWORD_REQUIRED (still on the temporary
    // password) with confirmUser, which sets the new password.
    return { email: input.email, verificationType: step, verificationSession: session, mfaSetup: null };
  },
});
