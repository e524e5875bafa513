import { GetUserCommand, UpdateUserAttributesCommand } from '@aws-sdk/client-cognito-identity-provider';
import * as v from 'valibot';
import { cognito } from './lib/cognito';
import { defineOperation } from './lib/operation';
import { toUser } from './lib/user';
import { personName, phoneNumber } from './lib/validate';

/** Input fields and the Cognito attributes they set, in the order they are sent. */
const ATTRIBUTES = [
  ['fullName', 'name'],
  ['givenName', 'given_name'],
  ['familyName', 'family_name'],
  ['phoneNumber', 'phone_number'],
] as const;

// A null field is treated like a missing one: "left out, unchanged", never "erase".
const input = v.pipe(
  v.object({
    fullName: v.nullish(personName('full name')),
    givenName: v.nullish(personName('given name')),
    familyName: v.nullish(personName('family name')),
    phoneNumber: v.nullish(phoneNumber),
  }),
  v.check(
    (fields) => ATTRIBUTES.some(([field]) => fields[field] != null),
    'Give at least one of fullName, givenName, familyName or phoneNumber.',
  ),
);

/** Updates the given profile fields, then answers with the profile as Cognito now has it. */
export const handler = defineOperation('updateProfile', {
  input,
  async run(fields, { accessToken }) {
    const attributes = ATTRIBUTES.flatMap(([field, name]) => {
      const value = fields[field];
      return value == null ? [] : [{ Name: name, Value: value }];
    });
    await cognito().send(new UpdateUserAttributesCommand({ AccessToken: accessToken, UserAttributes: attributes }));
    const out = await cognito().send(new GetUserCommand({ AccessToken: accessToken }));
    return toUser(out, accessToken);
  },
});
