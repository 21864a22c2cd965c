import { emptyLedger, type LocalDate, type PathwayContext, type TriggerFacts } from '@workflows/shared';
import type { EscalationIssue, FormalStage, IroEscalationEvent, PlanKind, Resolution, StageResponse, WithdrawalReason } from './events';

/** Deadline series: the informal stage once, then one response per formal stage ('stage-response-2' is stage 2's). */
export type EscalationSeries = 'informal-resolution' | 'stage-response';

export interface StageRecord {
  readonly stage: FormalStage;
  readonly escalatedOn: LocalDate;
  readonly escalatedToRef: string;
  readonly respondedOn: LocalDate | undefined;
  readonly response: StageResponse | undefined;
}

export interface IroEscalationContext extends PathwayContext {
  readonly iroRef: string | undefined;
  readonly teamRef: string | undefined;
  readonly plan: PlanKind | undefined;
  readonly issues: readonly EscalationIssue[];
  readonly stages: readonly StageRecord[];
  readonly resolution: Resolution | undefined;
  readonly withdrawalReason: WithdrawalReason | undefined;
  readonly cafcassRef: string | undefined;
  readonly endedOn: LocalDate | undefined;
}

export const initialContext: IroEscalationContext = {
  ledger: emptyLedger,
  startedOn: undefined,
  iroRef: undefined,
  teamRef: undefined,
  plan: undefined,
  issues: [],
  stages: [],
  resolution: undefined,
  withdrawalReason: undefined,
  cafcassRef: undefined,
  endedOn: undefined,
};

/** The formal stage reached (0 while informal). */
export const currentStage = (c: IroEscalationContext): number => c.stages[c.stages.length - 1]?.stage ?? 0;

function responded(c: IroEscalationContext, on: LocalDate, response: StageResponse): readonly StageRecord[] {
  return c.stages.map((s, i) => (i === c.stages.length - 1 ? { ...s, respondedOn: on, response } : s));
}

export function recordFacts(c: IroEscalationContext, e: IroEscalationEvent): Partial<IroEscalationContext> {
  switch (e.type) {
    case 'EscalationRaised':
      return { startedOn: e.occurredOn, iroRef: e.iroRef, teamRef: e.teamRef, plan: e.plan, issues: e.issues };
    case 'EscalatedToFormalStage':
      return { stages: [...c.stages, { stage: e.stage, escalatedOn: e.occurredOn, escalatedToRef: e.escalatedToRef, respondedOn: undefined, response: undefined }] };
    case 'FormalStageResponded':
      return { stages: responded(c, e.occurredOn, e.response), endedOn: e.response === 'resolved' ? e.occurredOn : undefined };
    case 'EscalationResolved':
      return { resolution: e.resolution, endedOn: e.occurredOn };
    case 'EscalationWithdrawn':
      return { withdrawalReason: e.reason, endedOn: e.occurredOn };
    case 'ReferredToCafcass':
      return { cafcassRef: e.cafcassRef, endedOn: e.occurredOn };
    default: {
      const unhandled: never = e;
      return unhandled;
    }
  }
}

export function triggerFacts(e: IroEscalationEvent): TriggerFacts {
  return { trigger: { event: e.type, at: e.occurredAt, on: e.occurredOn }, qualifiers: [], anchors: {} };
}
