import * as z from './zod';

/**
 * Input rules checked before any AWS call. AppSync has already checked types and scalars; these
 * catch what GraphQL cannot express (lengths, code formats), with messages for people.
 */
export const email = z.pipe(
  z
    .string({ message: 'The e-mail address is required.' })
    .check(z.trim(), z.toLowerCase(), z.maxLength(254, 'The e-mail address is too long.')),
  z.email({ message: 'Enter a valid e-mail address.' }),
);

/** Passwords are checked against the pool's policy by Cognito; here only presence and size. */
export const password = (label = 'password') =>
  z
    .string({ message: `The ${label} is required.` })
    .check(z.minLength(1, `The ${label} is required.`), z.maxLength(256, `The ${label} is at most 256 characters.`));

export const otp = z
  .string({ message: 'The authenticator code is required.' })
  .check(z.trim(), z.regex(/^\d{6}$/, 'The authenticator code is 6 digits.'));

export const verificationCode = z
  .string({ message: 'The verification code is required.' })
  .check(z.trim(), z.regex(/^\d{6,8}$/, 'The verification code is the 6-digit number from the e-mail.'));

/** Cognito sessions and tokens are opaque; bound their size so junk is refused before a call. */
export const opaque = (label: string, max = 4096) =>
  z
    .string({ message: `The ${label} is required.` })
    .check(z.trim(), z.minLength(20, `The ${label} is malformed.`), z.maxLength(max, `The ${label} is malformed.`));

export const phoneNumber = z.string().check(z.regex(/^\+[1-9]\d{6,14}$/, 'Use E.164 phone numbers, such as +447700900123.'));

export const personName = (label: string) =>
  z
    .string()
    .check(z.trim(), z.minLength(1, `The ${label} cannot be empty.`), z.maxLength(256, `The ${label} is at most 256 characters.`));

/** A trimmed string of at most `max` characters, or nothing. */
export const optionalText = (max: number, message: string) => z.nullish(z.string().check(z.trim(), z.maxLength(max, message)));

/** Page sizes for the admin lists: Cognito's own maximum is 60. */
export const pageLimit = z.pipe(
  z.nullish(z.number().check(z.int(), z.gte(1, 'The limit is at least 1.'), z.lte(60, 'The limit is at most 60.'))),
  z.transform((n: number | null | undefined) => n ?? 20),
);

/** A pagination token handed back unchanged. */
export const pageToken = z.pipe(
  z.nullish(z.string().check(z.maxLength(4096, 'The page token is malformed.'))),
  z.transform((t: string | null | undefined) => t || undefined),
);
