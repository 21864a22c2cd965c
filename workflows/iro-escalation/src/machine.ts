import { assign, setup } from 'xstate';
import {
  cancelAllDeadlines, lapseDeadlines, meetDeadlines, openDeadline,
  type CancelAllParams, type CloseParams, type OpenParams,
} from '@workflows/shared';
import { initialContext, recordFacts, triggerFacts, type EscalationSeries, type IroEscalationContext } from './context';
import { FORMAL_STAGES, type FormalStage, type IroEscalationEvent } from './events';
import { validateIroEscalation } from './validate';

/** State meta: the deadline series that may be open while the escalation is in the state. */
export interface IroEscalationStateMeta {
  readonly deadlines: readonly EscalationSeries[];
}

type Args = { context: IroEscalationContext; event: IroEscalationEvent };
const valid = ({ context, event }: Args): boolean => validateIroEscalation(context, event) === undefined;

/** Formal stage n's response deadline: IRO-02, the overlay's clock `stage-n` (key 'stage-response-n'). */
const openStage = (stage: FormalStage) => ({ type: 'open', params: { series: 'stage-response', rule: 'IRO-02', clock: `stage-${stage}` } }) as const;
const meet = (series: EscalationSeries) => ({ type: 'meet', params: { series } }) as const;
const lapse = (series: EscalationSeries) => ({ type: 'lapse', params: { series } }) as const;
const cancelAll = (reason: CancelAllParams['reason']) => ({ type: 'cancelAll', params: { reason } }) as const;

/** Escalating to stage n: from the informal stage (n = 1) or from the previous formal stage (n > 1). */
const escalate = (stages: readonly FormalStage[], closings: readonly (ReturnType<typeof meet> | ReturnType<typeof lapse>)[]) =>
  stages.map((stage) => ({
    guard: { type: 'toStage', params: { stage } } as const,
    target: '#iroEscalation.formal.awaitingResponse',
    actions: ['record', ...closings, openStage(stage)] as const,
  }));

/** Ways out of any active stage. */
const LATER_STAGES = FORMAL_STAGES.filter((stage) => stage > 1);

const ending = {
  EscalationWithdrawn: { guard: 'valid', target: '#iroEscalation.withdrawn', actions: ['record', cancelAll('escalation-withdrawn')] },
  ReferredToCafcass: { guard: 'valid', target: '#iroEscalation.referredToCafcass', actions: ['record', cancelAll('referred-to-cafcass')] },
} as const;

export const iroEscalationMachine = setup({
  types: { context: {} as IroEscalationContext, events: {} as IroEscalationEvent, meta: {} as IroEscalationStateMeta },
  actions: {
    record: assign(({ context, event }) => recordFacts(context, event)),
    open: assign(({ context, event }, p: OpenParams<EscalationSeries>) => ({ ledger: openDeadline(context.ledger, p, triggerFacts(event)) })),
    meet: assign(({ context, event }, p: CloseParams<EscalationSeries>) => ({ ledger: meetDeadlines(context.ledger, p, triggerFacts(event).trigger) })),
    lapse: assign(({ context, event }, p: CloseParams<EscalationSeries>) => ({ ledger: lapseDeadlines(context.ledger, p, triggerFacts(event).trigger) })),
    cancelAll: assign(({ context, event }, p: CancelAllParams<EscalationSeries>) => ({
      ledger: cancelAllDeadlines(context.ledger, p, triggerFacts(event).trigger),
    })),
  },
  guards: {
    valid,
    toStage: (a, p: { stage: FormalStage }) => valid(a) && a.event.type === 'EscalatedToFormalStage' && a.event.stage === p.stage,
    resolvedAtStage: (a) => valid(a) && a.event.type === 'FormalStageResponded' && a.event.response === 'resolved',
    notResolvedAtStage: (a) => valid(a) && a.event.type === 'FormalStageResponded' && a.event.response === 'not-resolved',
  },
}).createMachine({
  id: 'iroEscalation',
  context: initialContext,
  initial: 'notRaised',
  states: {
    notRaised: {
      meta: { deadlines: [] },
      on: {
        EscalationRaised: {
          guard: 'valid',
          target: 'informal',
          actions: ['record', { type: 'open', params: { series: 'informal-resolution', rule: 'IRO-01', single: true } }],
        },
      },
    },
    informal: {
      meta: { deadlines: ['informal-resolution'] },
      on: {
        // Escalating in time meets the informal stage: the IRO acted within it.
        EscalatedToFormalStage: escalate([1], [meet('informal-resolution')]),
        EscalationResolved: { guard: 'valid', target: 'resolved', actions: ['record', meet('informal-resolution')] },
        ...ending,
      },
    },
    formal: {
      meta: { deadlines: ['stage-response'] },
      initial: 'awaitingResponse',
      on: { ...ending },
      states: {
        awaitingResponse: {
          meta: { deadlines: ['stage-response'] },
          on: {
            FormalStageResponded: [
              { guard: 'resolvedAtStage', target: '#iroEscalation.resolved', actions: ['record', meet('stage-response')] },
              { guard: 'notResolvedAtStage', target: 'responded', actions: ['record', meet('stage-response')] },
            ],
            // Escalated again without a response from this stage: its response deadline lapses.
            EscalatedToFormalStage: escalate(LATER_STAGES, [lapse('stage-response')]),
            EscalationResolved: { guard: 'valid', target: '#iroEscalation.resolved', actions: ['record', meet('stage-response')] },
          },
        },
        responded: {
          meta: { deadlines: [] },
          on: {
            EscalatedToFormalStage: escalate(LATER_STAGES, []),
            EscalationResolved: { guard: 'valid', target: '#iroEscalation.resolved', actions: ['record'] },
          },
        },
      },
    },
    resolved: { meta: { deadlines: [] }, type: 'final' },
    withdrawn: { meta: { deadlines: [] }, type: 'final' },
    referredToCafcass: { meta: { deadlines: [] }, type: 'final' },
  },
});

export type IroEscalationMachine = typeof iroEscalationMachine;
