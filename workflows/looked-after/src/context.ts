import { emptyLedger, type LocalDate, type PathwayContext, type Qualifier, type TriggerFacts } from '@workflows/shared';
import type { LegalStatus, LookedAfterEvent, ParticipationCode, Placement, VisitRegime } from './events';

/** Deadline series; a key is the series ('care-plan') or series-n ('lac-review-2', 'visit-7'). */
export type LacSeries =
  | 'lac-review' | 'adjourned-review' | 'care-plan' | 'initial-health-assessment' | 'review-health-assessment'
  | 'pep' | 'visit' | 'sw-report' | 'review-record' | 'review-decisions'
  | 'review-before-move' | 'review-before-ceasing' | 'review-before-change';

export interface LookedAfterContext extends PathwayContext {
  readonly legalStatus: LegalStatus | undefined;
  readonly placement: Placement | undefined;
  readonly placementStartedOn: LocalDate | undefined;
  readonly placements: number;
  readonly reviewsHeld: number;
  readonly lastReviewOn: LocalDate | undefined;
  /** Participation code of each review held, in order. */
  readonly participation: readonly ParticipationCode[];
  /** The social worker's report for the next review is in (so scheduling it opens no report deadline). */
  readonly reportSubmitted: boolean;
  readonly ceasedOn: LocalDate | undefined;
  readonly ceasedReason: string | undefined;
}

export const initialContext: LookedAfterContext = {
  ledger: emptyLedger,
  startedOn: undefined,
  legalStatus: undefined,
  placement: undefined,
  placementStartedOn: undefined,
  placements: 0,
  reviewsHeld: 0,
  lastReviewOn: undefined,
  participation: [],
  reportSubmitted: false,
  ceasedOn: undefined,
  ceasedReason: undefined,
};

function placed(c: LookedAfterContext, placement: Placement, on: LocalDate): Partial<LookedAfterContext> {
  return { placement, placementStartedOn: on, placements: c.placements + 1 };
}

export function recordFacts(c: LookedAfterContext, e: LookedAfterEvent): Partial<LookedAfterContext> {
  switch (e.type) {
    case 'BecameLookedAfter':
      return { startedOn: e.occurredOn, legalStatus: e.legalStatus, ...placed(c, e.placement, e.occurredOn) };
    case 'LegalStatusChanged':
      return { legalStatus: e.legalStatus };
    case 'PlacementChanged':
      return placed(c, e.placement, e.occurredOn);
    case 'SocialWorkerReportSubmitted':
      return { reportSubmitted: true };
    case 'LacReviewHeld':
      return {
        reviewsHeld: c.reviewsHeld + 1,
        lastReviewOn: e.occurredOn,
        participation: [...c.participation, e.participation],
        reportSubmitted: false,
      };
    case 'CeasedLookedAfter':
      return { ceasedOn: e.occurredOn, ceasedReason: e.reason };
    case 'LacVisitMade':
    case 'CarePlanPrepared':
    case 'HealthAssessmentCompleted':
    case 'InitialHealthAssessmentNotRequired':
    case 'PepCompleted':
    case 'LacReviewScheduled':
    case 'LacReviewAdjourned':
    case 'LacReviewRecordCompleted':
    case 'LacReviewDecisionsQueried':
    case 'LacReviewDecisionsFinalised':
    case 'SignificantChangeProposed':
    case 'SignificantChangeWithdrawn':
      return {};
    default: {
      const unhandled: never = e;
      return unhandled;
    }
  }
}

const REGIME_QUALIFIERS: Readonly<Record<VisitRegime, readonly Qualifier[]>> = {
  standard: [],
  'long-term': ['long-term-placement'],
  'placed-with-parent': ['placed-with-parent'],
  'connected-person-temporary': ['connected-person-temporary'],
};

/**
 * The trigger of a deadline of `series` opened by `e`, with what the rulebook needs to count it:
 * the placement's visiting regime and start for visits, the child's age band for health
 * assessments, the planned review date for the social worker's report. Read after `record`.
 */
export function triggerFacts(c: LookedAfterContext, e: LookedAfterEvent, series?: LacSeries): TriggerFacts {
  const trigger = { event: e.type, at: e.occurredAt, on: e.occurredOn };
  if (series === 'visit') {
    return {
      trigger,
      qualifiers: c.placement === undefined ? [] : REGIME_QUALIFIERS[c.placement.visitRegime],
      anchors: c.placementStartedOn === undefined ? {} : { placementStartedOn: c.placementStartedOn },
    };
  }
  if (series === 'review-health-assessment' && e.type === 'HealthAssessmentCompleted' && e.childUnderFive) {
    return { trigger, qualifiers: ['child-under-5'], anchors: {} };
  }
  if (series === 'sw-report' && e.type === 'LacReviewScheduled') {
    return { trigger, qualifiers: [], anchors: { scheduledFor: e.scheduledFor } };
  }
  return { trigger, qualifiers: [], anchors: {} };
}

/** The review an event names, for closings that apply to one review's deadlines. */
export function reviewNumberOf(e: LookedAfterEvent): number | undefined {
  return 'reviewNumber' in e ? e.reviewNumber : undefined;
}
