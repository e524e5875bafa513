import { GlobalSignOutCommand } from '@aws-sdk/client-cognito-identity-provider';
import * as v from 'valibot';
import { cognito } from './lib/cognito';
import { defineOperation } from './lib/operation';

/**
 * Revokes every refresh token of the user. Cognito refuses the user's access tokens from now on
 * (so `me` fails), though their signatures stay valid until they expire.
 */
export const handler = defineOperation('logout', {
  input: v.object({}),
  async run(_input, { accessToken }) {
    await cognito().send(new GlobalSignOutCommand({ AccessToken: accessToken }));
    return { status: 'LOGGED_OUT' as const };
  },
});
