import type { CaseCommand } from '@csc/case';
import { t, type Step } from './council';

/**
 * A synthetic council under the national rulebook, reported on for 1 Apr - 30 Sep 2026. Every
 * due date is worked by hand in the comments (TIMESCALES.md 2.1/2.2; bank holidays 2026: Good
 * Friday 3 Apr, Easter Monday 6 Apr, 4 May, 25 May, 31 Aug).
 */
const attendance = { police: true, health: true, education: false, others: [] };
const open = (caseId: string, date: string): Step => ({ at: t(date, '08:00:00Z'), command: { type: 'OpenCase', caseId, teamRef: `team-${caseId}`, rulebook: 'national', occurredAt: t(date, '08:00:00Z') } });
const step = (at: string, command: CaseCommand): Step => ({ at, command });
const lac = (caseId: string, date: string, legalStatus = 'V2', placementType = 'U4'): CaseCommand =>
  ({ type: 'RecordBecameLookedAfter', caseId, occurredAt: t(date), legalStatus, placement: { placementRef: `pl-${caseId}`, placementType, visitRegime: 'standard' } }) as CaseCommand;
const review = (caseId: string, date: string, participation: string, instanceId = 'lac-1'): CaseCommand =>
  ({ type: 'RecordLacReview', caseId, instanceId, occurredAt: t(date), participation, timing: 'scheduled', iroRef: 'iro-1' }) as CaseCommand;
const strategy = (caseId: string, date: string): CaseCommand =>
  ({ type: 'RecordStrategyDiscussion', caseId, occurredAt: t(date), attendance, decision: 'section-47', rationaleRef: 'doc-1', initiatesS47: true });
const icpc = (caseId: string, date: string, outcome: 'plan' | 'no-plan', category?: string, instanceId = 'cp-1'): CaseCommand =>
  ({ type: 'RecordInitialConference', caseId, instanceId, occurredAt: t(date), outcome, ...(category ? { category } : {}), preBirth: false }) as CaseCommand;
const missing = (caseId: string, at: string, kind: 'missing' | 'absent'): CaseCommand =>
  ({ type: 'ReportMissing', caseId, occurredAt: at, kind, childStatus: 'looked-after' });
const returned = (caseId: string, instanceId: string, at: string): CaseCommand =>
  ({ type: 'RecordReturn', caseId, instanceId, occurredAt: at, timeKnown: true, childStatus: 'looked-after', returnedHow: 'self-returned' });
const interviewer = { interviewerRole: 'iro', interviewerRef: 'iro-1' };

export const PERIOD = { from: '2026-04-01', to: '2026-09-30' };

export const COUNCIL: readonly Step[] = [
  // c-a: looked after from Mon 30 Mar 2026. Review 1 due Wed 29 Apr (20 wd): held 24 Apr (PN0).
  // Review 2 due 24 Jul (+3 months): held 20 Jul, typed up 28 Jul: on time by occurred date, late by recorded date.
  // Two missing episodes and one absence (return interview figures), a legal status change and a move (Annex A list 8).
  open('c-a', '2026-03-30'),
  step(t('2026-03-30', '17:00:00Z'), lac('c-a', '2026-03-30')),
  step(t('2026-04-24', '16:00:00Z'), review('c-a', '2026-04-24', 'PN0')),
  step(t('2026-05-01', '16:00:00Z'), { type: 'RecordLegalStatusChange', caseId: 'c-a', instanceId: 'lac-1', occurredAt: t('2026-05-01'), legalStatus: 'C2' }),
  // Episode 1: returned Sat 2 May 10:00Z, due 5 May 10:00Z; offered 3 May; interviewed 4 May but recorded 8 May.
  step(t('2026-05-01', '21:00:00Z'), missing('c-a', t('2026-05-01', '20:00:00Z'), 'missing')),
  step(t('2026-05-02', '11:00:00Z'), returned('c-a', 'mis-1', t('2026-05-02'))),
  step(t('2026-05-03', '12:00:00Z'), { type: 'OfferReturnInterview', caseId: 'c-a', instanceId: 'mis-1', occurredAt: t('2026-05-03', '09:00:00Z'), ...interviewer } as CaseCommand),
  step(t('2026-05-08', '12:00:00Z'), { type: 'RecordReturnInterview', caseId: 'c-a', instanceId: 'mis-1', occurredAt: t('2026-05-04', '15:00:00Z'), ...interviewer, pushFactors: [], pullFactors: ['friends'], risks: [] } as CaseCommand),
  step(t('2026-06-10', '16:00:00Z'), { type: 'RecordPlacementChange', caseId: 'c-a', instanceId: 'lac-1', occurredAt: t('2026-06-10'), placement: { placementRef: 'pl-a2', placementType: 'U1', visitRegime: 'standard' } }),
  // Episode 2: returned 11 Jun 08:00Z, due 14 Jun 08:00Z; offered late (15 Jun); declined.
  step(t('2026-06-10', '19:00:00Z'), missing('c-a', t('2026-06-10', '18:00:00Z'), 'missing')),
  step(t('2026-06-11', '09:00:00Z'), returned('c-a', 'mis-2', t('2026-06-11', '08:00:00Z'))),
  step(t('2026-06-15', '12:00:00Z'), { type: 'OfferReturnInterview', caseId: 'c-a', instanceId: 'mis-2', occurredAt: t('2026-06-15'), ...interviewer } as CaseCommand),
  step(t('2026-06-16', '12:00:00Z'), { type: 'RecordReturnInterviewDeclined', caseId: 'c-a', instanceId: 'mis-2', occurredAt: t('2026-06-16') }),
  // An absence (SSDA903 'A'): no return interview clocks.
  step(t('2026-07-01', '12:00:00Z'), missing('c-a', t('2026-07-01'), 'absent')),
  step(t('2026-07-28', '16:00:00Z'), review('c-a', '2026-07-20', 'PN7')),

  // c-b: looked after from Mon 5 Jan 2026; review 1 due Mon 2 Feb, held 30 Jan (before the period).
  // Review 2 due 30 Apr (+3 months): held 6 May, late on both dates (PN2).
  open('c-b', '2026-01-05'),
  step(t('2026-01-05', '17:00:00Z'), lac('c-b', '2026-01-05')),
  step(t('2026-01-30', '17:00:00Z'), review('c-b', '2026-01-30', 'PN1')),
  step(t('2026-05-06', '17:00:00Z'), review('c-b', '2026-05-06', 'PN2')),

  // c-c: looked after from Mon 3 Aug 2026; review 1 due Tue 1 Sep (Mon 31 Aug a bank holiday): not held by 30 Sep.
  open('c-c', '2026-08-03'),
  step(t('2026-08-03', '17:00:00Z'), lac('c-c', '2026-08-03')),
  step(t('2026-10-05', '17:00:00Z'), review('c-c', '2026-10-05', 'PN1')),

  // c-d: looked after from Mon 17 Aug 2026; review 1 due Tue 15 Sep: held 14 Sep (PN5), recorded 2 Oct (after the period).
  open('c-d', '2026-08-17'),
  step(t('2026-08-17', '17:00:00Z'), lac('c-d', '2026-08-17')),
  step(t('2026-10-02', '17:00:00Z'), review('c-d', '2026-09-14', 'PN5')),

  // c-e: s47 from Wed 20 May; ICPC due Thu 11 Jun (TIMESCALES 6); held Thu 4 Jun (10 wd, plan, neglect) but recorded
  // Mon 15 Jun (17 wd). RCPC due 4 Sep (+3 months): held 1 Sep, recorded 10 Sep.
  open('c-e', '2026-05-20'),
  step(t('2026-05-20', '17:00:00Z'), strategy('c-e', '2026-05-20')),
  step(t('2026-06-15', '17:00:00Z'), icpc('c-e', '2026-06-04', 'plan', 'neglect')),
  step(t('2026-09-10', '17:00:00Z'), { type: 'RecordReviewConference', caseId: 'c-e', instanceId: 'cp-1', occurredAt: t('2026-09-01'), decision: 'continue-plan' }),

  // c-f: s47 from Mon 1 Jun; ICPC due Mon 22 Jun; held Wed 24 Jun (17 wd, no plan): late on both dates.
  open('c-f', '2026-06-01'),
  step(t('2026-06-01', '17:00:00Z'), strategy('c-f', '2026-06-01')),
  step(t('2026-06-24', '17:00:00Z'), icpc('c-f', '2026-06-24', 'no-plan')),

  // c-g: s47 from 1 Jul; the ICPC did not take place (the family left the area on 10 Jul).
  open('c-g', '2026-07-01'),
  step(t('2026-07-01', '17:00:00Z'), strategy('c-g', '2026-07-01')),
  step(t('2026-07-10', '17:00:00Z'), { type: 'RecordInitialConferenceNotHeld', caseId: 'c-g', instanceId: 'cp-1', occurredAt: t('2026-07-10'), reason: 'family-left-area' }),

  // c-h: s47 from 6 Jul; the enquiry concluded no conference was needed (20 Jul).
  open('c-h', '2026-07-06'),
  step(t('2026-07-06', '17:00:00Z'), strategy('c-h', '2026-07-06')),
  step(t('2026-07-20', '17:00:00Z'), { type: 'RecordInitialConferenceNotRequired', caseId: 'c-h', instanceId: 'cp-1', occurredAt: t('2026-07-20'), decisionRef: 'dec-1' }),

  // c-i: s47 from Tue 1 Sep; ICPC due Tue 22 Sep: not held by the period's end.
  open('c-i', '2026-09-01'),
  step(t('2026-09-01', '17:00:00Z'), strategy('c-i', '2026-09-01')),

  // c-j: a plan from 15 Mar 2024 (physical) ended 15 May 2026 (2 years 2 months); a second plan from Fri 19 Jun 2026
  // (s47 from Wed 10 Jun: 7 wd, emotional). Its RCPC is due 19 Sep: not held by the period's end.
  open('c-j', '2024-03-01'),
  step(t('2024-03-01', '17:00:00Z'), strategy('c-j', '2024-03-01')),
  step(t('2024-03-15', '17:00:00Z'), icpc('c-j', '2024-03-15', 'plan', 'physical')),
  step(t('2026-05-15', '17:00:00Z'), { type: 'EndPlan', caseId: 'c-j', instanceId: 'cp-1', occurredAt: t('2026-05-15'), reason: 'other' }),
  step(t('2026-06-10', '17:00:00Z'), strategy('c-j', '2026-06-10')),
  step(t('2026-06-19', '17:00:00Z'), icpc('c-j', '2026-06-19', 'plan', 'emotional', 'cp-2')),
];
