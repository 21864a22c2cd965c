import { iroEscalationMachine, type IroEscalationSnapshot } from '@workflows/iro-escalation';
import { openDeadlines } from '@workflows/shared';
import { iro, iroEscalation } from '../support/iro-fixtures';
import { nextDay } from '../support/model';
import { modelSuite } from '../support/model-checks';

const events = (s: IroEscalationSnapshot) =>
  nextDay(s, (on) => [
    iro.raised(on), iro.escalated(on, 1), iro.escalated(on, 2), iro.escalated(on, 3), iro.responded(on), iro.responded(on, 'resolved'),
    iro.resolved(on), iro.withdrawn(on), iro.cafcass(on),
  ]);

/** Abstract state: where the escalation is, the stage reached, and which deadlines are open. */
const serializeState = (s: IroEscalationSnapshot): string =>
  `${JSON.stringify(s.value)}|${s.context.stages.length}|${openDeadlines(s.context.ledger).map((d) => d.series).join(',')}`;

modelSuite('IRO escalation', iroEscalationMachine, iroEscalation, events, serializeState);
