import { initialTransition, transition, type SnapshotFrom } from 'xstate';
import { allowedEventTypes, applyWith, refusalFor, stateName, type Applied, type Refusal } from '@workflows/shared';
import type { AssessmentEvent, AssessmentEventType } from './events';
import { assessmentMachine } from './machine';
import { validateAssessment } from './validate';

export type AssessmentSnapshot = SnapshotFrom<typeof assessmentMachine>;

/** A new referral, before it is received. One instance per referral. */
export function startAssessment(): AssessmentSnapshot {
  return initialTransition(assessmentMachine)[0];
}

/** Apply one recorded event: the next snapshot and its deadline intents, or why it is refused. */
export function applyAssessment(snapshot: AssessmentSnapshot, event: AssessmentEvent): Applied<AssessmentSnapshot> {
  return applyWith((s, e: AssessmentEvent) => transition(assessmentMachine, s, e)[0], validateAssessment, snapshot, event);
}

export function allowedAssessmentEvents(snapshot: AssessmentSnapshot): readonly AssessmentEventType[] {
  return allowedEventTypes(snapshot) as readonly AssessmentEventType[];
}

export function assessmentRefusal(snapshot: AssessmentSnapshot, event: AssessmentEvent): Refusal | undefined {
  return refusalFor(snapshot, event, validateAssessment);
}

/** The state as one string, e.g. 'assessing.awaitingAuthorisation'. */
export function assessmentState(snapshot: AssessmentSnapshot): string {
  return stateName(snapshot.value);
}
