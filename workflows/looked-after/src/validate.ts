import {
  checkOccurrence, firstRefusal, flag, invalidField, isBefore, isLocalDate, notBeforeOpen, oneOf, openDeadlines,
  positiveInteger, reference, type Refusal,
} from '@workflows/shared';
import type { LacSeries, LookedAfterContext } from './context';
import {
  EARLY_REVIEW_REASONS, HEALTH_ASSESSMENT_KINDS, LEGAL_STATUSES, PARTICIPATION_CODES, REVIEW_TIMINGS,
  SIGNIFICANT_CHANGES, VISIT_REGIMES,
  type LacReviewHeld, type LookedAfterEvent, type Placement, type SignificantChange,
} from './events';

const PLACE_CODE = /^[A-Z][0-9A-Z]$/;
const REC_CODE = /^E\d{1,2}[A-Z]?$/;

function placement(p: Placement | undefined): Refusal | undefined {
  if (p === undefined || p === null || typeof p !== 'object') return invalidField('placement', 'placementRef, placementType and visitRegime');
  return firstRefusal(
    () => reference(p.placementRef, 'placement.placementRef'),
    () => (typeof p.placementType === 'string' && PLACE_CODE.test(p.placementType) ? undefined : invalidField('placement.placementType', 'an SSDA903 PLACE code')),
    () => oneOf(p.visitRegime, VISIT_REGIMES, 'placement.visitRegime'),
  );
}

function review(e: LacReviewHeld): Refusal | undefined {
  return firstRefusal(
    () => oneOf(e.participation, PARTICIPATION_CODES, 'participation'),
    () => oneOf(e.timing, REVIEW_TIMINGS, 'timing'),
    () => (e.timing === 'early' || e.earlyReason !== undefined ? oneOf(e.earlyReason, EARLY_REVIEW_REASONS, 'earlyReason') : undefined),
    () => reference(e.iroRef, 'iroRef'),
  );
}

/** The named review's deadline of `series` must be open ('review-record-2'). */
function outstanding(c: LookedAfterContext, series: LacSeries, reviewNumber: number): Refusal | undefined {
  const positive = positiveInteger(reviewNumber, 'reviewNumber');
  if (positive !== undefined) return positive;
  if (c.ledger.open[`${series}-${reviewNumber}`] !== undefined) return undefined;
  const open = openDeadlines(c.ledger, series).map((d) => d.key.slice(series.length + 1));
  return invalidField('reviewNumber', `a review whose ${series} is outstanding (${open.length > 0 ? open.join(', ') : 'none is'})`);
}

const CHANGE_SERIES: Readonly<Record<SignificantChange, LacSeries>> = {
  'placement-move': 'review-before-move',
  'ceasing-to-be-looked-after': 'review-before-ceasing',
  'other-care-plan-change': 'review-before-change',
};

export function changeSeries(change: SignificantChange): LacSeries {
  return CHANGE_SERIES[change];
}

function closes(c: LookedAfterContext, e: LookedAfterEvent, series: readonly LacSeries[] | undefined): Refusal | undefined {
  return notBeforeOpen(c.ledger, e.occurredOn, series);
}

const REVIEW_CLOSES: readonly LacSeries[] = [
  'lac-review', 'adjourned-review', 'sw-report', 'review-before-move', 'review-before-ceasing', 'review-before-change',
];

function fields(c: LookedAfterContext, e: LookedAfterEvent): Refusal | undefined {
  const iha = c.ledger.open['initial-health-assessment'] !== undefined;
  switch (e.type) {
    case 'BecameLookedAfter':
      return firstRefusal(() => oneOf(e.legalStatus, LEGAL_STATUSES, 'legalStatus'), () => placement(e.placement));
    case 'LegalStatusChanged':
      return oneOf(e.legalStatus, LEGAL_STATUSES, 'legalStatus');
    case 'PlacementChanged':
      return firstRefusal(() => placement(e.placement), () => closes(c, e, ['visit', 'review-before-move']));
    case 'LacVisitMade':
      return firstRefusal(() => flag(e.seenAlone, 'seenAlone'), () => closes(c, e, ['visit']));
    case 'CarePlanPrepared':
      return firstRefusal(() => reference(e.carePlanRef, 'carePlanRef'), () => closes(c, e, ['care-plan']));
    case 'HealthAssessmentCompleted':
      return firstRefusal(
        () => oneOf(e.kind, HEALTH_ASSESSMENT_KINDS, 'kind'),
        () => flag(e.childUnderFive, 'childUnderFive'),
        () => (e.kind === 'initial' && !iha ? invalidField('kind', "'review': no initial health assessment is outstanding") : undefined),
        () => (e.kind === 'review' && iha ? invalidField('kind', "'initial': the initial health assessment is outstanding") : undefined),
        () => closes(c, e, ['initial-health-assessment', 'review-health-assessment']),
      );
    case 'InitialHealthAssessmentNotRequired':
      return firstRefusal(
        () => reference(e.previousAssessmentRef, 'previousAssessmentRef'),
        () => (iha ? undefined : invalidField('type', 'an event for an outstanding initial health assessment (none is)')),
        () => closes(c, e, ['initial-health-assessment']),
      );
    case 'PepCompleted':
      return firstRefusal(() => reference(e.pepRef, 'pepRef'), () => closes(c, e, ['pep']));
    case 'LacReviewScheduled':
      return firstRefusal(
        () => (isLocalDate(e.scheduledFor) ? undefined : invalidField('scheduledFor', 'a local date YYYY-MM-DD')),
        () => (isBefore(e.scheduledFor, e.occurredOn) ? invalidField('scheduledFor', `a date on or after occurredOn ${e.occurredOn}`) : undefined),
        () => closes(c, e, ['sw-report']),
      );
    case 'SocialWorkerReportSubmitted':
      return firstRefusal(() => reference(e.reportRef, 'reportRef'), () => closes(c, e, ['sw-report']));
    case 'LacReviewHeld':
      return firstRefusal(() => review(e), () => closes(c, e, REVIEW_CLOSES));
    case 'LacReviewAdjourned':
      return firstRefusal(() => reference(e.iroRef, 'iroRef'), () => closes(c, e, ['lac-review']));
    case 'LacReviewRecordCompleted':
      return firstRefusal(() => outstanding(c, 'review-record', e.reviewNumber), () => closes(c, e, ['review-record']));
    case 'LacReviewDecisionsQueried':
      return firstRefusal(() => outstanding(c, 'review-decisions', e.reviewNumber), () => reference(e.queryRef, 'queryRef'));
    case 'LacReviewDecisionsFinalised':
      return firstRefusal(() => outstanding(c, 'review-decisions', e.reviewNumber), () => closes(c, e, ['review-decisions']));
    case 'SignificantChangeProposed':
      return oneOf(e.change, SIGNIFICANT_CHANGES, 'change');
    case 'SignificantChangeWithdrawn':
      return firstRefusal(
        () => oneOf(e.change, SIGNIFICANT_CHANGES, 'change'),
        () => (openDeadlines(c.ledger, changeSeries(e.change)).length > 0 ? undefined : invalidField('change', 'a change that was proposed and is pending')),
        () => closes(c, e, [changeSeries(e.change)]),
      );
    case 'CeasedLookedAfter':
      return firstRefusal(
        () => (typeof e.reason === 'string' && REC_CODE.test(e.reason) ? undefined : invalidField('reason', 'an SSDA903 REC code such as E13')),
        () => closes(c, e, undefined),
      );
    default: {
      const unhandled: never = e;
      return unhandled;
    }
  }
}

/** Why the pathway would refuse this event: a missing or invalid field, or a date out of order. */
export function validateLookedAfter(c: LookedAfterContext, e: LookedAfterEvent): Refusal | undefined {
  return firstRefusal(() => checkOccurrence(e, c.startedOn), () => fields(c, e));
}
