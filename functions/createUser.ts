import { AdminCreateUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import * as v from 'valibot';
import { cognito } from './lib/cognito';
import { config } from './lib/config';
import { isAwsError } from './lib/errors';
import { defineOperation } from './lib/operation';
import { email, personName, phoneNumber } from './lib/validate';

/**
 * Creates the user; Cognito generates the temporary password and e-mails the invitation.
 * Invoked asynchronously (operations.ts): the caller has already had the answer, which is the same
 * for a new address and one that has an account. An existing account is left as it is and gets no
 * e-mail; its owner recovers with resendTemporaryPassword or forgotPassword. The result below
 * is the same neutral answer, in case the function is ever invoked synchronously again.
 */
export const handler = defineOperation('createUser', {
  input: v.object({ email, fullName: personName('full name'), phoneNumber: v.nullish(phoneNumber) }),
  async run(input) {
    const created = { userId: null, email: input.email, status: 'CREATED' as const };
    try {
      await createInCognito(input);
    } catch (err) {
      if (!isAwsError(err, ['UsernameExistsException'])) throw err;
    }
    return created;
  },
});

async function createInCognito(input: { email: string; fullName: string; phoneNumber?: string | null }): Promise<void> {
  await cognito().send(
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
}
