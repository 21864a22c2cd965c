import { assign, setup } from 'xstate';
import {
  cancelAllDeadlines, cancelDeadlines, meetDeadlines, openDeadline,
  type CancelAllParams, type CancelParams, type CloseParams, type OpenParams,
} from '@workflows/shared';
import { initialContext, recordFacts, triggerFacts, type MissingEpisodeContext, type MissingSeries } from './context';
import type { MissingEpisodeEvent } from './events';
import { validateMissingEpisode } from './validate';

/** State meta: the deadline series that may be open while the episode is in the state. */
export interface MissingStateMeta {
  readonly deadlines: readonly MissingSeries[];
}

type Args = { context: MissingEpisodeContext; event: MissingEpisodeEvent };
const valid = ({ context, event }: Args): boolean => validateMissingEpisode(context, event) === undefined;

/** MIS-01's two clocks, each once per episode ('rhi-offered', 'rhi-completed'). */
const openRhi = (series: MissingSeries, clock: 'offered' | 'completed') =>
  ({ type: 'open', params: { series, rule: 'MIS-01', clock, single: true } }) as const;
const meet = (series: MissingSeries) => ({ type: 'meet', params: { series } }) as const;
const cancel = (series: MissingSeries, reason: CancelParams['reason']) => ({ type: 'cancel', params: { series, reason } }) as const;
const cancelAll = (reason: CancelAllParams['reason']) => ({ type: 'cancelAll', params: { reason } }) as const;

const statusChanged = { ChildStatusChanged: { guard: 'valid', actions: ['record'] } } as const;

export const missingEpisodeMachine = setup({
  types: { context: {} as MissingEpisodeContext, events: {} as MissingEpisodeEvent, meta: {} as MissingStateMeta },
  actions: {
    record: assign(({ context, event }) => recordFacts(context, event)),
    open: assign(({ context, event }, p: OpenParams<MissingSeries>) => ({ ledger: openDeadline(context.ledger, p, triggerFacts(event)) })),
    meet: assign(({ context, event }, p: CloseParams<MissingSeries>) => ({ ledger: meetDeadlines(context.ledger, p, triggerFacts(event).trigger) })),
    cancel: assign(({ context, event }, p: CancelParams<MissingSeries>) => ({ ledger: cancelDeadlines(context.ledger, p, triggerFacts(event).trigger) })),
    cancelAll: assign(({ context, event }, p: CancelAllParams<MissingSeries>) => ({
      ledger: cancelAllDeadlines(context.ledger, p, triggerFacts(event).trigger),
    })),
  },
  guards: {
    valid,
    wasMissing: (a) => valid(a) && a.context.kind === 'missing',
    wasAbsent: (a) => valid(a) && a.context.kind === 'absent',
  },
}).createMachine({
  id: 'missingEpisode',
  context: initialContext,
  initial: 'notReported',
  states: {
    notReported: {
      meta: { deadlines: [] },
      on: { MissingReported: { guard: 'valid', target: 'missing', actions: ['record'] } },
    },
    missing: {
      meta: { deadlines: [] },
      on: {
        ...statusChanged,
        ChildReturned: [
          {
            guard: 'wasMissing',
            target: 'returned',
            actions: ['record', openRhi('rhi-offered', 'offered'), openRhi('rhi-completed', 'completed')],
          },
          // An absence (SSDA903 A) is not the trigger of MIS-01: the episode ends at the return.
          { guard: 'wasAbsent', target: 'ended', actions: ['record'] },
        ],
        MissingReportWithdrawn: { guard: 'valid', target: 'ended', actions: ['record'] },
      },
    },
    returned: {
      meta: { deadlines: ['rhi-offered', 'rhi-completed'] },
      initial: 'awaitingOffer',
      on: {
        ...statusChanged,
        ReturnInterviewNotPossible: { guard: 'valid', target: 'ended', actions: ['record', cancelAll('rhi-not-possible')] },
      },
      states: {
        awaitingOffer: {
          meta: { deadlines: ['rhi-offered', 'rhi-completed'] },
          on: {
            ReturnInterviewOffered: { guard: 'valid', target: 'offered', actions: ['record', meet('rhi-offered')] },
            // Completing or declining the interview shows it was offered.
            ReturnInterviewCompleted: { guard: 'valid', target: '#missingEpisode.ended', actions: ['record', meet('rhi-offered'), meet('rhi-completed')] },
            ReturnInterviewDeclined: {
              guard: 'valid',
              target: '#missingEpisode.ended',
              actions: ['record', meet('rhi-offered'), cancel('rhi-completed', 'rhi-declined')],
            },
          },
        },
        offered: {
          meta: { deadlines: ['rhi-completed'] },
          on: {
            // A further offer (another date, or the IRO once the child came into care): recorded.
            ReturnInterviewOffered: { guard: 'valid', actions: ['record'] },
            ReturnInterviewCompleted: { guard: 'valid', target: '#missingEpisode.ended', actions: ['record', meet('rhi-completed')] },
            ReturnInterviewDeclined: { guard: 'valid', target: '#missingEpisode.ended', actions: ['record', cancel('rhi-completed', 'rhi-declined')] },
          },
        },
      },
    },
    ended: { meta: { deadlines: [] }, type: 'final' },
  },
});

export type MissingEpisodeMachine = typeof missingEpisodeMachine;
