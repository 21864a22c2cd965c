import { assessmentMachine, REFERRAL_DECISIONS, type AssessmentSnapshot } from '@workflows/assessment';
import { openDeadlines } from '@workflows/shared';
import { asm, assessment } from '../support/assessment-fixtures';
import { nextDay } from '../support/model';
import { modelSuite } from '../support/model-checks';

const events = (s: AssessmentSnapshot) =>
  nextDay(s, (on) => [
    asm.referral(on), ...REFERRAL_DECISIONS.map((d) => asm.decision(on, d)), asm.started(on), asm.completed(on), asm.rework(on),
    asm.authorised(on), asm.authorised(on, { delayReason: 'complexity' }), asm.ended(on),
  ]);

/** Abstract state: where the referral is, which deadlines are open, whether it was reworked. */
const serializeState = (s: AssessmentSnapshot): string =>
  `${JSON.stringify(s.value)}|${openDeadlines(s.context.ledger).map((d) => d.key).sort().join(',')}|${s.context.decision ?? '-'}|${s.context.reworks > 0}`;

modelSuite('assessment', assessmentMachine, assessment, events, serializeState);
