import { childProtectionMachine, NOT_HELD_REASONS, type ChildProtectionSnapshot } from '@workflows/child-protection';
import { openDeadlines } from '@workflows/shared';
import { childProtection, cp } from '../support/cp-fixtures';
import { nextDay } from '../support/model';
import { modelSuite } from '../support/model-checks';

const noPlan = { outcome: 'no-plan', category: undefined } as const;

const events = (s: ChildProtectionSnapshot) =>
  nextDay(s, (on) => [
    cp.strategy(on), cp.furtherStrategy(on), cp.furtherStrategy(on, { decision: 'section-47' }),
    cp.strategy(on, { decision: 'no-further-action', initiatesS47: false }), cp.strategy(on, { decision: 'child-in-need', initiatesS47: false }),
    cp.icpc(on), cp.icpc(on, { preBirth: true }), cp.icpc(on, noPlan), cp.icpcNotRequired(on),
    ...NOT_HELD_REASONS.map((r) => cp.icpcNotHeld(on, r)),
    cp.transferNotified(on), cp.transferConference(on), cp.transferConference(on, noPlan),
    ...NOT_HELD_REASONS.map((r) => cp.transferNotHeld(on, r)),
    cp.born(on), cp.born(on, false), cp.coreGroup(on), cp.rcpc(on), cp.rcpc(on, { decision: 'end-plan' }), cp.planEnded(on),
  ]);

/** Abstract state: where the pathway is and which series are open (dates and counts folded away). */
const serializeState = (s: ChildProtectionSnapshot): string =>
  `${JSON.stringify(s.value)}|${[...new Set(openDeadlines(s.context.ledger).map((d) => d.series))].sort().join(',')}|${s.context.reviewsHeld > 0}`;

modelSuite('child protection', childProtectionMachine, childProtection, events, serializeState);
