/**
 * Custom user-pool attributes the gateway keeps on each user. The app client can neither read nor
 * write them (a user's own access token cannot reach them); only the functions' roles can, through
 * Cognito's Admin* actions. CDK and the offline pool declare them from this table.
 */
export const accountAttributes = {
  /** Keyed hashes of the user's unused recovery codes. */
  recoveryCodes: { name: 'recovery_codes', maxLength: 2048 },
  /** When the password was last reset with an e-mailed code (epoch seconds). */
  passwordResetAt: { name: 'password_reset_at', maxLength: 16 },
} as const;

export type AccountAttribute = keyof typeof accountAttributes;

/** The attribute's name as Cognito's APIs spell it. */
export const cognitoAttributeName = (attribute: AccountAttribute): `custom:${string}` =>
  `custom:${accountAttributes[attribute].name}`;
