import { missing } from './errors';

/** A field the request must have; `field` is Cognito's name for it in messages (camelCase). */
export function required<T>(value: T | null | undefined, field: string): T {
  if (value === undefined || value === null || value === '') throw missing(field);
  return value;
}
