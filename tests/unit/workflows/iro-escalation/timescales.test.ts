import { PENDING_RULEBOOKS } from '@csc/rulebook';
import type { IroEscalationEvent } from '@workflows/iro-escalation';
import type { OpenIntent } from '@workflows/shared';
import { deadlineOf } from '../support/deadline-of';
import { fold } from '../support/given-when-then';
import { iro, iroEscalation } from '../support/iro-fixtures';

const opened = (events: readonly IroEscalationEvent[]): OpenIntent[] =>
  fold(iroEscalation, events).context.ledger.journal.filter((i): i is OpenIntent => i.kind === 'open');

describe('IRO escalation timescales come from the council overlay', () => {
  const history = [iro.raised('2026-05-18'), iro.escalated('2026-05-20', 1), iro.responded('2026-05-22'), iro.escalated('2026-05-26', 2)];

  it("under enfield@2 each stage's intent computes with its own clock", () => {
    const dues = opened(history).map((i) => {
      const d = deadlineOf(i, { name: 'enfield', version: 2 }, PENDING_RULEBOOKS);
      return [i.key, d.clock, d.dueDate];
    });
    expect(dues).toEqual([
      ['informal-resolution', 'default', '2026-05-26'], // Spring bank holiday Mon 25 May skipped
      ['stage-response-1', 'stage-1', '2026-05-28'],
      ['stage-response-2', 'stage-2', '2026-06-02'],
    ]);
  });

  it('nationally there is no timescale: the rulebook says so rather than inventing one', () => {
    const [informal] = opened(history);
    expect(() => informal && deadlineOf(informal, { name: 'national', version: 2 }, PENDING_RULEBOOKS)).toThrow(expect.objectContaining({ code: 'RULE_NO_TIMESCALE' }) as Error);
  });
});
