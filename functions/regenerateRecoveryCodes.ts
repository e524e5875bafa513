import { GetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import * as v from 'valibot';
import { writeAccountAttributes } from './lib/account';
import { cognito } from './lib/cognito';
import { GatewayError } from './lib/errors';
import { defineOperation } from './lib/operation';
import { requireRecentSignIn } from './lib/reauth';
import { config } from './lib/config';
import { newRecoveryCodes } from './lib/recoveryCodes';
import { toUser } from './lib/user';

/**
 * A new set of ten recovery codes for the signed-in user; every older code stops working. The
 * codes live where the user's own token cannot reach, so the gateway writes them with its role,
 * for the user Cognito has just identified by the token.
 */
export const handler = defineOperation('regenerateRecoveryCodes', {
  input: v.object({}),
  async run(_input, { accessToken }) {
    requireRecentSignIn(accessToken);
    const user = toUser(await cognito().send(new GetUserCommand({ AccessToken: accessToken })), accessToken);
    if (!user.email) throw new GatewayError('InternalError', 'Cognito returned no e-mail address.');
    const set = await newRecoveryCodes(config.recoveryCodeCost());
    await writeAccountAttributes(user.email, { recoveryCodes: set.stored });
    return { recoveryCodes: set.codes };
  },
});
