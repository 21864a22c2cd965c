import { allegationStatus, type LadoEvent } from '@workflows/lado-allegation';
import { fold } from '../support/given-when-then';
import { la, lado } from '../support/lado-fixtures';
import { timeliness } from '../support/timeliness';

/** Issue 6 scenario: a LADO allegation that waits months for a CPS decision. */
const history: readonly LadoEvent[] = [
  la.known('2026-01-12'), la.referred('2026-01-13'), la.considered('2026-01-14'), la.asv('2026-01-16'),
  la.investigation('2026-01-16'), la.investigation('2026-01-16', 'employer-disciplinary', false), la.action('2026-01-16', 'suspension'),
  la.toCps('2026-02-20'), la.asv('2026-03-20', 'review'), la.asv('2026-05-15', 'review'),
  la.cps('2026-07-24', 'no-further-action'), la.concluded('2026-07-31'), la.outcome('2026-08-10', 'unsubstantiated'),
  la.concluded('2026-09-04', 'employer-disciplinary'), la.action('2026-09-04', 'final-warning'), la.closed('2026-09-07'),
];

const statusAfter = (n: number) => allegationStatus(fold(lado, history.slice(0, n)));

describe('scenario: a LADO allegation waiting months for a CPS decision', () => {
  it('shows its status at each stage', () => {
    expect([2, 5, 8, 10, 11, 13, 16].map(statusAfter)).toEqual([
      'referred', 'under-investigation', 'awaiting-cps-decision', 'awaiting-cps-decision', 'under-investigation', 'outcome-recorded', 'closed',
    ]);
  });

  it('replays to the expected deadlines: LADO informed in time; resolved late for 1 and 3 months, within 12', () => {
    const s = fold(lado, history);
    expect(timeliness(s.context.ledger)).toEqual({
      'lado-notification': 'due 2026-01-14T00:00:00.000Z met-on-time',
      'resolution-1-month': 'due 2026-02-14T00:00:00.000Z met-late',
      'resolution-3-months': 'due 2026-04-13T23:00:00.000Z met-late', // end of 13 Apr, BST,
      'resolution-12-months': 'due 2027-01-14T00:00:00.000Z met-on-time',
    });
    expect(s.context).toMatchObject({ asvMeetings: 3, reviewAsvMeetings: 2, referredToCpsOn: '2026-02-20', cpsDecision: 'no-further-action', actions: ['suspension', 'final-warning'] });
  });
});
