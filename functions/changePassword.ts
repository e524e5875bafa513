import { ChangePasswordCommand } from '@aws-sdk/client-cognito-identity-provider';
import { z } from 'zod';
import { cognito } from './lib/cognito';
import { defineOperation } from './lib/operation';
import { password } from './lib/validate';

/** Changes the signed-in user's password; Cognito checks the old one and the pool's policy. */
export const handler = defineOperation('changePassword', {
  input: z.object({ oldPassword: password('old password'), newPassword: password('new password') }),
  async run(input, { accessToken }) {
    await cognito().send(
      new ChangePasswordCommand({
        AccessToken: accessToken,
        PreviousPassword: input.oldPassword,
        ProposedPassword: input.newPassword,
      }),
    );
    return { status: 'PASSWORD_CHANGED' as const };
  },
});
