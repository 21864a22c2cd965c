import { initialTransition, transition, type SnapshotFrom } from 'xstate';
import { allowedEventTypes, applyWith, refusalFor, stateName, type Applied, type Refusal } from '@workflows/shared';
import { unconcluded } from './context';
import type { LadoEvent, LadoEventType } from './events';
import { ladoAllegationMachine } from './machine';
import { validateLado } from './validate';

export type LadoSnapshot = SnapshotFrom<typeof ladoAllegationMachine>;

/** A new allegation (its own stream, `allegation-<id>`), before anything is recorded. */
export function startLadoAllegation(): LadoSnapshot {
  return initialTransition(ladoAllegationMachine)[0];
}

/** Apply one recorded event: the next snapshot and its deadline intents, or why it is refused. */
export function applyLadoAllegation(snapshot: LadoSnapshot, event: LadoEvent): Applied<LadoSnapshot> {
  return applyWith((s, e: LadoEvent) => transition(ladoAllegationMachine, s, e)[0], validateLado, snapshot, event);
}

export function allowedLadoEvents(snapshot: LadoSnapshot): readonly LadoEventType[] {
  return allowedEventTypes(snapshot) as readonly LadoEventType[];
}

export function ladoRefusal(snapshot: LadoSnapshot, event: LadoEvent): Refusal | undefined {
  return refusalFor(snapshot, event, validateLado);
}

/** The state as one string, e.g. 'outcomeRecorded'. */
export function ladoState(snapshot: LadoSnapshot): string {
  return stateName(snapshot.value);
}

/** What the LADO's caseload shows for an allegation. */
export type AllegationStatus =
  | 'not-started' | 'known-to-employer' | 'referred' | 'consultation' | 'open' | 'under-investigation'
  | 'awaiting-cps-decision' | 'outcome-recorded' | 'closed';

/** The allegation's status: the machine state, refined by its investigations (a police one waiting on the CPS shows first). */
export function allegationStatus(snapshot: LadoSnapshot): AllegationStatus {
  const c = snapshot.context;
  const state = ladoState(snapshot);
  if (state === 'open' || state === 'outcomeRecorded') {
    if (c.investigations.police === 'awaiting-cps') return 'awaiting-cps-decision';
    if (state === 'open') return unconcluded(c).length > 0 ? 'under-investigation' : 'open';
    return 'outcome-recorded';
  }
  const plain: Record<string, AllegationStatus> = {
    notStarted: 'not-started', knownToEmployer: 'known-to-employer', referred: 'referred', consultation: 'consultation', closed: 'closed',
  };
  return plain[state] ?? 'open';
}
