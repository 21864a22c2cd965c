import { transition } from 'xstate';
import {
  applyAssessment, assessmentMachine, assessmentState, startAssessment, type AssessmentEvent, type AssessmentSnapshot,
} from '@workflows/assessment';
import { givenWhenThen, type PathwayUnderTest } from './given-when-then';

export const assessment: PathwayUnderTest<AssessmentSnapshot, AssessmentEvent> = {
  start: startAssessment,
  apply: applyAssessment,
  raw: (s, e) => transition(assessmentMachine, s, e)[0],
  state: assessmentState,
};

export const given = givenWhenThen(assessment);

const at = (on: string) => ({ occurredAt: `${on}T11:00:00Z`, occurredOn: on });

type Of<T extends AssessmentEvent['type']> = Extract<AssessmentEvent, { type: T }>;
type Extra<T extends AssessmentEvent['type']> = Partial<Omit<Of<T>, 'type'>>;

export const asm = {
  referral: (on: string, source = '5A'): AssessmentEvent => ({ type: 'ReferralReceived', ...at(on), source }),
  decision: (on: string, decision: Of<'ReferralDecisionMade'>['decision'] = 'single-assessment'): AssessmentEvent => ({
    type: 'ReferralDecisionMade', ...at(on), decision, decidedByRef: 'tm-2',
  }),
  started: (on: string): AssessmentEvent => ({ type: 'AssessmentStarted', ...at(on), workerRef: 'sw-4' }),
  completed: (on: string): AssessmentEvent => ({ type: 'AssessmentCompleted', ...at(on), workerRef: 'sw-4' }),
  rework: (on: string): AssessmentEvent => ({ type: 'AssessmentReturnedForRework', ...at(on), managerRef: 'tm-2' }),
  authorised: (on: string, x: Extra<'AssessmentAuthorised'> = {}): AssessmentEvent => ({
    type: 'AssessmentAuthorised', ...at(on), managerRef: 'tm-2', outcome: 'child-in-need-plan', ...x,
  }),
  ended: (on: string, reason: Of<'AssessmentEnded'>['reason'] = 'moved-out-of-area'): AssessmentEvent => ({ type: 'AssessmentEnded', ...at(on), reason }),
};
