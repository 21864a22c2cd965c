import { EventStoreError, StoreUnavailableError } from '../errors';

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', '57P01', '57P02', '57P03', '53300']);

/** True for a PostgreSQL unique_violation (two writers racing for the same revision). */
export function isUniqueViolation(error: unknown): boolean {
  return codeOf(error) === '23505';
}

/** Connection failures become StoreUnavailableError; everything else is passed through. */
export function translateSqlError(error: unknown): unknown {
  if (error instanceof EventStoreError) return error;
  const code = codeOf(error);
  const message = error instanceof Error ? error.message : String(error);
  if (
    (code !== undefined && (CONNECTION_CODES.has(code) || code.startsWith('08'))) ||
    /Connection terminated|connection error|Client was closed|Cannot use a pool after calling end|PGlite is closed/i.test(message)
  ) {
    return new StoreUnavailableError(message, { cause: error });
  }
  return error;
}

function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code = (error).code;
  return typeof code === 'string' ? code : undefined;
}
