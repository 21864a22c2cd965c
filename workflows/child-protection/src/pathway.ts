import { initialTransition, transition, type SnapshotFrom } from 'xstate';
import { allowedEventTypes, applyWith, refusalFor, stateName, type Applied, type Refusal } from '@workflows/shared';
import type { ChildProtectionEvent, ChildProtectionEventType } from './events';
import { childProtectionMachine } from './machine';
import { validateChildProtection } from './validate';

export type ChildProtectionSnapshot = SnapshotFrom<typeof childProtectionMachine>;

/** A new pathway instance, before its first event. */
export function startChildProtection(): ChildProtectionSnapshot {
  return initialTransition(childProtectionMachine)[0];
}

/** Apply one recorded event: the next snapshot and its deadline intents, or why it is refused. */
export function applyChildProtection(snapshot: ChildProtectionSnapshot, event: ChildProtectionEvent): Applied<ChildProtectionSnapshot> {
  return applyWith((s, e: ChildProtectionEvent) => transition(childProtectionMachine, s, e)[0], validateChildProtection, snapshot, event);
}

/** Event types the current state accepts (subject to their data passing the guards). */
export function allowedChildProtectionEvents(snapshot: ChildProtectionSnapshot): readonly ChildProtectionEventType[] {
  return allowedEventTypes(snapshot) as readonly ChildProtectionEventType[];
}

export function childProtectionRefusal(snapshot: ChildProtectionSnapshot, event: ChildProtectionEvent): Refusal | undefined {
  return refusalFor(snapshot, event, validateChildProtection);
}

/** The state as one string, e.g. 'onPlan.active'. */
export function childProtectionState(snapshot: ChildProtectionSnapshot): string {
  return stateName(snapshot.value);
}
