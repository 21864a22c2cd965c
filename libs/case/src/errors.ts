import type { Refusal } from '@workflows/shared';

/** Base of every error `decide` returns; `code` is stable and safe to branch on (and map to HTTP). */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  /** The error as plain data (for JSON output and logs: references only). */
  toJSON(): Record<string, unknown> {
    const own = Object.fromEntries(Object.entries(this).filter(([key]) => key !== 'name'));
    return { code: this.code, message: this.message, ...own };
  }
}

/** A field is missing or invalid (HTTP 400). */
export class ValidationError extends DomainError {
  readonly code = 'INVALID_FIELD';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'ValidationError';
  }
}

/** The pathway instance's state does not allow the command (HTTP 409/422). */
export class NotAllowedInStateError extends DomainError {
  readonly code = 'NOT_ALLOWED_IN_STATE';
  constructor(
    readonly pathway: string,
    readonly instanceId: string,
    readonly state: string,
    readonly command: string,
    /** Commands the state allows (subject to their data). */
    readonly allowed: readonly string[],
  ) {
    const list = allowed.length > 0 ? allowed.join(', ') : 'nothing (the pathway has ended)';
    super(`${command} is not allowed: ${pathway} ${instanceId} is in state '${state}'; allowed: ${list}`);
    this.name = 'NotAllowedInStateError';
  }
}

/** The command's date would put the history out of order (HTTP 422). */
export class OutOfOrderError extends DomainError {
  readonly code = 'OUT_OF_ORDER';
  constructor(
    readonly field: string,
    readonly notBefore: string,
    readonly anchor: string,
    message: string,
  ) {
    super(message);
    this.name = 'OutOfOrderError';
  }
}

/** The command names a pathway instance the case does not hold (HTTP 404). */
export class UnknownInstanceError extends DomainError {
  readonly code = 'UNKNOWN_INSTANCE';
  constructor(
    readonly pathway: string,
    readonly instanceId: string,
    readonly known: readonly string[],
  ) {
    super(`instanceId: the case has no ${pathway} instance '${instanceId}' (its ${pathway} instances: ${known.length > 0 ? known.join(', ') : 'none'})`);
    this.name = 'UnknownInstanceError';
  }
}

/** A new instance was asked for while another of the same pathway is still running (HTTP 409). */
export class InstanceStillActiveError extends DomainError {
  readonly code = 'INSTANCE_STILL_ACTIVE';
  constructor(
    readonly pathway: string,
    readonly instanceId: string,
    readonly state: string,
  ) {
    super(`instanceId: ${pathway} ${instanceId} is still open (state '${state}'): name it, or end it before starting a new one`);
    this.name = 'InstanceStillActiveError';
  }
}

/** No case with this id has been opened (HTTP 404). */
export class CaseNotFoundError extends DomainError {
  readonly code = 'CASE_NOT_FOUND';
  constructor(readonly caseId: string) {
    super(`caseId: no case '${caseId}' (open it with OpenCase first)`);
    this.name = 'CaseNotFoundError';
  }
}

export class CaseAlreadyOpenError extends DomainError {
  readonly code = 'CASE_ALREADY_OPEN';
  constructor(readonly caseId: string) {
    super(`caseId: case '${caseId}' is already open`);
    this.name = 'CaseAlreadyOpenError';
  }
}

/** No allegation with this id has been opened (HTTP 404). */
export class AllegationNotFoundError extends DomainError {
  readonly code = 'ALLEGATION_NOT_FOUND';
  constructor(readonly allegationId: string) {
    super(`allegationId: no allegation '${allegationId}' (open it with OpenAllegation first)`);
    this.name = 'AllegationNotFoundError';
  }
}

export class AllegationAlreadyOpenError extends DomainError {
  readonly code = 'ALLEGATION_ALREADY_OPEN';
  constructor(readonly allegationId: string) {
    super(`allegationId: allegation '${allegationId}' is already open`);
    this.name = 'AllegationAlreadyOpenError';
  }
}

/** A stored event the fold cannot apply: the history and the code disagree (a machine changed). */
export class HistoryInvalidError extends Error {
  readonly code = 'HISTORY_INVALID';
  constructor(message: string) {
    super(message);
    this.name = 'HistoryInvalidError';
  }
}

/** A pathway's refusal as a domain error, naming the instance and the commands its state allows. */
export function fromRefusal(
  refusal: Refusal,
  where: { readonly pathway: string; readonly instanceId: string; readonly command: string },
  commandFor: (eventType: string) => string,
): DomainError {
  switch (refusal.code) {
    case 'INVALID_FIELD':
      return new ValidationError(refusal.field, refusal.message);
    case 'OUT_OF_ORDER':
      return new OutOfOrderError(refusal.field, refusal.notBefore, refusal.anchor, refusal.message);
    case 'NOT_ALLOWED_IN_STATE':
      return new NotAllowedInStateError(where.pathway, where.instanceId, refusal.state, where.command, refusal.allowed.map(commandFor));
    default: {
      const unhandled: never = refusal;
      return unhandled;
    }
  }
}
