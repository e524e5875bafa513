/**
 * What the gateway's app client may read and write with a user's own access token, in Cognito's
 * attribute names. The client reads them in `GetUser` and the id token (`me`) and writes them in
 * `UpdateUserAttributes` (`updateProfile`). CDK and the offline pool both declare the client's
 * ReadAttributes and WriteAttributes from these lists.
 *
 * The e-mail is readable but never writable: it is the user's sign-in name and recovery address.
 * The account attributes (`accountAttributes.ts`) are in neither list: only the functions' roles
 * reach them, through Cognito's Admin* actions.
 */
export const clientReadAttributes = [
  'email',
  'email_verified',
  'name',
  'given_name',
  'family_name',
  'phone_number',
  'phone_number_verified',
] as const;

export const clientWriteAttributes = ['name', 'given_name', 'family_name', 'phone_number'] as const;
