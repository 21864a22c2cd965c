import type { CaseCommand } from '@csc/case';

/** A command with the instant it is recorded at (the `now` given to decide). */
export interface Recorded {
  readonly command: CaseCommand;
  readonly now: string;
}

export const CASE = 'c-100';

/** 10:00 UTC on the date; recorded the same day at 16:00 UTC unless `recordedOn` is given. */
const at = (on: string) => ({ occurredAt: `${on}T10:00:00Z` });
export const rec = (command: CaseCommand, recordedOn?: string): Recorded => ({
  command,
  now: `${recordedOn ?? command.occurredAt.slice(0, 10)}T16:00:00Z`,
});

type Cmd<T extends CaseCommand['type']> = Extract<CaseCommand, { type: T }>;
type Extra<T extends CaseCommand['type']> = Partial<Omit<Cmd<T>, 'type'>>;
const attendance = { police: true, health: true, education: false, others: ['probation'] };
const placement = { placementRef: 'pl-1', placementType: 'U4', visitRegime: 'standard' } as const;

function make<T extends CaseCommand['type']>(type: T, on: string, fields: object, x: object): Cmd<T> {
  return { type, caseId: CASE, ...at(on), ...fields, ...x } as unknown as Cmd<T>;
}

export const c = {
  open: (on: string, x: Extra<'OpenCase'> = {}) => make('OpenCase', on, { teamRef: 'team-north' }, x),
  allocateIro: (on: string, iroRef = 'iro-7') => make('AllocateIro', on, { iroRef }, {}),
  deallocateIro: (on: string, iroRef = 'iro-7') => make('DeallocateIro', on, { iroRef }, {}),
  changeTeam: (on: string, teamRef = 'team-south') => make('ChangeTeam', on, { teamRef }, {}),
  strategy: (on: string, x: Extra<'RecordStrategyDiscussion'> = {}) =>
    make('RecordStrategyDiscussion', on, { attendance, decision: 'section-47', rationaleRef: 'doc-1', initiatesS47: true }, x),
  icpc: (on: string, x: Extra<'RecordInitialConference'> = {}) =>
    make('RecordInitialConference', on, { instanceId: 'cp-1', outcome: 'plan', category: 'neglect', preBirth: false }, x),
  icpcNotHeld: (on: string, x: Extra<'RecordInitialConferenceNotHeld'> = {}) =>
    make('RecordInitialConferenceNotHeld', on, { instanceId: 'cp-1', reason: 'family-left-area' }, x),
  coreGroup: (on: string, x: Extra<'RecordCoreGroup'> = {}) => make('RecordCoreGroup', on, { instanceId: 'cp-1' }, x),
  rcpc: (on: string, x: Extra<'RecordReviewConference'> = {}) =>
    make('RecordReviewConference', on, { instanceId: 'cp-1', decision: 'continue-plan' }, x),
  born: (on: string, x: Extra<'RecordBirth'> = {}) => make('RecordBirth', on, { instanceId: 'cp-1', motherMedicallyFit: true }, x),
  endPlan: (on: string, x: Extra<'EndPlan'> = {}) => make('EndPlan', on, { instanceId: 'cp-1', reason: 'moved-away' }, x),
  lookedAfter: (on: string, x: Extra<'RecordBecameLookedAfter'> = {}) =>
    make('RecordBecameLookedAfter', on, { legalStatus: 'V2', placement }, x),
  placementChange: (on: string, x: Extra<'RecordPlacementChange'> = {}) =>
    make('RecordPlacementChange', on, { instanceId: 'lac-1', placement: { ...placement, placementRef: 'pl-2' } }, x),
  visit: (on: string, x: Extra<'RecordLacVisit'> = {}) => make('RecordLacVisit', on, { instanceId: 'lac-1', seenAlone: true }, x),
  lacReview: (on: string, x: Extra<'RecordLacReview'> = {}) =>
    make('RecordLacReview', on, { instanceId: 'lac-1', participation: 'PN1', timing: 'scheduled', iroRef: 'iro-7' }, x),
  scheduleReview: (on: string, scheduledFor: string, x: Extra<'ScheduleLacReview'> = {}) =>
    make('ScheduleLacReview', on, { instanceId: 'lac-1', scheduledFor }, x),
  swReport: (on: string, x: Extra<'RecordSocialWorkerReport'> = {}) => make('RecordSocialWorkerReport', on, { instanceId: 'lac-1', reportRef: 'rep-1' }, x),
  healthAssessment: (on: string, x: Extra<'RecordHealthAssessment'> = {}) =>
    make('RecordHealthAssessment', on, { instanceId: 'lac-1', kind: 'initial', childUnderFive: false }, x),
  proposeChange: (on: string, x: Extra<'ProposeSignificantChange'> = {}) =>
    make('ProposeSignificantChange', on, { instanceId: 'lac-1', change: 'placement-move' }, x),
  ceased: (on: string, x: Extra<'RecordCeasedLookedAfter'> = {}) => make('RecordCeasedLookedAfter', on, { instanceId: 'lac-1', reason: 'E13' }, x),
};
