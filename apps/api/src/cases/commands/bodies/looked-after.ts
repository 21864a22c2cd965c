import {
  EARLY_REVIEW_REASONS, HEALTH_ASSESSMENT_KINDS, LEGAL_STATUSES, PARTICIPATION_CODES, REVIEW_TIMINGS, SIGNIFICANT_CHANGES, VISIT_REGIMES,
} from '@workflows/looked-after';
import { bodyClass, bool, code, int, localDate, nested, oneOf, optional, ref } from '../fields';
import { pathwayBody } from './common';

const PlacementBody = bodyClass('PlacementBody', {
  placementRef: ref('The placement'),
  placementType: code(/^[A-Z][0-9A-Z]{1,3}$/, 'SSDA903 PLACE code', 'U1'),
  visitRegime: oneOf(VISIT_REGIMES, 'Which reg 28 visiting pattern applies (LAC-10)'),
});

const reviewNumber = int(1, 999, 'Which review of the period of care (1 = the first)');

export const LOOKED_AFTER_BODIES = {
  RecordBecameLookedAfter: pathwayBody('RecordBecameLookedAfter', {
    legalStatus: oneOf(LEGAL_STATUSES, 'SSDA903 legal status'),
    placement: nested(PlacementBody, 'The first placement'),
  }),
  RecordLegalStatusChange: pathwayBody('RecordLegalStatusChange', { legalStatus: oneOf(LEGAL_STATUSES, 'SSDA903 legal status') }),
  RecordPlacementChange: pathwayBody('RecordPlacementChange', { placement: nested(PlacementBody, 'The new placement') }),
  RecordLacVisit: pathwayBody('RecordLacVisit', { seenAlone: bool('The child was seen alone') }),
  RecordCarePlan: pathwayBody('RecordCarePlan', { carePlanRef: ref('The care plan document') }),
  RecordHealthAssessment: pathwayBody('RecordHealthAssessment', {
    kind: oneOf(HEALTH_ASSESSMENT_KINDS, 'Initial or review health assessment'),
    childUnderFive: bool('The child is under five (six-monthly reviews, LAC-12)'),
  }),
  RecordInitialHealthAssessmentNotRequired: pathwayBody('RecordInitialHealthAssessmentNotRequired', { previousAssessmentRef: ref('The assessment of the previous 3 months') }),
  RecordPep: pathwayBody('RecordPep', { pepRef: ref('The personal education plan') }),
  ScheduleLacReview: pathwayBody('ScheduleLacReview', { scheduledFor: localDate('The date the review is planned for') }),
  RecordSocialWorkerReport: pathwayBody('RecordSocialWorkerReport', { reportRef: ref('The report') }),
  RecordLacReview: pathwayBody('RecordLacReview', {
    participation: oneOf(PARTICIPATION_CODES, 'SSDA903 review participation code'),
    timing: oneOf(REVIEW_TIMINGS, 'Scheduled, early, or before a significant change'),
    earlyReason: optional(oneOf(EARLY_REVIEW_REASONS, 'The reg 33(3) reason (required when early)')),
    iroRef: ref('The IRO who chaired the review'),
  }),
  AdjournLacReview: pathwayBody('AdjournLacReview', { iroRef: ref('The IRO who adjourned the review') }),
  CompleteLacReviewRecord: pathwayBody('CompleteLacReviewRecord', { reviewNumber }),
  QueryLacReviewDecisions: pathwayBody('QueryLacReviewDecisions', { reviewNumber, queryRef: ref('The query') }),
  FinaliseLacReviewDecisions: pathwayBody('FinaliseLacReviewDecisions', { reviewNumber }),
  ProposeSignificantChange: pathwayBody('ProposeSignificantChange', { change: oneOf(SIGNIFICANT_CHANGES, 'The change that needs a review first (LAC-07)') }),
  WithdrawSignificantChange: pathwayBody('WithdrawSignificantChange', { change: oneOf(SIGNIFICANT_CHANGES, 'The change withdrawn') }),
  RecordCeasedLookedAfter: pathwayBody('RecordCeasedLookedAfter', { reason: code(/^E[0-9A-Z]{1,3}$/, 'SSDA903 REC code', 'E13') }),
};
