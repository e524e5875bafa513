import { errors, missing } from './errors';

/** A field the request must have; `field` is Cognito's name for it in messages (camelCase). */
export function required<T>(value: T | null | undefined, field: string): T {
  if (value === undefined || value === null || value === '') throw missing(field);
  return value;
}

/**
 * A secret field the API model limits to `length` characters matching `pattern`, refused in the
 * model's words: every broken constraint is listed, and the value itself never (it is secret).
 */
export function modelConstrained(value: string, field: string, constraints: { length: number; pattern: RegExp; patternText: string }): string {
  const broken: string[] = [];
  if (!constraints.pattern.test(value)) broken.push(`Member must satisfy regular expression pattern: ${constraints.patternText}`);
  if (value.length < constraints.length) broken.push(`Member must have length greater than or equal to ${constraints.length}`);
  if (value.length > constraints.length) broken.push(`Member must have length less than or equal to ${constraints.length}`);
  if (broken.length === 0) return value;
  const count = broken.length === 1 ? '1 validation error detected' : `${broken.length} validation errors detected`;
  throw errors.invalidParameter(`${count}: ${broken.map((b) => `Value at '${field}' failed to satisfy constraint: ${b}`).join('; ')}`);
}
