import { StartWebAuthnRegistrationCommand } from '@aws-sdk/client-cognito-identity-provider';
import * as v from 'valibot';
import { cognito } from './lib/cognito';
import { GatewayError } from './lib/errors';
import { defineOperation } from './lib/operation';
import { requirePasskeys } from './lib/passkeys';
import { requireRecentSignIn } from './lib/reauth';

/**
 * The options for navigator.credentials.create(), as Cognito makes them for the signed-in user.
 * A recent sign-in is required: a stolen, older token cannot add a passkey of its own and keep
 * the account after the password is changed.
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_StartWebAuthnRegistration.html
 */
export const handler = defineOperation('startPasskeyRegistration', {
  input: v.object({}),
  async run(_input, { accessToken }) {
    requirePasskeys();
    requireRecentSignIn(accessToken);
    const answer = await cognito().send(new StartWebAuthnRegistrationCommand({ AccessToken: accessToken }));
    if (!answer.CredentialCreationOptions) throw new GatewayError('InternalError', 'Cognito returned no passkey options.');
    return { options: JSON.stringify(answer.CredentialCreationOptions) };
  },
});
