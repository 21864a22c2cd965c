import { RequestValidationError } from '../http/errors';

/** A whole number query parameter within bounds, or its default; a bad value names the field. */
export function intParam(value: string | undefined, field: string, fallback: number, min: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) throw new RequestValidationError([{ field, message: `must be a whole number from ${min} to ${max}` }]);
  return n;
}
