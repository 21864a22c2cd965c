import { emptyLedger, type LocalDate, type PathwayContext, type TriggerFacts } from '@workflows/shared';
import type {
  AllegationOutcome, AllegationSubject, ConsiderationRoute, CpsDecision, EmployerAction, InvestigationKind, LadoEvent, ReferrerType,
} from './events';

/** Deadline series, each once per allegation. */
export type LadoSeries =
  | 'lado-notification' // LADO-01
  | 'resolution-1-month' | 'resolution-3-months' | 'resolution-12-months' // LADO-06 portfolio markers
  | 'early-resolution' // LADO-03
  | 'employer-action' // LADO-04
  | 'disciplinary-hearing'; // LADO-05

export const RESOLUTION_SERIES: readonly LadoSeries[] = ['resolution-1-month', 'resolution-3-months', 'resolution-12-months'];

/** Where an investigation is: police ones may wait on the Crown Prosecution Service. */
export type InvestigationStatus = 'running' | 'awaiting-cps' | 'concluded';

export interface LadoContext extends PathwayContext {
  readonly subject: AllegationSubject | undefined;
  readonly knownOn: LocalDate | undefined;
  readonly referredOn: LocalDate | undefined;
  readonly referrerType: ReferrerType | undefined;
  readonly thresholdMet: boolean | undefined;
  readonly route: ConsiderationRoute | undefined;
  readonly asvMeetings: number;
  readonly reviewAsvMeetings: number;
  readonly investigations: Readonly<Partial<Record<InvestigationKind, InvestigationStatus>>>;
  readonly referredToCpsOn: LocalDate | undefined;
  readonly cpsDecision: CpsDecision | undefined;
  readonly actions: readonly EmployerAction[];
  readonly outcome: AllegationOutcome | undefined;
  readonly outcomeOn: LocalDate | undefined;
  readonly closedOn: LocalDate | undefined;
}

export const initialContext: LadoContext = {
  ledger: emptyLedger,
  startedOn: undefined,
  subject: undefined,
  knownOn: undefined,
  referredOn: undefined,
  referrerType: undefined,
  thresholdMet: undefined,
  route: undefined,
  asvMeetings: 0,
  reviewAsvMeetings: 0,
  investigations: {},
  referredToCpsOn: undefined,
  cpsDecision: undefined,
  actions: [],
  outcome: undefined,
  outcomeOn: undefined,
  closedOn: undefined,
};

const investigation = (c: LadoContext, kind: InvestigationKind, status: InvestigationStatus) => ({
  investigations: { ...c.investigations, [kind]: status },
});

export function recordFacts(c: LadoContext, e: LadoEvent): Partial<LadoContext> {
  switch (e.type) {
    case 'AllegationKnownToEmployer':
      return { startedOn: e.occurredOn, knownOn: e.occurredOn, subject: e.subject };
    case 'ReferredToLado':
      return { startedOn: c.startedOn ?? e.occurredOn, referredOn: e.occurredOn, referrerType: e.referrerType, subject: e.subject ?? c.subject };
    case 'InitialConsiderationHeld':
      return { thresholdMet: e.decision === 'threshold-met', route: e.route, closedOn: e.decision === 'below-threshold' ? e.occurredOn : undefined };
    case 'AsvMeetingHeld':
      return e.kind === 'initial' ? { asvMeetings: c.asvMeetings + 1 } : { asvMeetings: c.asvMeetings + 1, reviewAsvMeetings: c.reviewAsvMeetings + 1 };
    case 'InvestigationStarted':
      return investigation(c, e.kind, 'running');
    case 'ReferredToCps':
      return { ...investigation(c, 'police', 'awaiting-cps'), referredToCpsOn: e.occurredOn };
    case 'CpsDecisionMade':
      return { ...investigation(c, 'police', 'running'), cpsDecision: e.decision };
    case 'InvestigationConcluded':
      return investigation(c, e.kind, 'concluded');
    case 'ActionTaken':
      return { actions: [...c.actions, e.action] };
    case 'OutcomeRecorded':
      return { outcome: e.outcome, outcomeOn: e.occurredOn };
    case 'AllegationClosed':
      return { closedOn: e.occurredOn };
    default: {
      const unhandled: never = e;
      return unhandled;
    }
  }
}

/** Investigations not yet concluded (closing the allegation waits for them). */
export function unconcluded(c: LadoContext): readonly InvestigationKind[] {
  return (Object.entries(c.investigations) as [InvestigationKind, InvestigationStatus][]).filter(([, s]) => s !== 'concluded').map(([k]) => k);
}

export function triggerFacts(e: LadoEvent): TriggerFacts {
  return { trigger: { event: e.type, at: e.occurredAt, on: e.occurredOn }, qualifiers: [], anchors: {} };
}
