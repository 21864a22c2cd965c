import { assign, setup } from 'xstate';
import {
  cancelAllDeadlines, cancelDeadlines, meetDeadlines, openDeadline,
  type CancelAllParams, type CancelParams, type CloseParams, type OpenParams, type RuleId,
} from '@workflows/shared';
import { initialContext, recordFacts, triggerFacts, type AssessmentContext, type AssessmentSeries } from './context';
import type { AssessmentEvent } from './events';
import { validateAssessment } from './validate';

/** State meta: the deadline series that may be open while the pathway is in the state. */
export interface AssessmentStateMeta {
  readonly deadlines: readonly AssessmentSeries[];
}

type Args = { context: AssessmentContext; event: AssessmentEvent };
const valid = ({ context, event }: Args): boolean => validateAssessment(context, event) === undefined;

const open = (series: AssessmentSeries, rule: RuleId) => ({ type: 'open', params: { series, rule, single: true } }) as const;
const meet = (series: AssessmentSeries) => ({ type: 'meet', params: { series } }) as const;
const cancel = (series: AssessmentSeries, reason: CancelParams['reason']) => ({ type: 'cancel', params: { series, reason } }) as const;
const ended = { AssessmentEnded: { guard: 'valid', target: '#assessment.closed', actions: ['record', { type: 'cancelAll', params: { reason: 'assessment-ended' } }] } } as const;

export const assessmentMachine = setup({
  types: { context: {} as AssessmentContext, events: {} as AssessmentEvent, meta: {} as AssessmentStateMeta },
  actions: {
    record: assign(({ context, event }) => recordFacts(context, event)),
    open: assign(({ context, event }, p: OpenParams<AssessmentSeries>) => ({ ledger: openDeadline(context.ledger, p, triggerFacts(event)) })),
    meet: assign(({ context, event }, p: CloseParams<AssessmentSeries>) => ({ ledger: meetDeadlines(context.ledger, p, triggerFacts(event).trigger) })),
    cancel: assign(({ context, event }, p: CancelParams<AssessmentSeries>) => ({ ledger: cancelDeadlines(context.ledger, p, triggerFacts(event).trigger) })),
    cancelAll: assign(({ context, event }, p: CancelAllParams<AssessmentSeries>) => ({
      ledger: cancelAllDeadlines(context.ledger, p, triggerFacts(event).trigger),
    })),
  },
  guards: {
    valid,
    leadsToAssessment: (a) => valid(a) && a.event.type === 'ReferralDecisionMade'
      && (a.event.decision === 'single-assessment' || a.event.decision === 'strategy-discussion'),
    needsNoAssessment: (a) => valid(a) && a.event.type === 'ReferralDecisionMade'
      && a.event.decision !== 'single-assessment' && a.event.decision !== 'strategy-discussion',
  },
}).createMachine({
  id: 'assessment',
  context: initialContext,
  initial: 'notReferred',
  states: {
    notReferred: {
      meta: { deadlines: [] },
      on: {
        // Both clocks run from the point of referral (WT: "45 working days from the point of referral").
        ReferralReceived: { guard: 'valid', target: 'awaitingDecision', actions: ['record', open('referral-decision', 'CP-01'), open('assessment', 'CP-02')] },
      },
    },
    awaitingDecision: {
      meta: { deadlines: ['referral-decision', 'assessment'] },
      on: {
        ReferralDecisionMade: [
          { guard: 'leadsToAssessment', target: 'assessing', actions: ['record', meet('referral-decision')] },
          { guard: 'needsNoAssessment', target: 'closed', actions: ['record', meet('referral-decision'), cancel('assessment', 'no-assessment-needed')] },
        ],
        ...ended,
      },
    },
    assessing: {
      meta: { deadlines: ['assessment'] },
      initial: 'awaitingStart',
      on: { ...ended },
      states: {
        awaitingStart: {
          meta: { deadlines: ['assessment'] },
          on: { AssessmentStarted: { guard: 'valid', target: 'inProgress', actions: ['record'] } },
        },
        inProgress: {
          meta: { deadlines: ['assessment'] },
          on: { AssessmentCompleted: { guard: 'valid', target: 'awaitingAuthorisation', actions: ['record'] } },
        },
        awaitingAuthorisation: {
          meta: { deadlines: ['assessment'] },
          on: {
            AssessmentReturnedForRework: { guard: 'valid', target: 'inProgress', actions: ['record'] },
            // CP-02 is met on authorisation; the completion date stays in the context for the other measure.
            AssessmentAuthorised: { guard: 'valid', target: '#assessment.closed', actions: ['record', meet('assessment')] },
          },
        },
      },
    },
    closed: { meta: { deadlines: [] }, type: 'final' },
  },
});

export type AssessmentMachine = typeof assessmentMachine;
