import { GetTokensFromRefreshTokenCommand } from '@aws-sdk/client-cognito-identity-provider';
import * as z from './lib/zod';
import { cognito } from './lib/cognito';
import { config } from './lib/config';
import { defineOperation } from './lib/operation';
import { toAuthTokens } from './lib/tokens';
import { opaque } from './lib/validate';

/**
 * New id and access tokens; Cognito refuses a refresh token that logout has revoked.
 * GetTokensFromRefreshToken works with refresh-token rotation on or off: with it on, Cognito sends
 * a new refresh token (returned in place of the one sent, which dies after the grace period);
 * with it off, none, and the one sent stays the user's.
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetTokensFromRefreshToken.html
 */
export const handler = defineOperation('refreshTokens', {
  input: z.object({ refreshToken: opaque('refresh token', 8192) }),
  async run(input) {
    const refreshed = await cognito().send(
      new GetTokensFromRefreshTokenCommand({ ClientId: config.clientId(), RefreshToken: input.refreshToken }),
    );
    return toAuthTokens(refreshed.AuthenticationResult, input.refreshToken);
  },
});
