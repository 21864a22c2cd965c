import { assign, setup } from 'xstate';
import {
  cancelAllDeadlines, cancelDeadlines, meetDeadlines, openDeadline,
  type CancelAllParams, type CancelParams, type CloseParams, type OpenParams, type RuleId,
} from '@workflows/shared';
import { initialContext, recordFacts, triggerFacts, type LadoContext, type LadoSeries } from './context';
import type { ConsiderationRoute, LadoEvent } from './events';
import { validateLado } from './validate';

/** State meta: the deadline series that may be open while the allegation is in the state. */
export interface LadoStateMeta {
  readonly deadlines: readonly LadoSeries[];
}

type Args = { context: LadoContext; event: LadoEvent };
const valid = ({ context, event }: Args): boolean => validateLado(context, event) === undefined;

const open = (series: LadoSeries, rule: RuleId, clock?: string) =>
  ({ type: 'open', params: clock === undefined ? { series, rule, single: true } : { series, rule, clock, single: true } }) as const;
const meet = (series: LadoSeries) => ({ type: 'meet', params: { series } }) as const;
const cancel = (series: LadoSeries, reason: CancelParams['reason']) => ({ type: 'cancel', params: { series, reason } }) as const;

/** LADO-06: the case opens at referral, with its 1, 3 and 12 month resolution markers (portfolio targets). */
const openResolution = [
  open('resolution-1-month', 'LADO-06', 'within-1-month'),
  open('resolution-3-months', 'LADO-06', 'within-3-months'),
  open('resolution-12-months', 'LADO-06', 'within-12-months'),
] as const;
const meetResolution = [meet('resolution-1-month'), meet('resolution-3-months'), meet('resolution-12-months')] as const;
const cancelResolution = (reason: CancelParams['reason']) =>
  [cancel('resolution-1-month', reason), cancel('resolution-3-months', reason), cancel('resolution-12-months', reason)] as const;

const routeTo = (route: ConsiderationRoute, extra: readonly ReturnType<typeof open>[]) => ({
  guard: { type: 'routeIs', params: { route } } as const,
  target: 'open' as const,
  actions: ['record', ...extra] as const,
});

/** Investigations, CPS and employer actions: while open, and after the outcome until closed. */
const casework = {
  InvestigationStarted: [
    { guard: 'hearingWithoutInvestigation', actions: ['record', open('disciplinary-hearing', 'LADO-05')] },
    { guard: 'valid', actions: ['record'] },
  ],
  ReferredToCps: { guard: 'valid', actions: ['record'] },
  CpsDecisionMade: { guard: 'valid', actions: ['record'] },
  InvestigationConcluded: [
    { guard: 'concludesDisciplinary', actions: ['record', meet('disciplinary-hearing')] },
    { guard: 'valid', actions: ['record'] },
  ],
  ActionTaken: { guard: 'valid', actions: ['record', meet('employer-action')] },
} as const;

export const ladoAllegationMachine = setup({
  types: { context: {} as LadoContext, events: {} as LadoEvent, meta: {} as LadoStateMeta },
  actions: {
    record: assign(({ context, event }) => recordFacts(context, event)),
    open: assign(({ context, event }, p: OpenParams<LadoSeries>) => ({ ledger: openDeadline(context.ledger, p, triggerFacts(event)) })),
    meet: assign(({ context, event }, p: CloseParams<LadoSeries>) => ({ ledger: meetDeadlines(context.ledger, p, triggerFacts(event).trigger) })),
    cancel: assign(({ context, event }, p: CancelParams<LadoSeries>) => ({ ledger: cancelDeadlines(context.ledger, p, triggerFacts(event).trigger) })),
    cancelAll: assign(({ context, event }, p: CancelAllParams<LadoSeries>) => ({
      ledger: cancelAllDeadlines(context.ledger, p, triggerFacts(event).trigger),
    })),
  },
  guards: {
    valid,
    belowThreshold: (a) => valid(a) && a.event.type === 'InitialConsiderationHeld' && a.event.decision === 'below-threshold',
    routeIs: (a, p: { route: ConsiderationRoute }) => valid(a) && a.event.type === 'InitialConsiderationHeld'
      && a.event.decision === 'threshold-met' && a.event.route === p.route,
    hearingWithoutInvestigation: (a) => valid(a) && a.event.type === 'InvestigationStarted' && a.event.hearingWithoutFurtherInvestigation === true,
    concludesDisciplinary: (a) => valid(a) && a.event.type === 'InvestigationConcluded' && a.event.kind === 'employer-disciplinary',
  },
}).createMachine({
  id: 'ladoAllegation',
  context: initialContext,
  initial: 'notStarted',
  states: {
    notStarted: {
      meta: { deadlines: [] },
      on: {
        AllegationKnownToEmployer: { guard: 'valid', target: 'knownToEmployer', actions: ['record', open('lado-notification', 'LADO-01')] },
        // Made directly to the LADO (a parent, the police, a young person): no employer clock.
        ReferredToLado: { guard: 'valid', target: 'referred', actions: ['record', ...openResolution] },
      },
    },
    knownToEmployer: {
      meta: { deadlines: ['lado-notification'] },
      on: { ReferredToLado: { guard: 'valid', target: 'referred', actions: ['record', meet('lado-notification'), ...openResolution] } },
    },
    referred: {
      meta: { deadlines: ['resolution-1-month', 'resolution-3-months', 'resolution-12-months'] },
      on: {
        InitialConsiderationHeld: [
          // A consultation below the threshold: counted separately, not an allegation case.
          { guard: 'belowThreshold', target: 'consultation', actions: ['record', ...cancelResolution('below-threshold')] },
          routeTo('asv-meeting', []),
          routeTo('clearly-unsubstantiated', [open('early-resolution', 'LADO-03')]),
          routeTo('employer-action', [open('employer-action', 'LADO-04')]),
        ],
      },
    },
    open: {
      meta: { deadlines: ['resolution-1-month', 'resolution-3-months', 'resolution-12-months', 'early-resolution', 'employer-action', 'disciplinary-hearing'] },
      on: {
        AsvMeetingHeld: { guard: 'valid', actions: ['record'] },
        ...casework,
        OutcomeRecorded: { guard: 'valid', target: 'outcomeRecorded', actions: ['record', ...meetResolution, meet('early-resolution')] },
      },
    },
    outcomeRecorded: {
      meta: { deadlines: ['employer-action', 'disciplinary-hearing'] },
      on: {
        ...casework,
        AllegationClosed: { guard: 'valid', target: 'closed', actions: ['record', { type: 'cancelAll', params: { reason: 'allegation-closed' } }] },
      },
    },
    closed: { meta: { deadlines: [] }, type: 'final' },
    consultation: { meta: { deadlines: [] }, type: 'final' },
  },
});

export type LadoAllegationMachine = typeof ladoAllegationMachine;
