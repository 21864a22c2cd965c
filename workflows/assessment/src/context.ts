import { emptyLedger, type LocalDate, type PathwayContext, type TriggerFacts } from '@workflows/shared';
import type { AssessmentEvent, AssessmentOutcome, DelayReason, EndedReason, ReferralDecision } from './events';

/** Deadline series, each once per referral: the decision (CP-01) and the authorised assessment (CP-02). */
export type AssessmentSeries = 'referral-decision' | 'assessment';

/** Every date of the referral and its assessment, for both measures (from referral, and start to authorisation). */
export interface AssessmentContext extends PathwayContext {
  readonly source: string | undefined;
  readonly decidedOn: LocalDate | undefined;
  readonly decision: ReferralDecision | undefined;
  readonly assessmentStartedOn: LocalDate | undefined;
  /** The latest completion (a reworked assessment is completed again). */
  readonly completedOn: LocalDate | undefined;
  readonly firstCompletedOn: LocalDate | undefined;
  readonly reworks: number;
  readonly authorisedOn: LocalDate | undefined;
  readonly outcome: AssessmentOutcome | undefined;
  readonly delayReason: DelayReason | undefined;
  readonly endedOn: LocalDate | undefined;
  readonly endedReason: EndedReason | undefined;
}

export const initialContext: AssessmentContext = {
  ledger: emptyLedger,
  startedOn: undefined,
  source: undefined,
  decidedOn: undefined,
  decision: undefined,
  assessmentStartedOn: undefined,
  completedOn: undefined,
  firstCompletedOn: undefined,
  reworks: 0,
  authorisedOn: undefined,
  outcome: undefined,
  delayReason: undefined,
  endedOn: undefined,
  endedReason: undefined,
};

export function recordFacts(c: AssessmentContext, e: AssessmentEvent): Partial<AssessmentContext> {
  switch (e.type) {
    case 'ReferralReceived':
      return { startedOn: e.occurredOn, source: e.source };
    case 'ReferralDecisionMade':
      return { decidedOn: e.occurredOn, decision: e.decision };
    case 'AssessmentStarted':
      return { assessmentStartedOn: e.occurredOn };
    case 'AssessmentCompleted':
      return { completedOn: e.occurredOn, firstCompletedOn: c.firstCompletedOn ?? e.occurredOn };
    case 'AssessmentReturnedForRework':
      return { reworks: c.reworks + 1 };
    case 'AssessmentAuthorised':
      return { authorisedOn: e.occurredOn, outcome: e.outcome, delayReason: e.delayReason, endedOn: e.occurredOn };
    case 'AssessmentEnded':
      return { endedOn: e.occurredOn, endedReason: e.reason };
    default: {
      const unhandled: never = e;
      return unhandled;
    }
  }
}

export function triggerFacts(e: AssessmentEvent): TriggerFacts {
  return { trigger: { event: e.type, at: e.occurredAt, on: e.occurredOn }, qualifiers: [], anchors: {} };
}
