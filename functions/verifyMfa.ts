import { RespondToAuthChallengeCommand } from '@aws-sdk/client-cognito-identity-provider';
import * as z from './lib/zod';
import { cognito } from './lib/cognito';
import { config } from './lib/config';
import { defineOperation } from './lib/operation';
import { toAuthTokens } from './lib/tokens';
import { email, opaque, otp } from './lib/validate';

/** Second login step: Cognito checks the authenticator code against the login session. */
export const handler = defineOperation('verifyMfa', {
  input: z.object({ email, verificationSession: opaque('verification session'), otp }),
  async run(input) {
    const signedIn = await cognito().send(
      new RespondToAuthChallengeCommand({
        ChallengeName: 'SOFTWARE_TOKEN_MFA',
        ClientId: config.clientId(),
        Session: input.verificationSession,
        ChallengeResponses: { USERNAME: input.email, SOFTWARE_TOKEN_MFA_CODE: input.otp },
      }),
    );
    return toAuthTokens(signedIn.AuthenticationResult);
  },
});
