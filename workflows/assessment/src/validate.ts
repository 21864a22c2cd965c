import { checkOccurrence, firstRefusal, invalidField, isBefore, notBeforeOpen, oneOf, outOfOrder, reference, type Refusal } from '@workflows/shared';
import type { AssessmentContext } from './context';
import { ASSESSMENT_OUTCOMES, DELAY_REASONS, ENDED_REASONS, REFERRAL_DECISIONS, type AssessmentEvent } from './events';

/** CIN census referral source codes: 1A-1D, 2A-2B, 3A-3F, 4, 5A-5D, 6, 7, 8, 9, 10. */
const SOURCE_CODE = /^(?:1[A-D]|2[AB]|3[A-F]|4|5[A-D]|6|7|8|9|10)$/;

function notBefore(on: string, previous: string | undefined, what: string): Refusal | undefined {
  return previous !== undefined && isBefore(on, previous) ? outOfOrder('occurredOn', on, previous, what) : undefined;
}

function fields(c: AssessmentContext, e: AssessmentEvent): Refusal | undefined {
  switch (e.type) {
    case 'ReferralReceived':
      return typeof e.source === 'string' && SOURCE_CODE.test(e.source) ? undefined : invalidField('source', 'a CIN census referral source code such as 5A');
    case 'ReferralDecisionMade':
      return firstRefusal(
        () => oneOf(e.decision, REFERRAL_DECISIONS, 'decision'),
        () => reference(e.decidedByRef, 'decidedByRef'),
        () => notBeforeOpen(c.ledger, e.occurredOn, ['referral-decision']),
      );
    case 'AssessmentStarted':
      return firstRefusal(() => reference(e.workerRef, 'workerRef'), () => notBefore(e.occurredOn, c.decidedOn, 'the referral decision'));
    case 'AssessmentCompleted':
      return firstRefusal(() => reference(e.workerRef, 'workerRef'), () => notBefore(e.occurredOn, c.assessmentStartedOn, 'the start of the assessment'));
    case 'AssessmentReturnedForRework':
      return firstRefusal(() => reference(e.managerRef, 'managerRef'), () => notBefore(e.occurredOn, c.completedOn, 'the completion of the assessment'));
    case 'AssessmentAuthorised':
      return firstRefusal(
        () => reference(e.managerRef, 'managerRef'),
        () => oneOf(e.outcome, ASSESSMENT_OUTCOMES, 'outcome'),
        () => (e.delayReason === undefined ? undefined : oneOf(e.delayReason, DELAY_REASONS, 'delayReason')),
        () => notBefore(e.occurredOn, c.completedOn, 'the completion of the assessment'),
      );
    case 'AssessmentEnded':
      return firstRefusal(() => oneOf(e.reason, ENDED_REASONS, 'reason'), () => notBeforeOpen(c.ledger, e.occurredOn));
    default: {
      const unhandled: never = e;
      return unhandled;
    }
  }
}

/** Why the pathway would refuse this event: a missing or invalid field, or a date out of order. */
export function validateAssessment(c: AssessmentContext, e: AssessmentEvent): Refusal | undefined {
  return firstRefusal(() => checkOccurrence(e, c.startedOn), () => fields(c, e));
}
