import {
  checkOccurrence, codeList, firstRefusal, invalidField, isBefore, latest, notBeforeOpen, oneOf, outOfOrder, reference, type Refusal,
} from '@workflows/shared';
import { currentStage, type IroEscalationContext } from './context';
import {
  ESCALATION_ISSUES, FORMAL_STAGES, PLAN_KINDS, RESOLUTIONS, STAGE_RESPONSES, WITHDRAWAL_REASONS, type IroEscalationEvent,
} from './events';

function nextStage(c: IroEscalationContext, stage: unknown): Refusal | undefined {
  const next = currentStage(c) + 1;
  if (next > FORMAL_STAGES.length) return invalidField('stage', `no stage after ${FORMAL_STAGES.length}: refer to CAFCASS or resolve`);
  return stage === next ? undefined : invalidField('stage', `${next} (the next formal stage)`);
}

/** Nothing is dated before the latest step of the formal stages (an escalation or a response). */
function afterStages(c: IroEscalationContext, on: string): Refusal | undefined {
  const last = latest(c.stages.flatMap((s) => [s.escalatedOn, s.respondedOn]));
  return last !== undefined && isBefore(on, last) ? outOfOrder('occurredOn', on, last, 'the latest formal stage step') : undefined;
}

function fields(c: IroEscalationContext, e: IroEscalationEvent): Refusal | undefined {
  switch (e.type) {
    case 'EscalationRaised':
      return firstRefusal(
        () => reference(e.iroRef, 'iroRef'),
        () => reference(e.teamRef, 'teamRef'),
        () => oneOf(e.plan, PLAN_KINDS, 'plan'),
        () => codeList(e.issues, ESCALATION_ISSUES, 'issues', true),
      );
    case 'EscalatedToFormalStage':
      return firstRefusal(() => nextStage(c, e.stage), () => reference(e.escalatedToRef, 'escalatedToRef'), () => notBeforeOpen(c.ledger, e.occurredOn));
    case 'FormalStageResponded':
      return firstRefusal(
        () => oneOf(e.response, STAGE_RESPONSES, 'response'),
        () => reference(e.responderRef, 'responderRef'),
        () => notBeforeOpen(c.ledger, e.occurredOn, ['stage-response']),
      );
    case 'EscalationResolved':
      return firstRefusal(() => oneOf(e.resolution, RESOLUTIONS, 'resolution'), () => notBeforeOpen(c.ledger, e.occurredOn));
    case 'EscalationWithdrawn':
      return firstRefusal(() => oneOf(e.reason, WITHDRAWAL_REASONS, 'reason'), () => notBeforeOpen(c.ledger, e.occurredOn));
    case 'ReferredToCafcass':
      return firstRefusal(() => reference(e.cafcassRef, 'cafcassRef'), () => notBeforeOpen(c.ledger, e.occurredOn));
    default: {
      const unhandled: never = e;
      return unhandled;
    }
  }
}

/** Why the escalation would refuse this event: a missing or invalid field, or a date out of order. */
export function validateIroEscalation(c: IroEscalationContext, e: IroEscalationEvent): Refusal | undefined {
  return firstRefusal(() => checkOccurrence(e, c.startedOn), () => fields(c, e), () => afterStages(c, e.occurredOn));
}
