import { initialTransition, transition, type SnapshotFrom } from 'xstate';
import { allowedEventTypes, applyWith, refusalFor, stateName, type Applied, type LocalDate, type Refusal } from '@workflows/shared';
import { currentStage } from './context';
import type { IroEscalationEvent, IroEscalationEventType, PlanKind } from './events';
import { iroEscalationMachine } from './machine';
import { validateIroEscalation } from './validate';

export type IroEscalationSnapshot = SnapshotFrom<typeof iroEscalationMachine>;

/** A new escalation (one instance per dispute), before it is raised. */
export function startIroEscalation(): IroEscalationSnapshot {
  return initialTransition(iroEscalationMachine)[0];
}

/** Apply one recorded event: the next snapshot and its deadline intents, or why it is refused. */
export function applyIroEscalation(snapshot: IroEscalationSnapshot, event: IroEscalationEvent): Applied<IroEscalationSnapshot> {
  return applyWith((s, e: IroEscalationEvent) => transition(iroEscalationMachine, s, e)[0], validateIroEscalation, snapshot, event);
}

export function allowedIroEscalationEvents(snapshot: IroEscalationSnapshot): readonly IroEscalationEventType[] {
  return allowedEventTypes(snapshot) as readonly IroEscalationEventType[];
}

export function iroEscalationRefusal(snapshot: IroEscalationSnapshot, event: IroEscalationEvent): Refusal | undefined {
  return refusalFor(snapshot, event, validateIroEscalation);
}

/** The state as one string, e.g. 'formal.awaitingResponse'. */
export function iroEscalationState(snapshot: IroEscalationSnapshot): string {
  return stateName(snapshot.value);
}

export type EscalationStatus = 'informal' | 'formal' | 'resolved' | 'withdrawn' | 'referred-to-cafcass';

/** One row of the escalation register, for queries per IRO and per team (the record that leaves a trace). */
export interface EscalationSummary {
  readonly escalationId: string;
  readonly iroRef: string;
  readonly teamRef: string;
  readonly plan: PlanKind;
  readonly raisedOn: LocalDate;
  readonly status: EscalationStatus;
  /** 0 while informal; the highest formal stage reached otherwise. */
  readonly stage: number;
  readonly endedOn: LocalDate | undefined;
}

const STATUS: Record<string, EscalationStatus> = { resolved: 'resolved', withdrawn: 'withdrawn', referredToCafcass: 'referred-to-cafcass', informal: 'informal' };

/** The escalation's register row; undefined before it is raised. */
export function summariseEscalation(escalationId: string, snapshot: IroEscalationSnapshot): EscalationSummary | undefined {
  const c = snapshot.context;
  if (c.iroRef === undefined || c.teamRef === undefined || c.plan === undefined || c.startedOn === undefined) return undefined;
  const top = iroEscalationState(snapshot).split('.')[0] ?? '';
  return {
    escalationId, iroRef: c.iroRef, teamRef: c.teamRef, plan: c.plan, raisedOn: c.startedOn,
    status: STATUS[top] ?? 'formal', stage: currentStage(c), endedOn: c.endedOn,
  };
}
