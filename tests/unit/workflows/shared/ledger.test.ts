import {
  cancelAllDeadlines, emptyLedger, isLocalDate, keyFor, localDateFits, meetDeadlines, openDeadline,
} from '@workflows/shared';

const facts = (on: string) => ({ trigger: { event: 'X', at: `${on}T10:00:00Z`, on }, qualifiers: [], anchors: {} });
const by = { event: 'Y', at: '2026-06-01T10:00:00Z', on: '2026-06-01' };

describe('shared: deadline ledger', () => {
  it('keys a single series by its name and others by their ordinal in the instance', () => {
    const once = openDeadline(emptyLedger, { series: 'icpc', rule: 'CP-04', single: true }, facts('2026-05-20'));
    expect(keyFor(once, { series: 'rcpc', rule: 'CP-08' })).toBe('rcpc-1');
    const twice = openDeadline(openDeadline(once, { series: 'rcpc', rule: 'CP-08' }, facts('2026-05-21')), { series: 'rcpc', rule: 'CP-09' }, facts('2026-05-22'));
    expect(Object.keys(twice.open)).toEqual(['icpc', 'rcpc-1', 'rcpc-2']);
  });

  it('refuses to open the same key twice (a machine definition error)', () => {
    const once = openDeadline(emptyLedger, { series: 'icpc', rule: 'CP-04', single: true }, facts('2026-05-20'));
    expect(() => openDeadline(once, { series: 'icpc', rule: 'CP-04', single: true }, facts('2026-05-21'))).toThrow("'icpc'");
  });

  it('meets only the review an event names, and cancels all but the kept series', () => {
    let ledger = emptyLedger;
    for (const on of ['2026-01-01', '2026-02-01']) ledger = openDeadline(ledger, { series: 'review-record', rule: 'ENF-02' }, facts(on));
    ledger = openDeadline(ledger, { series: 'visit', rule: 'LAC-10' }, facts('2026-02-02'));
    const met = meetDeadlines(ledger, { series: 'review-record', which: 'event' }, by, 2);
    expect(met.journal.at(-1)).toEqual({ kind: 'meet', key: 'review-record-2', by });
    const cancelled = cancelAllDeadlines(met, { reason: 'ceased-looked-after', except: ['review-record'] }, by);
    expect(Object.keys(cancelled.open)).toEqual(['review-record-1']);
    expect(meetDeadlines(cancelled, { series: 'visit' }, by)).toBe(cancelled);
  });
});

describe('shared: dates', () => {
  it('accepts real calendar dates only', () => {
    expect(isLocalDate('2028-02-29')).toBe(true);
    expect(isLocalDate('2027-02-29')).toBe(false);
    expect(isLocalDate('2026-5-20')).toBe(false);
  });

  it('a London date is the UTC date or the day after (BST late evening)', () => {
    expect(localDateFits('2026-06-30T23:30:00Z', '2026-07-01')).toBe(true);
    expect(localDateFits('2026-06-30T23:30:00Z', '2026-06-30')).toBe(true);
    expect(localDateFits('2026-06-30T10:00:00Z', '2026-06-29')).toBe(false);
  });
});
