import { transition } from 'xstate';
import {
  applyLadoAllegation, ladoAllegationMachine, ladoState, startLadoAllegation,
  type AllegationSubject, type LadoEvent, type LadoSnapshot,
} from '@workflows/lado-allegation';
import { givenWhenThen, type PathwayUnderTest } from './given-when-then';

export const lado: PathwayUnderTest<LadoSnapshot, LadoEvent> = {
  start: startLadoAllegation,
  apply: applyLadoAllegation,
  raw: (s, e) => transition(ladoAllegationMachine, s, e)[0],
  state: ladoState,
};

export const given = givenWhenThen(lado);

const at = (on: string) => ({ occurredAt: `${on}T13:00:00Z`, occurredOn: on });
export const subject: AllegationSubject = { adultRef: 'adult-17', employerRef: 'org-5', childRefs: ['child-3', 'child-9'], category: 'physical', setting: 'education' };

type Of<T extends LadoEvent['type']> = Extract<LadoEvent, { type: T }>;
type Extra<T extends LadoEvent['type']> = Partial<Omit<Of<T>, 'type'>>;

export const la = {
  known: (on: string, x: Partial<AllegationSubject> = {}): LadoEvent => ({ type: 'AllegationKnownToEmployer', ...at(on), subject: { ...subject, ...x } }),
  referred: (on: string, x: Extra<'ReferredToLado'> = {}): LadoEvent => ({ type: 'ReferredToLado', ...at(on), referrerType: 'employer', ...x }),
  considered: (on: string, route: Of<'InitialConsiderationHeld'>['route'] = 'asv-meeting'): LadoEvent => ({
    type: 'InitialConsiderationHeld', ...at(on), decision: 'threshold-met', route, ladoRef: 'lado-1',
  }),
  consultation: (on: string): LadoEvent => ({ type: 'InitialConsiderationHeld', ...at(on), decision: 'below-threshold', ladoRef: 'lado-1' }),
  asv: (on: string, kind: Of<'AsvMeetingHeld'>['kind'] = 'initial'): LadoEvent => ({
    type: 'AsvMeetingHeld', ...at(on), kind, agencies: ['lado', 'police', 'employer'],
  }),
  investigation: (on: string, kind: Of<'InvestigationStarted'>['kind'] = 'police', hearingWithoutFurtherInvestigation?: boolean): LadoEvent => ({
    type: 'InvestigationStarted', ...at(on), kind,
    ...(kind === 'employer-disciplinary' ? { hearingWithoutFurtherInvestigation: hearingWithoutFurtherInvestigation ?? false } : {}),
  }),
  toCps: (on: string): LadoEvent => ({ type: 'ReferredToCps', ...at(on) }),
  cps: (on: string, decision: Of<'CpsDecisionMade'>['decision'] = 'no-further-action'): LadoEvent => ({ type: 'CpsDecisionMade', ...at(on), decision }),
  concluded: (on: string, kind: Of<'InvestigationConcluded'>['kind'] = 'police'): LadoEvent => ({ type: 'InvestigationConcluded', ...at(on), kind }),
  action: (on: string, action: Of<'ActionTaken'>['action'] = 'dbs-referral'): LadoEvent => ({ type: 'ActionTaken', ...at(on), action }),
  outcome: (on: string, outcome: Of<'OutcomeRecorded'>['outcome'] = 'substantiated'): LadoEvent => ({ type: 'OutcomeRecorded', ...at(on), outcome }),
  closed: (on: string): LadoEvent => ({ type: 'AllegationClosed', ...at(on) }),
};

/** The LADO-06 markers a referral on `on` opens. */
export const resolutionOpened = (on: string): string[] => [
  `open resolution-1-month LADO-06/within-1-month @${on}`,
  `open resolution-3-months LADO-06/within-3-months @${on}`,
  `open resolution-12-months LADO-06/within-12-months @${on}`,
];
export const resolutionMet = (on: string): string[] => [
  `meet resolution-1-month @${on}`, `meet resolution-3-months @${on}`, `meet resolution-12-months @${on}`,
];
