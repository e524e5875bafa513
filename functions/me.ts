import { GetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import * as z from './lib/zod';
import { cognito } from './lib/cognito';
import { defineOperation } from './lib/operation';
import { toUser } from './lib/user';

/** The signed-in user's profile; asking Cognito (not just decoding the token) refuses revoked tokens. */
export const handler = defineOperation('me', {
  input: z.object({}),
  async run(_input, { accessToken }) {
    const out = await cognito().send(new GetUserCommand({ AccessToken: accessToken }));
    return toUser(out, accessToken);
  },
});
