/** The client's If-Match revision is not the case's current one: nothing was recorded (HTTP 412). */
export class PreconditionFailedError extends Error {
  readonly code = 'PRECONDITION_FAILED';
  constructor(
    /** The revision the client said it saw. */
    readonly expected: number,
    /** The case's revision now (-1: no case; null: it moved while the command was recorded). */
    readonly actual: number | null,
  ) {
    super(`If-Match: the case is at revision ${actual ?? 'past ' + String(expected)}, not ${expected}: it changed since you read it; read it again and decide again`);
    this.name = 'PreconditionFailedError';
  }
}
