import { transition } from 'xstate';
import {
  applyLookedAfter, lookedAfterMachine, lookedAfterState, startLookedAfter,
  type LookedAfterEvent, type LookedAfterSnapshot, type Placement,
} from '@workflows/looked-after';
import { givenWhenThen, type PathwayUnderTest } from './given-when-then';

export const lookedAfter: PathwayUnderTest<LookedAfterSnapshot, LookedAfterEvent> = {
  start: startLookedAfter,
  apply: applyLookedAfter,
  raw: (s, e) => transition(lookedAfterMachine, s, e)[0],
  state: lookedAfterState,
};

export const given = givenWhenThen(lookedAfter);

const at = (on: string) => ({ occurredAt: `${on}T09:30:00+01:00`, occurredOn: on });
export const fosterPlacement: Placement = { placementRef: 'pl-1', placementType: 'U4', visitRegime: 'standard' };

type Of<T extends LookedAfterEvent['type']> = Extract<LookedAfterEvent, { type: T }>;
type Extra<T extends LookedAfterEvent['type']> = Partial<Omit<Of<T>, 'type'>>;

export const lac = {
  became: (on: string, x: Extra<'BecameLookedAfter'> = {}): LookedAfterEvent => ({
    type: 'BecameLookedAfter', ...at(on), legalStatus: 'V2', placement: fosterPlacement, ...x,
  }),
  legalStatus: (on: string): LookedAfterEvent => ({ type: 'LegalStatusChanged', ...at(on), legalStatus: 'C2' }),
  moved: (on: string, placement: Partial<Placement> = {}): LookedAfterEvent => ({
    type: 'PlacementChanged', ...at(on), placement: { ...fosterPlacement, placementRef: 'pl-2', ...placement },
  }),
  visit: (on: string): LookedAfterEvent => ({ type: 'LacVisitMade', ...at(on), seenAlone: true }),
  carePlan: (on: string): LookedAfterEvent => ({ type: 'CarePlanPrepared', ...at(on), carePlanRef: 'cp-doc' }),
  health: (on: string, kind: 'initial' | 'review' = 'initial', childUnderFive = false): LookedAfterEvent => ({
    type: 'HealthAssessmentCompleted', ...at(on), kind, childUnderFive,
  }),
  ihaNotRequired: (on: string): LookedAfterEvent => ({ type: 'InitialHealthAssessmentNotRequired', ...at(on), previousAssessmentRef: 'ha-0' }),
  pep: (on: string): LookedAfterEvent => ({ type: 'PepCompleted', ...at(on), pepRef: 'pep-doc' }),
  scheduled: (on: string, scheduledFor: string): LookedAfterEvent => ({ type: 'LacReviewScheduled', ...at(on), scheduledFor }),
  report: (on: string): LookedAfterEvent => ({ type: 'SocialWorkerReportSubmitted', ...at(on), reportRef: 'swr' }),
  review: (on: string, x: Extra<'LacReviewHeld'> = {}): LookedAfterEvent => ({
    type: 'LacReviewHeld', ...at(on), participation: 'PN1', timing: 'scheduled', iroRef: 'iro-7', ...x,
  }),
  adjourned: (on: string): LookedAfterEvent => ({ type: 'LacReviewAdjourned', ...at(on), iroRef: 'iro-7' }),
  record: (on: string, reviewNumber: number): LookedAfterEvent => ({ type: 'LacReviewRecordCompleted', ...at(on), reviewNumber }),
  queried: (on: string, reviewNumber: number): LookedAfterEvent => ({ type: 'LacReviewDecisionsQueried', ...at(on), reviewNumber, queryRef: 'q-1' }),
  finalised: (on: string, reviewNumber: number): LookedAfterEvent => ({ type: 'LacReviewDecisionsFinalised', ...at(on), reviewNumber }),
  proposed: (on: string, change: Of<'SignificantChangeProposed'>['change']): LookedAfterEvent => ({ type: 'SignificantChangeProposed', ...at(on), change }),
  withdrawn: (on: string, change: Of<'SignificantChangeWithdrawn'>['change']): LookedAfterEvent => ({ type: 'SignificantChangeWithdrawn', ...at(on), change }),
  ceased: (on: string, reason = 'E13'): LookedAfterEvent => ({ type: 'CeasedLookedAfter', ...at(on), reason }),
};

/** Intents of becoming looked after on `on` in the fixture's foster placement. */
export const openedOnEntry = (on: string): string[] => [
  `open lac-review-1 LAC-03 @${on}`,
  `open care-plan LAC-01 @${on}`,
  `open visit-1 LAC-10 @${on} placementStartedOn=${on}`,
  `open initial-health-assessment LAC-11 @${on}`,
  `open pep-1 LAC-13 @${on}`,
];

/** Intents of a review held: the review met, the record and decision window opened, the next review. */
export const reviewIntents = (n: number, on: string, rule: 'LAC-04' | 'LAC-05'): string[] => [
  `meet lac-review-${n} @${on}`,
  `open lac-review-${n + 1} ${rule} @${on}`,
  `open review-record-${n} ENF-02 @${on}`,
  `open review-decisions-${n} ENF-03 @${on}`,
];
