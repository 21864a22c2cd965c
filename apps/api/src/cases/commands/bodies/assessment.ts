import { ASSESSMENT_OUTCOMES, DELAY_REASONS, ENDED_REASONS, REFERRAL_DECISIONS } from '@workflows/assessment';
import { code, oneOf, optional, ref } from '../fields';
import { pathwayBody } from './common';

export const ASSESSMENT_BODIES = {
  RecordReferral: pathwayBody('RecordReferral', { source: code(/^[0-9][A-Z0-9]?$/, 'CIN census referral source code', '5A') }),
  RecordReferralDecision: pathwayBody('RecordReferralDecision', {
    decision: oneOf(REFERRAL_DECISIONS, 'The decision on the referral (CP-01)'),
    decidedByRef: ref('Who decided'),
  }),
  StartAssessment: pathwayBody('StartAssessment', { workerRef: ref('The assessing social worker') }),
  CompleteAssessment: pathwayBody('CompleteAssessment', { workerRef: ref('The assessing social worker') }),
  ReturnAssessmentForRework: pathwayBody('ReturnAssessmentForRework', { managerRef: ref('The manager returning it') }),
  AuthoriseAssessment: pathwayBody('AuthoriseAssessment', {
    managerRef: ref('The authorising manager'),
    outcome: oneOf(ASSESSMENT_OUTCOMES, 'What the assessment concluded'),
    delayReason: optional(oneOf(DELAY_REASONS, 'Why it took longer than 45 working days, when it did')),
  }),
  EndAssessment: pathwayBody('EndAssessment', { reason: oneOf(ENDED_REASONS, 'Why it ended without an authorised assessment') }),
};
