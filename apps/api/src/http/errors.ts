/** Errors the HTTP edge itself raises; each `code` is a row of PROBLEM_TYPES. */

export interface FieldError {
  /** The field's path in the request: `occurredAt`, `attendance[0].role`, `Idempotency-Key`. */
  readonly field: string;
  readonly message: string;
}

/** The request failed validation; `errors` names every field and why. */
export class RequestValidationError extends Error {
  readonly code = 'VALIDATION_FAILED';
  constructor(readonly errors: readonly FieldError[]) {
    super(errors.map((error) => `${error.field}: ${error.message}`).join('; '));
    this.name = 'RequestValidationError';
  }
}

/** An error of the HTTP edge with a code from PROBLEM_TYPES and, optionally, when to retry. */
export class HttpEdgeError extends Error {
  constructor(
    readonly code: 'MALFORMED_BODY' | 'PAYLOAD_TOO_LARGE' | 'UNSUPPORTED_MEDIA_TYPE' | 'NOT_FOUND' | 'RATE_LIMITED' | 'IDEMPOTENCY_KEY_MISSING' | 'IDEMPOTENCY_KEY_INVALID' | 'IDEMPOTENCY_KEY_IN_PROGRESS' | 'IDEMPOTENCY_KEY_REUSED',
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'HttpEdgeError';
  }
}
