import { assign, setup } from 'xstate';
import {
  cancelAllDeadlines, cancelDeadlines, lapseDeadlines, meetDeadlines, openDeadline, openDeadlines,
  type CancelAllParams, type CancelParams, type CloseParams, type OpenParams, type RuleId,
} from '@workflows/shared';
import { initialContext, recordFacts, reviewNumberOf, triggerFacts, type LacSeries, type LookedAfterContext } from './context';
import { SIGNIFICANT_CHANGES, type HealthAssessmentKind, type LookedAfterEvent, type SignificantChange } from './events';
import { changeSeries, validateLookedAfter } from './validate';

/** State meta: the deadline series that may be open while the pathway is in the state. */
export interface LacStateMeta {
  readonly deadlines: readonly LacSeries[];
}

type Args = { context: LookedAfterContext; event: LookedAfterEvent };
const valid = ({ context, event }: Args): boolean => validateLookedAfter(context, event) === undefined;

const open = (series: LacSeries, rule: RuleId, single = false) => ({ type: 'open', params: { series, rule, single } }) as const;
const meet = (series: LacSeries, which: CloseParams['which'] = 'all') => ({ type: 'meet', params: { series, which } }) as const;
const lapse = (series: LacSeries) => ({ type: 'lapse', params: { series } }) as const;
const cancel = (series: LacSeries, reason: CancelParams['reason']) => ({ type: 'cancel', params: { series, reason } }) as const;

const AFTER_REVIEW: readonly LacSeries[] = ['review-record', 'review-decisions'];
const ALL_SERIES: readonly LacSeries[] = [
  'lac-review', 'adjourned-review', 'care-plan', 'initial-health-assessment', 'review-health-assessment', 'pep', 'visit',
  'sw-report', 'review-record', 'review-decisions', 'review-before-move', 'review-before-ceasing', 'review-before-change',
];

const reviewClosings = [
  meet('lac-review'), meet('review-before-move'), meet('review-before-ceasing'), meet('review-before-change'),
  lapse('sw-report'),
] as const;
const reviewOpenings = [open('review-record', 'ENF-02'), open('review-decisions', 'ENF-03')] as const;

/** A review held: meets what it was due for; the next review counts from its actual date. */
const reviewHeld = (extra: readonly ReturnType<typeof meet>[]) => [
  {
    guard: 'isFirstReview',
    target: '#lookedAfter.lookedAfter.awaitingReview',
    actions: ['record', ...extra, ...reviewClosings, open('lac-review', 'LAC-04'), ...reviewOpenings],
  },
  {
    guard: 'valid',
    target: '#lookedAfter.lookedAfter.awaitingReview',
    actions: ['record', ...extra, ...reviewClosings, open('lac-review', 'LAC-05'), ...reviewOpenings],
  },
] as const;
const byChange = <T>(make: (change: SignificantChange) => T): T[] => SIGNIFICANT_CHANGES.map(make);

export const lookedAfterMachine = setup({
  types: { context: {} as LookedAfterContext, events: {} as LookedAfterEvent, meta: {} as LacStateMeta },
  actions: {
    record: assign(({ context, event }) => recordFacts(context, event)),
    open: assign(({ context, event }, p: OpenParams<LacSeries>) => ({
      ledger: openDeadline(context.ledger, p, triggerFacts(context, event, p.series)),
    })),
    meet: assign(({ context, event }, p: CloseParams<LacSeries>) => ({
      ledger: meetDeadlines(context.ledger, p, triggerFacts(context, event).trigger, reviewNumberOf(event)),
    })),
    lapse: assign(({ context, event }, p: CloseParams<LacSeries>) => ({ ledger: lapseDeadlines(context.ledger, p, triggerFacts(context, event).trigger) })),
    cancel: assign(({ context, event }, p: CancelParams<LacSeries>) => ({ ledger: cancelDeadlines(context.ledger, p, triggerFacts(context, event).trigger) })),
    cancelAll: assign(({ context, event }, p: CancelAllParams<LacSeries>) => ({
      ledger: cancelAllDeadlines(context.ledger, p, triggerFacts(context, event).trigger),
    })),
  },
  guards: {
    valid,
    isFirstReview: (a) => valid(a) && a.context.reviewsHeld === 0,
    assessmentIs: (a, p: { kind: HealthAssessmentKind }) => valid(a) && a.event.type === 'HealthAssessmentCompleted' && a.event.kind === p.kind,
    changeIs: (a, p: { change: SignificantChange }) => valid(a) && 'change' in a.event && a.event.change === p.change,
    reportAlreadyIn: (a) => valid(a) && a.context.reportSubmitted,
    nothingOutstanding: ({ context }) => openDeadlines(context.ledger).length === 0,
  },
}).createMachine({
  id: 'lookedAfter',
  context: initialContext,
  initial: 'notLookedAfter',
  states: {
    notLookedAfter: {
      meta: { deadlines: [] },
      on: {
        BecameLookedAfter: {
          guard: 'valid',
          target: 'lookedAfter',
          actions: [
            'record', open('lac-review', 'LAC-03'), open('care-plan', 'LAC-01', true), open('visit', 'LAC-10'),
            open('initial-health-assessment', 'LAC-11', true), open('pep', 'LAC-13'),
          ],
        },
      },
    },
    lookedAfter: {
      meta: { deadlines: ALL_SERIES },
      initial: 'awaitingReview',
      on: {
        LegalStatusChanged: { guard: 'valid', actions: ['record'] },
        PlacementChanged: {
          guard: 'valid',
          actions: ['record', lapse('review-before-move'), cancel('visit', 'placement-changed'), open('visit', 'LAC-10')],
        },
        LacVisitMade: { guard: 'valid', actions: ['record', meet('visit'), open('visit', 'LAC-10')] },
        CarePlanPrepared: { guard: 'valid', actions: ['record', meet('care-plan')] },
        HealthAssessmentCompleted: [
          {
            guard: { type: 'assessmentIs', params: { kind: 'initial' } },
            actions: ['record', meet('initial-health-assessment'), open('review-health-assessment', 'LAC-12')],
          },
          {
            guard: { type: 'assessmentIs', params: { kind: 'review' } },
            actions: ['record', meet('review-health-assessment'), open('review-health-assessment', 'LAC-12')],
          },
        ],
        InitialHealthAssessmentNotRequired: {
          guard: 'valid',
          actions: ['record', cancel('initial-health-assessment', 'not-required-recent-assessment')],
        },
        PepCompleted: { guard: 'valid', actions: ['record', meet('pep'), open('pep', 'LAC-13')] },
        LacReviewScheduled: [
          { guard: 'reportAlreadyIn', actions: ['record', cancel('sw-report', 'review-rescheduled')] },
          { guard: 'valid', actions: ['record', cancel('sw-report', 'review-rescheduled'), open('sw-report', 'ENF-01')] },
        ],
        SocialWorkerReportSubmitted: { guard: 'valid', actions: ['record', meet('sw-report')] },
        LacReviewRecordCompleted: { guard: 'valid', actions: ['record', meet('review-record', 'event')] },
        // A manager's query inside the window (the case lib judges the window's end with the rulebook).
        LacReviewDecisionsQueried: { guard: 'valid', actions: ['record'] },
        LacReviewDecisionsFinalised: { guard: 'valid', actions: ['record', meet('review-decisions', 'event')] },
        SignificantChangeProposed: byChange((change) => ({
          guard: { type: 'changeIs', params: { change } } as const,
          actions: ['record', open(changeSeries(change), 'LAC-07')] as const,
        })),
        SignificantChangeWithdrawn: byChange((change) => ({
          guard: { type: 'changeIs', params: { change } } as const,
          actions: ['record', cancel(changeSeries(change), 'change-withdrawn')] as const,
        })),
        CeasedLookedAfter: {
          guard: 'valid',
          target: 'ceased',
          actions: ['record', lapse('review-before-ceasing'), { type: 'cancelAll', params: { reason: 'ceased-looked-after', except: AFTER_REVIEW } }],
        },
      },
      states: {
        awaitingReview: {
          meta: { deadlines: ALL_SERIES.filter((s) => s !== 'adjourned-review') },
          on: {
            LacReviewHeld: [...reviewHeld([])],
            LacReviewAdjourned: { guard: 'valid', target: 'adjourned', actions: ['record', open('adjourned-review', 'LAC-09')] },
          },
        },
        adjourned: {
          meta: { deadlines: ALL_SERIES },
          on: { LacReviewHeld: [...reviewHeld([meet('adjourned-review')])] },
        },
      },
    },
    ceased: {
      meta: { deadlines: AFTER_REVIEW },
      always: { guard: 'nothingOutstanding', target: 'closed' },
      on: {
        LacReviewRecordCompleted: { guard: 'valid', actions: ['record', meet('review-record', 'event')] },
        LacReviewDecisionsQueried: { guard: 'valid', actions: ['record'] },
        LacReviewDecisionsFinalised: { guard: 'valid', actions: ['record', meet('review-decisions', 'event')] },
      },
    },
    closed: { meta: { deadlines: [] }, type: 'final' },
  },
});

export type LookedAfterMachine = typeof lookedAfterMachine;
