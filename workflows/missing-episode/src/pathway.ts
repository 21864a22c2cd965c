import { initialTransition, transition, type SnapshotFrom } from 'xstate';
import { allowedEventTypes, applyWith, refusalFor, stateName, type Applied, type Refusal } from '@workflows/shared';
import type { MissingEpisodeEvent, MissingEpisodeEventType } from './events';
import { missingEpisodeMachine } from './machine';
import { validateMissingEpisode } from './validate';

export type MissingEpisodeSnapshot = SnapshotFrom<typeof missingEpisodeMachine>;

/** A new missing episode, before it is reported. One instance per episode. */
export function startMissingEpisode(): MissingEpisodeSnapshot {
  return initialTransition(missingEpisodeMachine)[0];
}

/** Apply one recorded event: the next snapshot and its deadline intents, or why it is refused. */
export function applyMissingEpisode(snapshot: MissingEpisodeSnapshot, event: MissingEpisodeEvent): Applied<MissingEpisodeSnapshot> {
  return applyWith((s, e: MissingEpisodeEvent) => transition(missingEpisodeMachine, s, e)[0], validateMissingEpisode, snapshot, event);
}

export function allowedMissingEpisodeEvents(snapshot: MissingEpisodeSnapshot): readonly MissingEpisodeEventType[] {
  return allowedEventTypes(snapshot) as readonly MissingEpisodeEventType[];
}

export function missingEpisodeRefusal(snapshot: MissingEpisodeSnapshot, event: MissingEpisodeEvent): Refusal | undefined {
  return refusalFor(snapshot, event, validateMissingEpisode);
}

/** The state as one string, e.g. 'returned.offered'. */
export function missingEpisodeState(snapshot: MissingEpisodeSnapshot): string {
  return stateName(snapshot.value);
}
