import { ConfirmForgotPasswordCommand } from '@aws-sdk/client-cognito-identity-provider';
import * as v from 'valibot';
import { cognito } from './lib/cognito';
import { config } from './lib/config';
import { defineOperation } from './lib/operation';
import { email, password, verificationCode } from './lib/validate';

/** Sets the new password with the code forgotPassword e-mailed; Cognito checks code and policy. */
export const handler = defineOperation('confirmForgotPassword', {
  input: v.object({ email, verificationCode, newPassword: password('new password') }),
  async run(input) {
    await cognito().send(
      new ConfirmForgotPasswordCommand({
        ClientId: config.clientId(),
        Username: input.email,
        ConfirmationCode: input.verificationCode,
        Password: input.newPassword,
      }),
    );
    return { email: input.email, status: 'NEW_PASSWORD_SET_SUCCESSFULLY' as const };
  },
});
