import { assign, setup } from 'xstate';
import {
  cancelAllDeadlines, cancelDeadlines, meetDeadlines, openDeadline, openDeadlines,
  type CancelAllParams, type CancelParams, type CloseParams, type OpenParams, type RuleId,
} from '@workflows/shared';
import { initialContext, recordFacts, triggerFacts, type ChildProtectionContext, type CpSeries } from './context';
import type { ChildProtectionEvent, NotHeldReason } from './events';
import { validateChildProtection } from './validate';

/** State meta: the deadline series that may be open while the pathway is in the state. */
export interface CpStateMeta {
  readonly deadlines: readonly CpSeries[];
}

const valid = ({ context, event }: { context: ChildProtectionContext; event: ChildProtectionEvent }): boolean =>
  validateChildProtection(context, event) === undefined;

const open = (series: CpSeries, rule: RuleId, single = false) =>
  ({ type: 'open', params: { series, rule, single } }) as const;
const meet = (series: CpSeries) => ({ type: 'meet', params: { series } }) as const;
const cancel = (series: CpSeries, reason: CancelParams['reason']) => ({ type: 'cancel', params: { series, reason } }) as const;
const cancelAll = { type: 'cancelAll', params: { reason: 'plan-ended' } } as const;

const notHeld = (series: CpSeries) =>
  (['family-left-area', 'no-significant-harm', 'care-proceedings'] as const).map((reason) => ({
    guard: { type: 'notHeldBecause', params: { reason } } as const,
    target: '#childProtection.ended',
    actions: ['record', cancel(series, reason)] as const,
  }));

const strategyOutcomes = [
  { guard: 'initiatesS47', target: '#childProtection.s47Enquiry', actions: ['record', open('icpc', 'CP-04', true)] },
  { guard: 'reconvenes', target: '#childProtection.strategyDiscussed', actions: ['record'] },
  { guard: 'closesWithoutS47', target: '#childProtection.ended', actions: ['record'] },
] as const;

export const childProtectionMachine = setup({
  types: {
    context: {} as ChildProtectionContext,
    events: {} as ChildProtectionEvent,
    meta: {} as CpStateMeta,
  },
  actions: {
    record: assign(({ context, event }) => recordFacts(context, event)),
    open: assign(({ context, event }, p: OpenParams<CpSeries>) => ({ ledger: openDeadline(context.ledger, p, triggerFacts(event)) })),
    meet: assign(({ context, event }, p: CloseParams<CpSeries>) => ({ ledger: meetDeadlines(context.ledger, p, triggerFacts(event).trigger) })),
    cancel: assign(({ context, event }, p: CancelParams<CpSeries>) => ({ ledger: cancelDeadlines(context.ledger, p, triggerFacts(event).trigger) })),
    cancelAll: assign(({ context, event }, p: CancelAllParams<CpSeries>) => ({ ledger: cancelAllDeadlines(context.ledger, p, triggerFacts(event).trigger) })),
  },
  guards: {
    valid,
    initiatesS47: (a) => valid(a) && a.event.type === 'StrategyDiscussionHeld' && a.event.initiatesS47,
    reconvenes: (a) => valid(a) && a.event.type === 'StrategyDiscussionHeld' && a.event.decision === 'reconvene',
    closesWithoutS47: (a) => valid(a) && a.event.type === 'StrategyDiscussionHeld'
      && (a.event.decision === 'child-in-need' || a.event.decision === 'no-further-action'),
    makesPlan: (a) => valid(a) && 'outcome' in a.event && a.event.outcome === 'plan' && !('preBirth' in a.event && a.event.preBirth),
    makesPreBirthPlan: (a) => valid(a) && a.event.type === 'InitialConferenceHeld' && a.event.outcome === 'plan' && a.event.preBirth,
    makesNoPlan: (a) => valid(a) && 'outcome' in a.event && a.event.outcome === 'no-plan',
    notHeldBecause: (a, p: { reason: NotHeldReason }) => valid(a) && 'reason' in a.event && a.event.reason === p.reason,
    meetsPostBirthReview: (a) => valid(a) && openDeadlines(a.context.ledger, 'post-birth-review').length > 0,
    endsPlan: (a) => valid(a) && a.event.type === 'ReviewConferenceHeld' && a.event.decision === 'end-plan',
    continuesPlan: (a) => valid(a) && a.event.type === 'ReviewConferenceHeld' && a.event.decision === 'continue-plan',
  },
}).createMachine({
  id: 'childProtection',
  context: initialContext,
  initial: 'notStarted',
  states: {
    notStarted: {
      meta: { deadlines: [] },
      on: {
        StrategyDiscussionHeld: [...strategyOutcomes],
        TransferInNotified: {
          guard: 'valid',
          target: 'awaitingTransferInConference',
          actions: ['record', open('transfer-in-conference', 'CP-12', true)],
        },
      },
    },
    strategyDiscussed: {
      meta: { deadlines: [] },
      on: { StrategyDiscussionHeld: [...strategyOutcomes] },
    },
    s47Enquiry: {
      meta: { deadlines: ['icpc'] },
      on: {
        // A further discussion on the same enquiry: recorded, the ICPC clock is not restarted.
        StrategyDiscussionHeld: { guard: 'valid', actions: ['record'] },
        InitialConferenceHeld: [
          { guard: 'makesPlan', target: 'onPlan.active', actions: ['record', meet('icpc'), open('core-group', 'CP-06'), open('rcpc', 'CP-08')] },
          { guard: 'makesPreBirthPlan', target: 'onPlan.preBirth', actions: ['record', meet('icpc'), open('core-group', 'CP-06')] },
          { guard: 'makesNoPlan', target: 'ended', actions: ['record', meet('icpc')] },
        ],
        InitialConferenceNotRequired: { guard: 'valid', target: 'ended', actions: ['record', cancel('icpc', 'icpc-not-required')] },
        InitialConferenceNotHeld: notHeld('icpc'),
      },
    },
    awaitingTransferInConference: {
      meta: { deadlines: ['transfer-in-conference'] },
      on: {
        TransferInConferenceHeld: [
          {
            guard: 'makesPlan',
            target: 'onPlan.active',
            actions: ['record', meet('transfer-in-conference'), open('core-group', 'CP-06'), open('rcpc', 'CP-08')],
          },
          { guard: 'makesNoPlan', target: 'ended', actions: ['record', meet('transfer-in-conference')] },
        ],
        TransferInConferenceNotHeld: notHeld('transfer-in-conference'),
      },
    },
    onPlan: {
      meta: { deadlines: ['core-group', 'rcpc', 'post-birth-review'] },
      initial: 'active',
      on: { PlanEnded: { guard: 'valid', target: 'ended', actions: ['record', cancelAll] } },
      states: {
        preBirth: {
          meta: { deadlines: ['core-group'] },
          on: {
            ChildBorn: { guard: 'valid', target: 'active', actions: ['record', open('post-birth-review', 'CP-10', true)] },
            CoreGroupHeld: { guard: 'valid', actions: ['record', meet('core-group'), open('core-group', 'CP-07')] },
          },
        },
        active: {
          meta: { deadlines: ['core-group', 'rcpc', 'post-birth-review'] },
          on: {
            CoreGroupHeld: [
              {
                // The first meeting after a pre-birth plan's birth; RCPCs follow within 6 months.
                guard: 'meetsPostBirthReview',
                actions: ['record', meet('core-group'), meet('post-birth-review'), open('core-group', 'CP-07'), open('rcpc', 'CP-09')],
              },
              { guard: 'valid', actions: ['record', meet('core-group'), open('core-group', 'CP-07')] },
            ],
            ReviewConferenceHeld: [
              { guard: 'endsPlan', target: '#childProtection.ended', actions: ['record', meet('rcpc'), meet('post-birth-review'), cancelAll] },
              { guard: 'continuesPlan', actions: ['record', meet('rcpc'), meet('post-birth-review'), open('rcpc', 'CP-09')] },
            ],
          },
        },
      },
    },
    ended: { meta: { deadlines: [] }, type: 'final' },
  },
});

export type ChildProtectionMachine = typeof childProtectionMachine;
