import { InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import * as z from './lib/zod';
import { cognito } from './lib/cognito';
import { config } from './lib/config';
import { defineOperation } from './lib/operation';
import { toAuthTokens } from './lib/tokens';
import { opaque } from './lib/validate';

/**
 * New id and access tokens; Cognito refuses a refresh token that logout has revoked.
 * REFRESH_TOKEN_AUTH needs refresh-token rotation off in the app client, so the token sent
 * normally stays the user's refresh token.
 */
export const handler = defineOperation('refreshTokens', {
  input: z.object({ refreshToken: opaque('refresh token', 8192) }),
  async run(input) {
    const refreshed = await cognito().send(
      new InitiateAuthCommand({
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        ClientId: config.clientId(),
        AuthParameters: { REFRESH_TOKEN: input.refreshToken },
      }),
    );
    return toAuthTokens(refreshed.AuthenticationResult, input.refreshToken);
  },
});
