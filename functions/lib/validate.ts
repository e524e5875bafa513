import { z } from 'zod';

/**
 * Input rules checked before any AWS call. AppSync has already checked types and scalars; these
 * catch what GraphQL cannot express (lengths, code formats), with messages for people.
 */
export const email = z
  .string({ message: 'The e-mail address is required.' })
  .trim()
  .toLowerCase()
  .max(254, 'The e-mail address is too long.')
  .pipe(z.email({ message: 'Enter a valid e-mail address.' }));

/** Passwords are checked against the pool's policy by Cognito; here only presence and size. */
export const password = (label = 'password') =>
  z
    .string({ message: `The ${label} is required.` })
    .min(1, `The ${label} is required.`)
    .max(256, `The ${label} is at most 256 characters.`);

export const otp = z
  .string({ message: 'The authenticator code is required.' })
  .trim()
  .regex(/^\d{6}$/, 'The authenticator code is 6 digits.');

export const verificationCode = z
  .string({ message: 'The verification code is required.' })
  .trim()
  .regex(/^\d{6,8}$/, 'The verification code is the 6-digit number from the e-mail.');

/** Cognito sessions and tokens are opaque; bound their size so junk is refused before a call. */
export const opaque = (label: string, max = 4096) =>
  z
    .string({ message: `The ${label} is required.` })
    .trim()
    .min(20, `The ${label} is malformed.`)
    .max(max, `The ${label} is malformed.`);

export const phoneNumber = z.string().regex(/^\+[1-9]\d{6,14}$/, 'Use E.164 phone numbers, such as +447700900123.');

export const personName = (label: string) =>
  z.string().trim().min(1, `The ${label} cannot be empty.`).max(256, `The ${label} is at most 256 characters.`);

/** Page sizes for the admin lists: Cognito's own maximum is 60. */
export const pageLimit = z.number().int().min(1, 'The limit is at least 1.').max(60, 'The limit is at most 60.').nullish().transform((n) => n ?? 20);

/** A pagination token handed back unchanged. */
export const pageToken = z.string().max(4096, 'The page token is malformed.').nullish().transform((t) => t || undefined);
