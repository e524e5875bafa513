import { AdminDeleteSoftwareTokenCommand, AdminUserGlobalSignOutCommand } from '@aws-sdk/client-cognito-identity-provider';
import * as v from 'valibot';
import { readAccount, writeAccountAttributes } from './lib/account';
import { cognito } from './lib/cognito';
import { config } from './lib/config';
import { GatewayError, toGatewayError } from './lib/errors';
import { startMfaSetup } from './lib/mfa';
import { notifyUser } from './lib/notifications';
import { defineOperation } from './lib/operation';
import { consumeRecoveryCode } from './lib/recoveryCodes';
import { passwordSignIn } from './lib/signIn';
import { email, password } from './lib/validate';

const refused = () => new GatewayError('NotAuthorized', 'Incorrect e-mail, password or recovery code.');


/**
 * For a user who lost the authenticator: password plus one recovery code remove the old
 * authenticator, end every session and start a new enrolment, answered exactly like login's
 * MFA_SETUP step (confirmMfa finishes it and hands out new recovery codes).
 *
 * The code is spent before anything else changes. If a later step fails, the authenticator is
 * either still there (try again with another code) or already gone, and then login itself answers
 * MFA_SETUP: no state in which the user is stuck.
 */
export const handler = defineOperation('recoverAccount', {
  countsAsRecovery: true,
  input: v.object({
    email,
    password: password(),
    recoveryCode: v.pipe(
      v.string('The recovery code is required.'),
      v.trim(),
      v.minLength(1, 'The recovery code is required.'),
      v.maxLength(64, 'The recovery code is malformed.'),
    ),
  }),
  async run(input) {
    const first = await passwordSignIn(input).catch((err: unknown) => {
      // Unknown e-mail and wrong password answer like a wrong code; a lockout still says so.
      const failure = toGatewayError(err);
      throw failure.errorType === 'NotAuthorized' ? refused() : failure;
    });
    // Only a user with an authenticator has something to recover; everyone else simply signs in.
    if (first.ChallengeName !== 'SOFTWARE_TOKEN_MFA') throw refused();
    const account = await readAccount(input.email);
    const remaining = await consumeRecoveryCode(account.attributes.recoveryCodes, input.recoveryCode);
    if (remaining === null) throw refused();
    await writeAccountAttributes(input.email, { recoveryCodes: remaining });

    const userPoolId = config.userPoolId();
    await cognito().send(new AdminDeleteSoftwareTokenCommand({ UserPoolId: userPoolId, Username: input.email }));
    await cognito().send(new AdminUserGlobalSignOutCommand({ UserPoolId: userPoolId, Username: input.email }));
    await notifyUser(account.email, 'recoveryCodeUsed');

    // With no authenticator left, the MFA-required pool asks for enrolment at sign-in.
    const second = await passwordSignIn(input);
    if (second.ChallengeName !== 'MFA_SETUP' || !second.Session) {
      throw new GatewayError('InternalError', 'Cognito did not ask for MFA enrolment.');
    }
    const mfaSetup = await startMfaSetup({ session: second.Session, email: input.email });
    return { email: input.email, verificationType: 'MFA_SETUP' as const, verificationSession: mfaSetup.session, mfaSetup };
  },
});
