import { initialTransition, transition, type SnapshotFrom } from 'xstate';
import { allowedEventTypes, applyWith, refusalFor, stateName, type Applied, type Refusal } from '@workflows/shared';
import type { LookedAfterEvent, LookedAfterEventType } from './events';
import { lookedAfterMachine } from './machine';
import { validateLookedAfter } from './validate';

export type LookedAfterSnapshot = SnapshotFrom<typeof lookedAfterMachine>;

/** A new period of care, before the child becomes looked after. */
export function startLookedAfter(): LookedAfterSnapshot {
  return initialTransition(lookedAfterMachine)[0];
}

/** Apply one recorded event: the next snapshot and its deadline intents, or why it is refused. */
export function applyLookedAfter(snapshot: LookedAfterSnapshot, event: LookedAfterEvent): Applied<LookedAfterSnapshot> {
  return applyWith((s, e: LookedAfterEvent) => transition(lookedAfterMachine, s, e)[0], validateLookedAfter, snapshot, event);
}

export function allowedLookedAfterEvents(snapshot: LookedAfterSnapshot): readonly LookedAfterEventType[] {
  return allowedEventTypes(snapshot) as readonly LookedAfterEventType[];
}

export function lookedAfterRefusal(snapshot: LookedAfterSnapshot, event: LookedAfterEvent): Refusal | undefined {
  return refusalFor(snapshot, event, validateLookedAfter);
}

/** The state as one string, e.g. 'lookedAfter.adjourned'. */
export function lookedAfterState(snapshot: LookedAfterSnapshot): string {
  return stateName(snapshot.value);
}
