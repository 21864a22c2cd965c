import { shippedCalendar } from '@csc/calendar';
import { chooseClock, deadlinesOf, foldCaseAsOf, encodeCaseEvent, type CaseDeadline } from '@csc/case';
import type { OpenIntent } from '@workflows/shared';
import { c, rec, type Recorded } from './support/fixtures';
import { replay } from './support/given-when-then';

const calendar = shippedCalendar();
const opened = rec(c.open('2026-01-05'));
const withIro = rec(c.allocateIro('2026-01-05'));

function deadlines(history: readonly Recorded[], asOf: string, whatIf?: { name: string; version?: number }): Map<string, CaseDeadline> {
  const { state } = replay(history);
  return new Map(deadlinesOf(state, asOf, { calendar, ...(whatIf ? { whatIf } : {}) }).map((d) => [d.key, d]));
}
const get = (m: Map<string, CaseDeadline>, key: string): CaseDeadline => {
  const d = m.get(key);
  if (d === undefined) throw new Error(`no deadline ${key}: ${[...m.keys()].join(', ')}`);
  return d;
};

describe('deadlines derived from the record and the rulebook (hand-checked dates)', () => {
  it('ICPC: 15 working days from the initiating strategy discussion, Spring bank holiday skipped (TIMESCALES 6)', () => {
    const icpc = get(deadlines([opened, withIro, rec(c.strategy('2026-05-20'))], '2026-05-21T00:00:00Z'), 'icpc');
    expect(icpc).toMatchObject({
      id: 'c-100/cp-1/icpc', pathway: 'child-protection', instanceId: 'cp-1', ruleId: 'CP-04', rulebookVersion: 'national@2',
      dueDate: '2026-06-11', actByDate: '2026-06-11', dueInstant: '2026-06-11T23:00:00.000Z', status: 'open',
      owner: { kind: 'iro', ref: 'iro-7' }, trigger: { event: 'StrategyDiscussionHeld', occurredOn: '2026-05-20', recordedAt: '2026-05-20T16:00:00Z' },
    });
    expect(icpc.ruleVersion).toMatch(/^CP-04\/national@1\//);
  });

  it('a later strategy discussion does not restart the ICPC clock', () => {
    const m = deadlines([opened, rec(c.strategy('2026-05-20')), rec(c.strategy('2026-05-27', { instanceId: 'cp-1', initiatesS47: false, decision: 'reconvene' }))], '2026-05-28T00:00:00Z');
    expect(get(m, 'icpc').dueDate).toBe('2026-06-11');
  });

  it('first core group 10 working days after the ICPC (Summer bank holiday skipped), owned by the team; RCPC in 3 months', () => {
    const m = deadlines([opened, withIro, rec(c.strategy('2026-08-10')), rec(c.icpc('2026-08-27'))], '2026-08-28T00:00:00Z');
    expect(get(m, 'core-group-1')).toMatchObject({ ruleId: 'CP-06', dueDate: '2026-09-11', owner: { kind: 'team', ref: 'team-north' } });
    expect(get(m, 'rcpc-1')).toMatchObject({ ruleId: 'CP-08', dueDate: '2026-11-27', owner: { kind: 'iro' } });
    expect(get(m, 'icpc')).toMatchObject({ status: 'met-on-time', closedBy: { kind: 'meet', event: 'InitialConferenceHeld', occurredOn: '2026-08-27' } });
  });

  it('the next RCPC counts 6 months from the actual date of the last (month end clamped)', () => {
    const m = deadlines([opened, rec(c.strategy('2026-05-20')), rec(c.icpc('2026-06-01')), rec(c.rcpc('2026-08-31'))], '2026-09-01T00:00:00Z');
    expect(get(m, 'rcpc-2')).toMatchObject({ ruleId: 'CP-09', dueDate: '2027-02-28', actByDate: '2027-02-26', status: 'open' });
  });

  it('an ICPC held after its due date is met late; one that did not happen is cancelled with its reason', () => {
    const late = deadlines([opened, rec(c.strategy('2026-05-20')), rec(c.icpc('2026-06-12'))], '2026-06-13T00:00:00Z');
    expect(get(late, 'icpc')).toMatchObject({ status: 'met-late' });
    const gone = deadlines([opened, rec(c.strategy('2026-05-20')), rec(c.icpcNotHeld('2026-05-29'))], '2026-06-13T00:00:00Z');
    expect(get(gone, 'icpc')).toMatchObject({ status: 'cancelled', cancelReason: 'family-left-area', closedBy: { kind: 'cancel' } });
  });

  it('first LAC review 20 working days after becoming looked after, Easter skipped; IRO owns it, team owns the care plan', () => {
    const m = deadlines([opened, withIro, rec(c.lookedAfter('2026-03-30'))], '2026-03-31T00:00:00Z');
    expect(get(m, 'lac-review-1')).toMatchObject({ ruleId: 'LAC-03', dueDate: '2026-04-29', owner: { kind: 'iro', ref: 'iro-7' } });
    expect(get(m, 'care-plan')).toMatchObject({ ruleId: 'LAC-01', dueDate: '2026-04-15', owner: { kind: 'team' } });
    expect(get(m, 'visit-1')).toMatchObject({ ruleId: 'LAC-10', clock: 'first', dueDate: '2026-04-06' });
    expect(get(m, 'pep-1')).toMatchObject({ ruleId: 'LAC-13', clock: 'available', dueDate: '2026-04-29' });
  });

  it('second review 3 months after the first, third 6 months after the second, both from actual dates', () => {
    const m = deadlines([opened, rec(c.lookedAfter('2026-03-30')), rec(c.lacReview('2026-04-24')), rec(c.lacReview('2026-07-20'))], '2026-07-21T00:00:00Z');
    expect(get(m, 'lac-review-2')).toMatchObject({ ruleId: 'LAC-04', dueDate: '2026-07-24', status: 'met-on-time' });
    expect(get(m, 'lac-review-3')).toMatchObject({ ruleId: 'LAC-05', dueDate: '2027-01-20', status: 'open' });
  });

  it('rules the rulebook lacks are ignored: no Enfield review record under the national rulebook', () => {
    const history = [opened, rec(c.lookedAfter('2026-03-30')), rec(c.lacReview('2026-04-24'))];
    expect(deadlines(history, '2026-04-25T00:00:00Z').has('review-record-1')).toBe(false);
    const enfield = deadlines([rec(c.open('2026-01-05', { rulebook: 'enfield' })), ...history.slice(1)], '2026-04-25T00:00:00Z');
    expect(get(enfield, 'review-record-1')).toMatchObject({ ruleId: 'ENF-02', rulebookVersion: 'enfield@2', dueDate: '2026-05-26' });
    expect(get(enfield, 'review-decisions-1')).toMatchObject({ ruleId: 'ENF-03', dueDate: '2026-04-29' });
  });

  it("what-if: the same record evaluated under another rulebook, without rewriting it", () => {
    const history = [opened, rec(c.lookedAfter('2026-03-30')), rec(c.lacReview('2026-04-24'))];
    expect(get(deadlines(history, '2026-04-25T00:00:00Z', { name: 'enfield', version: 1 }), 'review-record-1').rulebookVersion).toBe('enfield@1');
    expect(get(deadlines(history, '2026-04-25T00:00:00Z', { name: 'enfield' }), 'review-record-1').rulebookVersion).toBe('enfield@2');
  });

  it("the social worker's report counts back 5 working days from the review as scheduled (ENF-01)", () => {
    const m = deadlines([rec(c.open('2026-01-05', { rulebook: 'enfield' })), rec(c.lookedAfter('2026-03-30')), rec(c.scheduleReview('2026-04-01', '2026-04-24'))], '2026-04-02T00:00:00Z');
    expect(get(m, 'sw-report-1')).toMatchObject({ ruleId: 'ENF-01', countsFrom: '2026-04-24', dueDate: '2026-04-17', trigger: { occurredOn: '2026-04-01' } });
  });

  it('a review held without the report lapses it: breached', () => {
    const m = deadlines(
      [rec(c.open('2026-01-05', { rulebook: 'enfield' })), rec(c.lookedAfter('2026-03-30')), rec(c.scheduleReview('2026-04-01', '2026-04-24')), rec(c.lacReview('2026-04-24'))],
      '2026-04-25T00:00:00Z',
    );
    expect(get(m, 'sw-report-1')).toMatchObject({ status: 'breached', breach: 'lapsed', closedBy: { kind: 'lapse', event: 'LacReviewHeld' } });
  });

  it('a review before a proposed move has no numeric timescale: no due date, breached when the move comes first', () => {
    const m = deadlines([opened, rec(c.lookedAfter('2026-03-30')), rec(c.proposeChange('2026-04-02')), rec(c.placementChange('2026-04-09'))], '2026-04-10T00:00:00Z');
    expect(get(m, 'review-before-move-1')).toMatchObject({ ruleId: 'LAC-07', dueDate: null, status: 'breached', breach: 'lapsed' });
    expect(get(m, 'review-before-move-1').timescale).toMatch(/no numeric timescale/);
    expect(get(m, 'visit-1')).toMatchObject({ status: 'cancelled', cancelReason: 'placement-changed' });
    expect(get(m, 'visit-2')).toMatchObject({ clock: 'first', dueDate: '2026-04-16' });
  });

  it('visits after the first: 6 weeks in the first year of the placement, then by regime', () => {
    const m = deadlines([opened, rec(c.lookedAfter('2026-03-30')), rec(c.visit('2026-04-02'))], '2026-04-03T00:00:00Z');
    expect(get(m, 'visit-2')).toMatchObject({ clock: 'first-year', dueDate: '2026-05-14' });
  });

  it('post-birth review: 10 days from birth, 20 when the mother is not medically fit (CP-10)', () => {
    const base = [opened, rec(c.strategy('2026-05-20')), rec(c.icpc('2026-06-01', { preBirth: true }))];
    expect(get(deadlines([...base, rec(c.born('2026-07-01'))], '2026-07-02T00:00:00Z'), 'post-birth-review')).toMatchObject({ clock: 'default', dueDate: '2026-07-11' });
    expect(get(deadlines([...base, rec(c.born('2026-07-01', { motherMedicallyFit: false }))], '2026-07-02T00:00:00Z'), 'post-birth-review'))
      .toMatchObject({ clock: 'mother-not-fit', dueDate: '2026-07-21' });
  });

  it('health assessments: review 6 months after an initial one for a child under 5, 12 months otherwise', () => {
    const base = [opened, rec(c.lookedAfter('2026-03-30'))];
    expect(get(deadlines([...base, rec(c.healthAssessment('2026-04-10', { childUnderFive: true }))], '2026-04-11T00:00:00Z'), 'review-health-assessment-1'))
      .toMatchObject({ clock: 'under-5', dueDate: '2026-10-10' });
    expect(get(deadlines([...base, rec(c.healthAssessment('2026-04-10'))], '2026-04-11T00:00:00Z'), 'review-health-assessment-1'))
      .toMatchObject({ clock: '5-and-over', dueDate: '2027-04-10' });
  });
});

describe('as of an instant', () => {
  const history = [opened, rec(c.strategy('2026-05-20')), rec(c.icpc('2026-06-05'), '2026-06-15')];

  it('an open deadline is breached from its due instant, not before', () => {
    const before = deadlines(history.slice(0, 2), '2026-06-11T22:59:59Z');
    const after = deadlines(history.slice(0, 2), '2026-06-11T23:00:00Z');
    expect(get(before, 'icpc')).toMatchObject({ status: 'open', breach: null });
    expect(get(after, 'icpc')).toMatchObject({ status: 'breached', breach: 'overdue' });
  });

  it('a closing dated after asOf has not happened yet; deadlines triggered after asOf do not exist yet', () => {
    const m = deadlines(history, '2026-06-01T00:00:00Z');
    expect(get(m, 'icpc').status).toBe('open');
    expect(m.has('rcpc-1')).toBe(false);
  });

  it('timeliness is judged on occurredAt: recorded 10 days late, the ICPC was still on time', () => {
    const icpc = get(deadlines(history, '2026-06-20T00:00:00Z'), 'icpc');
    expect(icpc).toMatchObject({ status: 'met-on-time', closedBy: { occurredAt: '2026-06-05T10:00:00Z', recordedAt: '2026-06-15T16:00:00Z' } });
  });

  it('as known then: folding only what was recorded by an instant shows the ICPC as overdue', () => {
    const { events } = replay(history);
    const known = foldCaseAsOf(events.map(encodeCaseEvent), '2026-06-14T00:00:00Z');
    const icpc = deadlinesOf(known, '2026-06-14T00:00:00Z', { calendar }).find((d) => d.key === 'icpc');
    expect(icpc).toMatchObject({ status: 'breached', breach: 'overdue' });
  });
});

describe('the qualifier-to-clock table', () => {
  const intent = (ruleId: OpenIntent['ruleId'], x: Partial<OpenIntent> = {}): OpenIntent => ({
    kind: 'open', key: 'k-1', series: 'k', ruleId, trigger: { event: 'LacVisitMade', at: '2026-05-01T10:00:00Z', on: '2026-05-01' }, qualifiers: [], anchors: {}, ...x,
  });
  const none = { firstReviewOn: undefined };
  const reviewed = { firstReviewOn: '2026-04-20' };
  it.each([
    ['CP-10 fit mother', intent('CP-10'), none, 'default'],
    ['CP-10 mother not fit', intent('CP-10', { qualifiers: ['mother-not-medically-fit'] }), none, 'mother-not-fit'],
    ['LAC-12 under 5', intent('LAC-12', { qualifiers: ['child-under-5'] }), none, 'under-5'],
    ['LAC-12 5 and over', intent('LAC-12'), none, '5-and-over'],
    ['LAC-10 first visit in a placement', intent('LAC-10', { trigger: { event: 'PlacementChanged', at: '2026-05-01T10:00:00Z', on: '2026-05-01' } }), none, 'first'],
    ['LAC-10 standard, first year', intent('LAC-10', { anchors: { placementStartedOn: '2025-06-01' } }), none, 'first-year'],
    ['LAC-10 standard, after the first year', intent('LAC-10', { anchors: { placementStartedOn: '2025-05-01' } }), none, 'after-first-year'],
    ['LAC-10 long-term, after the first year', intent('LAC-10', { qualifiers: ['long-term-placement'], anchors: { placementStartedOn: '2024-01-01' } }), none, 'after-first-year-to-18'],
    ['LAC-10 placed with parent before the first review', intent('LAC-10', { qualifiers: ['placed-with-parent'] }), none, 'weekly'],
    ['LAC-10 placed with parent after it', intent('LAC-10', { qualifiers: ['placed-with-parent'], anchors: { placementStartedOn: '2026-03-01' } }), reviewed, 'first-year'],
    ['LAC-10 reg 24 before the first review', intent('LAC-10', { qualifiers: ['connected-person-temporary'] }), none, 'weekly'],
    ['LAC-10 reg 24 after it', intent('LAC-10', { qualifiers: ['connected-person-temporary'] }), reviewed, 'reg24-after-first-review'],
    ['LAC-13 first PEP', intent('LAC-13', { key: 'pep-1' }), none, 'available'],
  ])('%s', (_name, i, facts, clock) => {
    expect(chooseClock(i, facts)).toEqual({ kind: 'clock', clock });
  });

  it('LAC-13 later PEPs have no fixed clock; ENF-01 counts from the scheduled date; other rules take their first clock', () => {
    expect(chooseClock(intent('LAC-13', { key: 'pep-2' }), none).kind).toBe('none');
    expect(chooseClock(intent('ENF-01', { anchors: { scheduledFor: '2026-05-20' } }), none)).toEqual({ kind: 'clock', countFrom: '2026-05-20' });
    expect(chooseClock(intent('CP-04'), none)).toEqual({ kind: 'clock' });
  });
});
