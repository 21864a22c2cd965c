/** Base of every error the event-store port throws; `code` is stable and safe to map (HTTP, BullMQ). */
export abstract class EventStoreError extends Error {
  abstract readonly code: string;
}

/** The stream is not at the revision the writer expected: someone else wrote first (HTTP 409). */
export class WrongExpectedRevisionError extends EventStoreError {
  readonly code = 'STREAM_CONFLICT';
  constructor(
    readonly streamId: string,
    readonly expected: string,
    /** The stream's current revision; -1 when it has no events. */
    readonly actual: number,
  ) {
    super(`Stream ${streamId} is at revision ${actual}, but the append expected ${expected}`);
    this.name = 'WrongExpectedRevisionError';
  }
}

/** The event store cannot be reached (connection refused, dropped, closed). Retrying later may succeed. */
export class StoreUnavailableError extends EventStoreError {
  readonly code = 'EVENT_STORE_UNAVAILABLE';
  constructor(reason: string, options?: { cause?: unknown }) {
    super(`The event store is unavailable: ${reason}`, options);
    this.name = 'StoreUnavailableError';
  }
}

/** The stream was deleted (tombstoned) and can no longer be read or written. */
export class StreamDeletedError extends EventStoreError {
  readonly code = 'STREAM_DELETED';
  constructor(readonly streamId: string) {
    super(`Stream ${streamId} has been deleted`);
    this.name = 'StreamDeletedError';
  }
}

/** An append or read was malformed (an empty append, a bad id, a bad instant); it changed nothing. */
export class InvalidAppendError extends EventStoreError {
  readonly code = 'EVENT_STORE_INVALID_REQUEST';
  constructor(
    readonly field: string,
    reason: string,
  ) {
    super(`${field}: ${reason}`);
    this.name = 'InvalidAppendError';
  }
}

/** The store has been closed by its owner; nothing more can be done with it. */
export class StoreClosedError extends EventStoreError {
  readonly code = 'EVENT_STORE_CLOSED';
  constructor() {
    super('The event store has been closed');
    this.name = 'StoreClosedError';
  }
}
