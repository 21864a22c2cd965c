import { DomainError, type CaseDeadline, type Decision } from '@csc/case';

/** Every code a decider may refuse with (README: Errors). */
export const DOMAIN_CODES = new Set([
  'INVALID_FIELD', 'NOT_ALLOWED_IN_STATE', 'OUT_OF_ORDER', 'UNKNOWN_INSTANCE', 'INSTANCE_STILL_ACTIVE', 'CASE_NOT_FOUND', 'CASE_ALREADY_OPEN',
  'ALLEGATION_NOT_FOUND', 'ALLEGATION_ALREADY_OPEN',
]);

export class InvariantError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvariantError';
  }
}

export function check(condition: boolean, message: () => string): asserts condition {
  if (!condition) throw new InvariantError(message());
}

/** Runs `f`; an exception is an invariant failure naming what was being done. */
export function noThrow<T>(what: string, f: () => T): T {
  try {
    return f();
  } catch (error) {
    if (error instanceof InvariantError) throw error;
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    throw new InvariantError(`${what} threw ${detail}`);
  }
}

/** A refusal is a DomainError with a known, stable code that serialises; an acceptance has events. */
export function checkDecision<E>(decision: Decision<E>, describe: () => string): void {
  check(typeof decision === 'object' && decision !== null && typeof decision.ok === 'boolean', () => `decision is not {ok, ...}: ${describe()}`);
  if (decision.ok) {
    check(Array.isArray(decision.events), () => `accepted without an events array: ${describe()}`);
    return;
  }
  const { error } = decision;
  check(error instanceof DomainError, () => `refusal is not a DomainError (${String(error)}): ${describe()}`);
  check(typeof error.code === 'string' && DOMAIN_CODES.has(error.code), () => `unknown refusal code ${String(error.code)}: ${describe()}`);
  check(typeof error.message === 'string' && error.message.length > 0, () => `refusal without a message (${error.code}): ${describe()}`);
  const json = noThrow('error.toJSON', () => JSON.parse(JSON.stringify(error.toJSON())) as Record<string, unknown>);
  check(json.code === error.code, () => `toJSON lost the code: ${describe()}`);
  if (error.code === 'INVALID_FIELD' || error.code === 'OUT_OF_ORDER') {
    check(typeof json.field === 'string' && json.field.length > 0, () => `${error.code} does not name its field: ${describe()}`);
  }
}

/** The deadline fields that must be present together, by status. */
function checkStatus(d: Pick<CaseDeadline, 'id' | 'status' | 'breach' | 'cancelReason' | 'closedBy' | 'dueInstant'>, asOf: number): void {
  const closed = d.closedBy !== null;
  switch (d.status) {
    case 'open':
      check(!closed && d.breach === null && d.cancelReason === null, () => `${d.id}: open but closed/breached/cancelled`);
      check(d.dueInstant === null || Date.parse(d.dueInstant) > asOf, () => `${d.id}: open at or past its due instant ${String(d.dueInstant)}`);
      return;
    case 'met-on-time':
    case 'met-late':
      check(closed && d.closedBy.kind === 'meet' && d.breach === null && d.cancelReason === null, () => `${d.id}: ${d.status} without a meeting event`);
      if (d.dueInstant !== null) {
        const late = Date.parse(d.closedBy.occurredAt) >= Date.parse(d.dueInstant);
        check(late === (d.status === 'met-late'), () => `${d.id}: ${d.status} but closed ${d.closedBy?.occurredAt} against due ${String(d.dueInstant)}`);
      }
      return;
    case 'cancelled':
      check(closed && d.closedBy.kind === 'cancel' && d.cancelReason !== null && d.breach === null, () => `${d.id}: cancelled without a cancelling event and reason`);
      return;
    case 'breached':
      check(
        d.breach === 'lapsed' ? closed && d.closedBy.kind === 'lapse' : d.breach === 'overdue' && !closed && d.dueInstant !== null && Date.parse(d.dueInstant) <= asOf,
        () => `${d.id}: breached (${String(d.breach)}) inconsistently`,
      );
      return;
    default:
      throw new InvariantError(`${String(d.id)}: status ${String(d.status)} is not one of the five`);
  }
}

/** The deadline shape shared by a case's and an allegation's deadlines. */
export type AnyDeadline = Omit<CaseDeadline, 'caseId' | 'owner'> & { readonly owner: { readonly kind: string; readonly ref: string | null } };

/**
 * The deadline invariants as of `asOf`: unique ids; exactly one status with the fields it needs;
 * due not before the trigger; a closing not before its trigger and not after asOf; nothing
 * triggered after asOf.
 */
export function checkDeadlines(deadlines: readonly AnyDeadline[], asOf: string, idOf: (d: AnyDeadline) => string): void {
  const at = Date.parse(asOf);
  const seen = new Set<string>();
  for (const d of deadlines) {
    check(!seen.has(d.id), () => `duplicate deadline id ${d.id}`);
    seen.add(d.id);
    check(d.id === idOf(d), () => `deadline id ${d.id} is not ${idOf(d)}`);
    check(Date.parse(d.trigger.occurredAt) <= at, () => `${d.id}: triggered ${d.trigger.occurredAt} after asOf ${asOf}`);
    // A rule that counts back from a planned meeting (ENF-01: the report N working days before the
    // review as scheduled) may fall due before it was triggered (a review scheduled days ahead);
    // every other due date is on or after its trigger.
    const countsBack = d.dueDate !== null && d.dueDate < d.countsFrom;
    if (countsBack) check(d.countsFrom >= d.trigger.occurredOn, () => `${d.id}: counts back from ${d.countsFrom}, before its trigger on ${d.trigger.occurredOn}`);
    if (!countsBack && d.dueDate !== null) check(d.dueDate >= d.trigger.occurredOn, () => `${d.id}: due ${String(d.dueDate)} before its trigger on ${d.trigger.occurredOn}`);
    if (!countsBack && d.dueInstant !== null) {
      check(Date.parse(d.dueInstant) >= Date.parse(d.trigger.occurredAt), () => `${d.id}: due ${String(d.dueInstant)} before its trigger at ${d.trigger.occurredAt}`);
    }
    check((d.dueDate === null) === (d.dueInstant === null), () => `${d.id}: dueDate and dueInstant disagree on being set`);
    check(d.dueDate !== null || (typeof d.timescale === 'string' && d.timescale.length > 0), () => `${d.id}: no due date and no timescale text`);
    checkStatus(d, at);
    if (d.closedBy !== null) {
      const { closedBy } = d;
      check(closedBy.occurredOn >= d.trigger.occurredOn, () => `${d.id}: closed on ${closedBy.occurredOn} before its trigger on ${d.trigger.occurredOn}`);
      check(Date.parse(closedBy.occurredAt) <= at, () => `${d.id}: closing at ${closedBy.occurredAt} counted before it happened (asOf ${asOf})`);
    }
  }
}
