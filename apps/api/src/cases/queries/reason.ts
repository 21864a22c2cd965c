import { RequestValidationError } from '../../http/errors';
import type { AuthenticatedRequest } from '../../http/principal';
import { REASON_HEADER } from './queries';

const PRINTABLE = /^[\p{L}\p{N}\p{P}\p{S} ]{1,200}$/u;

/** The reader's reason, from the X-Access-Reason header or ?reason= (already validated); null when none. */
export function reasonOf(request: AuthenticatedRequest, fromQuery: string | undefined): string | null {
  const header = request.header(REASON_HEADER);
  if (header === undefined || header.trim() === '') return fromQuery ?? null;
  if (!PRINTABLE.test(header.trim())) throw new RequestValidationError([{ field: REASON_HEADER, message: 'must be printable text on one line, at most 200 characters' }]);
  return header.trim();
}
