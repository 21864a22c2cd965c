/**
 * The one table from an error's stable `code` to its HTTP answer. Every error
 * the api can give is listed here; a code not listed is a 500 whose detail is
 * withheld (the log has it, under the request id).
 */
export const PROBLEM_TYPES = {
  VALIDATION_FAILED: { status: 400, title: 'The request is not valid' },
  INVALID_FIELD: { status: 400, title: 'A field is not valid' },
  MALFORMED_BODY: { status: 400, title: 'The request body is not valid JSON' },
  IDEMPOTENCY_KEY_MISSING: { status: 400, title: 'An Idempotency-Key header is required' },
  IDEMPOTENCY_KEY_INVALID: { status: 400, title: 'The Idempotency-Key header is not valid' },
  UNAUTHENTICATED: { status: 401, title: 'Authentication is required' },
  FORBIDDEN: { status: 403, title: 'Not allowed for this user' },
  NOT_FOUND: { status: 404, title: 'No such resource' },
  CASE_NOT_FOUND: { status: 404, title: 'Unknown case' },
  UNKNOWN_INSTANCE: { status: 404, title: 'Unknown pathway instance' },
  ALLEGATION_NOT_FOUND: { status: 404, title: 'Unknown allegation' },
  NOT_ALLOWED_IN_STATE: { status: 409, title: "Not allowed in the pathway's current state" },
  INSTANCE_STILL_ACTIVE: { status: 409, title: 'The pathway instance is still open' },
  CASE_ALREADY_OPEN: { status: 409, title: 'The case is already open' },
  STREAM_CONFLICT: { status: 409, title: 'Another writer changed the case first' },
  CASE_CONFLICT: { status: 409, title: 'The case kept changing while the command was recorded' },
  ALLEGATION_ALREADY_OPEN: { status: 409, title: 'The allegation is already open' },
  ALLEGATION_CONFLICT: { status: 409, title: 'The allegation kept changing while the command was recorded' },
  IDEMPOTENCY_KEY_IN_PROGRESS: { status: 409, title: 'A request with this Idempotency-Key is still being processed' },
  STREAM_DELETED: { status: 410, title: 'The record has been deleted' },
  PRECONDITION_FAILED: { status: 412, title: 'The case is not at the If-Match revision' },
  PAYLOAD_TOO_LARGE: { status: 413, title: 'The request body is too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'The request body must be JSON' },
  OUT_OF_ORDER: { status: 422, title: 'The date would put the history out of order' },
  IDEMPOTENCY_KEY_REUSED: { status: 422, title: 'The Idempotency-Key was used with a different request' },
  RATE_LIMITED: { status: 429, title: 'Too many requests' },
  INTERNAL: { status: 500, title: 'Internal error' },
  EVENT_STORE_UNAVAILABLE: { status: 503, title: 'The event store is unavailable' },
  EVENT_STORE_CLOSED: { status: 503, title: 'The event store is unavailable' },
  REDIS_UNAVAILABLE: { status: 503, title: 'Redis is unavailable' },
  AUTH_KEYS_UNAVAILABLE: { status: 503, title: "The identity provider's keys are unavailable" },
} as const satisfies Record<string, { readonly status: number; readonly title: string }>;

export type ProblemCode = keyof typeof PROBLEM_TYPES;

export function isProblemCode(code: unknown): code is ProblemCode {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(PROBLEM_TYPES, code);
}

/** The problem `type` URI of a code: a stable, non-resolvable URN (RFC 9457 allows it). */
export function problemTypeUri(code: ProblemCode): string {
  return `urn:csc:problem:${code.toLowerCase().replace(/_/g, '-')}`;
}
