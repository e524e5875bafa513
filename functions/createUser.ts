import { AdminCreateUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { z } from 'zod';
import { cognito } from './lib/cognito';
import { config } from './lib/config';
import { GatewayError } from './lib/errors';
import { defineOperation } from './lib/operation';
import { email, personName, phoneNumber } from './lib/validate';

/** Creates the user; Cognito generates the temporary password and e-mails the invitation. */
export const handler = defineOperation('createUser', {
  input: z.object({ email, fullName: personName('full name'), phoneNumber: phoneNumber.nullish() }),
  async run(input) {
    const out = await cognito().send(
      new AdminCreateUserCommand({
        UserPoolId: config.userPoolId(),
        Username: input.email,
        DesiredDeliveryMediums: ['EMAIL'],
        UserAttributes: [
          { Name: 'email', Value: input.email },
          // The invitation proves the address: only its owner can read the temporary password.
          { Name: 'email_verified', Value: 'true' },
          { Name: 'name', Value: input.fullName },
          ...(input.phoneNumber ? [{ Name: 'phone_number', Value: input.phoneNumber }] : []),
        ],
      }),
    );
    const userId = out.User?.Attributes?.find((a) => a.Name === 'sub')?.Value ?? out.User?.Username;
    if (!userId) throw new GatewayError('InternalError', 'Cognito returned no user id.');
    return { userId, email: input.email, status: 'CREATED' as const };
  },
});
