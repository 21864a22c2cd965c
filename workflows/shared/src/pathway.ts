import { getNextTransitions, type AnyMachineSnapshot, type StateValue } from 'xstate';
import type { IsoInstant, LocalDate } from './dates';
import type { DeadlineIntent, DeadlineLedger } from './deadlines';
import { notAllowedInState, type Refusal } from './refusal';

/** Every pathway event carries when it happened: the instant, and the London date rules count. */
export interface PathwayEvent {
  readonly type: string;
  readonly occurredAt: IsoInstant;
  readonly occurredOn: LocalDate;
}

/** The context every pathway machine keeps: its deadline ledger, and the instance's first date. */
export interface PathwayContext {
  readonly ledger: DeadlineLedger;
  readonly startedOn: LocalDate | undefined;
}

export type Applied<TSnapshot> =
  | { readonly ok: true; readonly snapshot: TSnapshot; readonly intents: readonly DeadlineIntent[] }
  | { readonly ok: false; readonly refusal: Refusal };

/** 'onPlan.active' for `{ onPlan: 'active' }`. */
export function stateName(value: StateValue): string {
  if (typeof value === 'string') return value;
  return Object.entries(value)
    .map(([key, child]) => (child === undefined ? key : `${key}.${stateName(child)}`))
    .join(',');
}

/** Event types the state has a transition for (before guards look at the event's data). */
export function allowedEventTypes(snapshot: AnyMachineSnapshot): readonly string[] {
  if (snapshot.status !== 'active') return [];
  const types = getNextTransitions(snapshot)
    .map((t) => String(t.eventType))
    .filter((type) => type !== '' && !type.startsWith('xstate.'));
  return [...new Set(types)];
}

/** The intents a transition produced: the ledger journal's new tail. */
export function intentsBetween(before: DeadlineLedger, after: DeadlineLedger): readonly DeadlineIntent[] {
  return after.journal.slice(before.journal.length);
}

/** The first reason the pathway in `snapshot` would refuse `event`, or undefined. */
export function refusalFor<TContext extends PathwayContext, TEvent extends PathwayEvent>(
  snapshot: AnyMachineSnapshot & { readonly context: TContext },
  event: TEvent,
  validate: (context: TContext, event: TEvent) => Refusal | undefined,
): Refusal | undefined {
  const allowed = allowedEventTypes(snapshot);
  if (!allowed.includes(event.type)) return notAllowedInState(event.type, stateName(snapshot.value as StateValue), allowed);
  return validate(snapshot.context as TContext, event);
}


/**
 * Apply one event purely: refuse it with a reason, or return the next snapshot and the deadline
 * intents the transition produced. `step` is `transition(machine, snapshot, event)[0]`.
 */
export function applyWith<TContext extends PathwayContext, TSnapshot extends AnyMachineSnapshot & { readonly context: TContext }, TEvent extends PathwayEvent>(
  step: (snapshot: TSnapshot, event: TEvent) => TSnapshot,
  validate: (context: TContext, event: TEvent) => Refusal | undefined,
  snapshot: TSnapshot,
  event: TEvent,
): Applied<TSnapshot> {
  const refusal = refusalFor(snapshot, event, validate);
  if (refusal !== undefined) return { ok: false, refusal };
  const next = step(snapshot, event);
  if (next === snapshot) {
    return { ok: false, refusal: notAllowedInState(event.type, stateName(snapshot.value as StateValue), allowedEventTypes(snapshot)) };
  }
  const [before, after] = [snapshot.context as TContext, next.context as TContext];
  return { ok: true, snapshot: next, intents: intentsBetween(before.ledger, after.ledger) };
}
