/** The request carries no valid bearer token (HTTP 401). `message` says why, never echoing the token. */
export class AuthenticationError extends Error {
  readonly code = 'UNAUTHENTICATED';
  constructor(reason: string) {
    super(reason);
    this.name = 'AuthenticationError';
  }
}

/** The principal is known but may not do this (HTTP 403). `message` names the rule, never the child. */
export class ForbiddenError extends Error {
  readonly code = 'FORBIDDEN';
  constructor(reason: string) {
    super(reason);
    this.name = 'ForbiddenError';
  }
}

/** The identity provider's keys cannot be fetched, so no token can be checked (HTTP 503). */
export class AuthKeysUnavailableError extends Error {
  readonly code = 'AUTH_KEYS_UNAVAILABLE';
  constructor(reason: string, options?: { cause?: unknown }) {
    super(`The identity provider's signing keys are unavailable: ${reason}`, options);
    this.name = 'AuthKeysUnavailableError';
  }
}
