import { util } from '@aws-appsync/utils';
import { EMAIL_PATTERN } from '../../emailRule';

/**
 * The functions' input rules (functions/lib/validate.ts), for resolvers that check input
 * themselves: the same values pass, with the same messages, before any data source is called.
 */

/** The input check the function would make, made here so a malformed request still hears why. */
export function refuseInput(message: string): never {
  return util.error(message, 'ValidationError');
}

/**
 * Refuses the input when any rule failed, with every failure's message in field order, as the
 * functions answer a whole input at once.
 */
export function refuseProblems(problems: Array<string | null>): void {
  const found = problems.filter((problem) => problem !== null);
  if (found.length > 0) refuseInput(found.join(' '));
}

/** The address as the functions key it: trimmed and lower-cased. */
export function emailOf(value: unknown): string {
  return typeof value === 'string' ? value.trim().toLowerCase() : '';
}

/** What is wrong with an address (as `emailOf` gives it back), or null. */
export function emailProblem(value: unknown): string | null {
  if (typeof value !== 'string') return 'The e-mail address is required.';
  const address = emailOf(value);
  if (address.length > 254) return 'The e-mail address is too long.';
  return util.matches(EMAIL_PATTERN, address) ? null : 'Enter a valid e-mail address.';
}

/** The address as the function keys it, refused as the function would refuse it. */
export function normalEmail(value: string): string {
  const problem = emailProblem(value);
  if (problem) refuseInput(problem);
  return emailOf(value);
}

/** The trimmed value of a string argument, '' for anything else. */
export function trimmed(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/** Cognito sessions and tokens are opaque; their size is bounded so junk is refused before a call. */
export function opaqueProblem(value: unknown, label: string, max: number): string | null {
  if (typeof value !== 'string') return `The ${label} is required.`;
  const length = value.trim().length;
  return length < 20 || length > max ? `The ${label} is malformed.` : null;
}

/** An authenticator code: six digits once trimmed. */
export function otpProblem(value: unknown): string | null {
  if (typeof value !== 'string') return 'The authenticator code is required.';
  return util.matches('\\d{6}', value.trim()) ? null : 'The authenticator code is 6 digits.';
}
