import {
  CONFERENCE_OUTCOMES, CP_CATEGORIES, NOT_HELD_REASONS, PLAN_END_REASONS, REVIEW_DECISIONS, STRATEGY_DECISIONS,
} from '@workflows/child-protection';
import { bodyClass, bool, codeList, nested, oneOf, optional, ref } from '../fields';
import { pathwayBody } from './common';

/** Other agencies by code ('probation', 'housing'), never by name. */
const AGENCY = /^[a-z][a-z0-9-]{0,39}$/;

const AttendanceBody = bodyClass('AttendanceBody', {
  police: bool('Police took part'),
  health: bool('Health took part'),
  education: bool('Education took part'),
  others: codeList(AGENCY, 20, "Other agencies by code ('probation', 'housing'), never by name"),
});

const category = optional(oneOf(CP_CATEGORIES, 'Annex A list 7 category of abuse (required for a plan)'));

export const CHILD_PROTECTION_BODIES = {
  RecordStrategyDiscussion: pathwayBody('RecordStrategyDiscussion', {
    attendance: nested(AttendanceBody, 'Who took part'),
    decision: oneOf(STRATEGY_DECISIONS, 'What the discussion decided'),
    rationaleRef: ref('Reference to the recorded rationale (a document or record id)'),
    initiatesS47: bool('A section 47 enquiry starts (starts the ICPC clock)'),
  }),
  RecordInitialConference: pathwayBody('RecordInitialConference', {
    outcome: oneOf(CONFERENCE_OUTCOMES, 'The conference outcome'),
    category,
    preBirth: bool('The child is not yet born'),
  }),
  RecordInitialConferenceNotRequired: pathwayBody('RecordInitialConferenceNotRequired', { decisionRef: ref('Reference to the recorded decision') }),
  RecordInitialConferenceNotHeld: pathwayBody('RecordInitialConferenceNotHeld', { reason: oneOf(NOT_HELD_REASONS, 'Why the conference did not take place') }),
  RecordTransferIn: pathwayBody('RecordTransferIn', { fromAuthorityRef: ref('The authority the child moved from') }),
  RecordTransferInConference: pathwayBody('RecordTransferInConference', { outcome: oneOf(CONFERENCE_OUTCOMES, 'The conference outcome'), category }),
  RecordTransferInConferenceNotHeld: pathwayBody('RecordTransferInConferenceNotHeld', { reason: oneOf(NOT_HELD_REASONS, 'Why the conference did not take place') }),
  RecordBirth: pathwayBody('RecordBirth', { motherMedicallyFit: bool('False gives the longer post-birth window (CP-10)') }),
  RecordCoreGroup: pathwayBody('RecordCoreGroup', {}),
  RecordReviewConference: pathwayBody('RecordReviewConference', { decision: oneOf(REVIEW_DECISIONS, 'Continue or end the plan'), category }),
  EndPlan: pathwayBody('EndPlan', { reason: oneOf(PLAN_END_REASONS, 'Why the plan ended other than by a review conference') }),
};
