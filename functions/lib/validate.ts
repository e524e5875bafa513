import * as v from 'valibot';
import { EMAIL_PATTERN } from '../../emailRule';
import { GatewayError } from './errors';

/**
 * Input rules checked before any AWS call. AppSync has already checked types and scalars; these
 * catch what GraphQL cannot express (lengths, code formats), with messages for people.
 *
 * Written with valibot, imported as `import * as v from 'valibot'`: every rule and action is its own
 * function, so esbuild keeps only those a function declares (about 5 KB); zod/mini took about 23 KB
 * for the same rules, classic zod over 400 KB.
 */

/** Rules of one field or of a whole input. */
export type Rules = v.GenericSchema;

/**
 * The input as the rules give it back (trimmed, lower-cased, defaults filled in), or a
 * ValidationError naming every field's first problem, in field order.
 */
export function parseInput<S extends Rules>(rules: S, value: unknown): v.InferOutput<S> {
  // One problem per field, as the resolvers that check input themselves answer (resolvers/lib/input.ts).
  const parsed = v.safeParse(rules, withEveryField(rules, value), { abortPipeEarly: true });
  if (!parsed.success) throw new GatewayError('ValidationError', parsed.issues.map((issue) => issue.message).join(' '));
  return parsed.output;
}

/**
 * An object's input with every field its rules name, left-out ones as undefined: valibot answers a
 * missing field with a generic "Invalid key", a present one with the field's own rule and message
 * ("The e-mail address is required.").
 */
function withEveryField(rules: Rules, value: unknown): unknown {
  const entries = (rules as { entries?: Record<string, unknown> }).entries;
  if (!entries || typeof value !== 'object' || value === null) return value;
  return { ...Object.fromEntries(Object.keys(entries).map((key) => [key, undefined])), ...value };
}

export const email = v.pipe(
  v.string('The e-mail address is required.'),
  v.trim(),
  v.toLowerCase(),
  v.maxLength(254, 'The e-mail address is too long.'),
  v.regex(new RegExp(`^${EMAIL_PATTERN}$`), 'Enter a valid e-mail address.'),
);

/** Passwords are checked against the pool's policy by Cognito; here only presence and size. */
export const password = (label = 'password') =>
  v.pipe(
    v.string(`The ${label} is required.`),
    v.minLength(1, `The ${label} is required.`),
    v.maxLength(256, `The ${label} is at most 256 characters.`),
  );

export const otp = v.pipe(v.string('The authenticator code is required.'), v.trim(), v.regex(/^\d{6}$/, 'The authenticator code is 6 digits.'));

export const verificationCode = v.pipe(
  v.string('The verification code is required.'),
  v.trim(),
  v.regex(/^\d{6,8}$/, 'The verification code is the 6-digit number from the e-mail.'),
);

/** Cognito sessions and tokens are opaque; bound their size so junk is refused before a call. */
export const opaque = (label: string, max = 4096) =>
  v.pipe(
    v.string(`The ${label} is required.`),
    v.trim(),
    v.minLength(20, `The ${label} is malformed.`),
    v.maxLength(max, `The ${label} is malformed.`),
  );

export const phoneNumber = v.pipe(v.string(), v.regex(/^\+[1-9]\d{6,14}$/, 'Use E.164 phone numbers, such as +447700900123.'));

export const personName = (label: string) =>
  v.pipe(v.string(), v.trim(), v.minLength(1, `The ${label} cannot be empty.`), v.maxLength(256, `The ${label} is at most 256 characters.`));

/** A trimmed string of at most `max` characters, or nothing. */
export const optionalText = (max: number, message: string) => v.nullish(v.pipe(v.string(), v.trim(), v.maxLength(max, message)));

/** Page sizes for the admin lists: Cognito's own maximum is 60; 20 when left out. */
export const pageLimit = v.nullish(
  v.pipe(v.number(), v.integer(), v.minValue(1, 'The limit is at least 1.'), v.maxValue(60, 'The limit is at most 60.')),
  20,
);

/** A pagination token handed back unchanged. */
export const pageToken = v.pipe(
  v.nullish(v.pipe(v.string(), v.maxLength(4096, 'The page token is malformed.'))),
  v.transform((t: string | null | undefined) => t || undefined),
);
