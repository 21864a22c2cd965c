import { isBefore, isIsoInstant, isLocalDate, localDateFits, type LocalDate } from './dates';
import { openDeadlines, type DeadlineLedger } from './deadlines';
import type { PathwayEvent } from './pathway';
import { invalidField, outOfOrder, type Refusal } from './refusal';

/** The dates every pathway event carries: well formed, consistent, not before the instance began. */
export function checkOccurrence(event: PathwayEvent, startedOn: LocalDate | undefined): Refusal | undefined {
  if (!isIsoInstant(event.occurredAt)) return invalidField('occurredAt', 'an ISO-8601 instant with an offset');
  if (!isLocalDate(event.occurredOn)) return invalidField('occurredOn', 'a local date YYYY-MM-DD');
  if (!localDateFits(event.occurredAt, event.occurredOn)) {
    return invalidField('occurredOn', `the London date of occurredAt ${event.occurredAt}`);
  }
  if (startedOn !== undefined && isBefore(event.occurredOn, startedOn)) {
    return outOfOrder('occurredOn', event.occurredOn, startedOn, 'the start of this pathway instance');
  }
  return undefined;
}

/**
 * A deadline cannot be closed before it was triggered: refuse a date before the trigger of any
 * open deadline of the given series (all series when none are named).
 */
export function notBeforeOpen(
  ledger: DeadlineLedger,
  on: LocalDate,
  series?: readonly string[],
  field = 'occurredOn',
): Refusal | undefined {
  for (const deadline of openDeadlines(ledger)) {
    if (series !== undefined && !series.includes(deadline.series)) continue;
    if (isBefore(on, deadline.trigger.on)) {
      return outOfOrder(field, on, deadline.trigger.on, `${deadline.trigger.event} (which opened '${deadline.key}')`);
    }
  }
  return undefined;
}

export function oneOf<T extends string>(value: unknown, allowed: readonly T[], field: string): Refusal | undefined {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value)
    ? undefined
    : invalidField(field, `one of ${allowed.join(', ')}`);
}

export function reference(value: unknown, field: string): Refusal | undefined {
  return typeof value === 'string' && value.trim().length > 0 ? undefined : invalidField(field, 'a non-empty reference id');
}

export function flag(value: unknown, field: string): Refusal | undefined {
  return typeof value === 'boolean' ? undefined : invalidField(field, 'true or false');
}

export function positiveInteger(value: unknown, field: string): Refusal | undefined {
  return Number.isInteger(value) && (value as number) > 0 ? undefined : invalidField(field, 'a whole number from 1');
}

/** The first refusal of a list of checks (each evaluated lazily). */
export function firstRefusal(...checks: readonly (() => Refusal | undefined)[]): Refusal | undefined {
  for (const check of checks) {
    const refusal = check();
    if (refusal !== undefined) return refusal;
  }
  return undefined;
}

/** A list of distinct codes, each one of `allowed` (empty unless `nonEmpty`): facts for analysis, never free text. */
export function codeList<T extends string>(value: unknown, allowed: readonly T[], field: string, nonEmpty = false): Refusal | undefined {
  const expected = `a list of distinct codes from ${allowed.join(', ')}${nonEmpty ? ' (at least one)' : ''}`;
  if (!Array.isArray(value) || (nonEmpty && value.length === 0)) return invalidField(field, expected);
  const items = value as unknown[];
  const bad = items.findIndex((item, index) => oneOf(item, allowed, field) !== undefined || items.indexOf(item) !== index);
  return bad === -1 ? undefined : invalidField(`${field}[${bad}]`, expected);
}

/** A non-empty list of distinct reference ids (the children an allegation concerns). */
export function referenceList(value: unknown, field: string): Refusal | undefined {
  if (!Array.isArray(value) || value.length === 0) return invalidField(field, 'a non-empty list of reference ids');
  const items = value as unknown[];
  const bad = items.findIndex((item, index) => reference(item, field) !== undefined || items.indexOf(item) !== index);
  return bad === -1 ? undefined : invalidField(`${field}[${bad}]`, 'a distinct non-empty reference id');
}
