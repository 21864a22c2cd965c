import {
  DEFAULT_REPEAT_POLICY, interviewerFor, outstandingInterviews, repeatedMissingFlags, summariseEpisode,
  type MissingEpisodeEvent, type MissingEpisodeSnapshot,
} from '@workflows/missing-episode';
import { fold } from '../support/given-when-then';
import { mis, missingEpisode } from '../support/missing-fixtures';
import { timeliness } from '../support/timeliness';

/**
 * Issue 6 scenario: a child on a CP plan goes missing repeatedly in March 2026 (across the
 * spring clock change), then comes into care; the interview moves to the IRO.
 */
const at = (instant: string) => ({ occurredAt: instant, occurredOn: instant.slice(0, 10) });
const episodes: Record<string, readonly MissingEpisodeEvent[]> = {
  m1: [
    { ...mis.reported('2026-03-02'), ...at('2026-03-02T21:00:00Z') },
    { ...mis.returned('2026-03-03'), ...at('2026-03-03T08:00:00Z') },
    { ...mis.offered('2026-03-04', { interviewerRole: 'iro', interviewerRef: 'iro-7' }), ...at('2026-03-04T16:00:00Z') },
    { ...mis.completed('2026-03-05', { pushFactors: ['conflict-at-home'], pullFactors: ['adult-known-to-child'], risks: ['county-lines'] }), ...at('2026-03-05T16:00:00Z') },
  ],
  // Returns late on Saturday 28 March (GMT); the clocks go forward on the Sunday; missing again before the interview.
  m2: [
    { ...mis.reported('2026-03-27'), ...at('2026-03-27T18:00:00Z') },
    { ...mis.returned('2026-03-28'), ...at('2026-03-28T22:00:00Z') },
    { ...mis.notPossible('2026-04-01', 'missing-again'), ...at('2026-04-01T09:00:00Z') },
  ],
  // Reported on the Monday; found by the police, the time of return not recorded; comes into care; the IRO interviews.
  m3: [
    { ...mis.reported('2026-03-30'), ...at('2026-03-30T19:00:00+01:00') },
    { ...mis.returned('2026-03-31', { timeKnown: false }), ...at('2026-03-31T00:00:00+01:00') },
    { ...mis.statusChanged('2026-04-01', 'looked-after'), ...at('2026-04-01T12:00:00+01:00') },
    { ...mis.offered('2026-04-02', { interviewerRole: 'iro', interviewerRef: 'iro-7' }), ...at('2026-04-02T10:00:00+01:00') },
    { ...mis.completed('2026-04-06', { pushFactors: ['unhappy-in-placement'], pullFactors: ['peer-group'], risks: ['child-criminal-exploitation'] }), ...at('2026-04-06T10:00:00+01:00') },
  ],
};

const snapshots: Record<string, MissingEpisodeSnapshot> = Object.fromEntries(Object.entries(episodes).map(([id, events]) => [id, fold(missingEpisode, events)]));

describe('scenario: repeated missing episodes on a CP plan, then in care', () => {
  it('replays each episode to the expected deadlines and statuses', () => {
    expect(Object.fromEntries(Object.entries(snapshots).map(([id, s]) => [id, timeliness(s.context.ledger)]))).toEqual({
      m1: { 'rhi-offered': 'due 2026-03-06T08:00:00.000Z met-on-time', 'rhi-completed': 'due 2026-03-06T08:00:00.000Z met-on-time' },
      m2: {
        'rhi-offered': 'due 2026-03-31T22:00:00.000Z cancelled (rhi-not-possible)',
        'rhi-completed': 'due 2026-03-31T22:00:00.000Z cancelled (rhi-not-possible)',
      },
      m3: { 'rhi-offered': 'due 2026-04-03T22:59:00.000Z met-on-time', 'rhi-completed': 'due 2026-04-03T22:59:00.000Z met-late' },
    });
  });

  it('the third episode within 30 days raises the strategy discussion flag; none is outstanding', () => {
    const summaries = Object.entries(snapshots).map(([id, s]) => summariseEpisode(id, s)).filter((s) => s !== undefined);
    expect(repeatedMissingFlags(summaries, DEFAULT_REPEAT_POLICY)).toEqual([{ ruleId: 'MIS-02', raisedOn: '2026-03-30', raisedBy: 'm3', episodeIds: ['m1', 'm2', 'm3'] }]);
    expect(outstandingInterviews(summaries)).toEqual([]);
  });

  it('the interview moved to the IRO when the child came into care', () => {
    const m3 = snapshots['m3']?.context;
    expect([m3?.childStatus, m3 && interviewerFor(m3.childStatus ?? 'other'), m3?.interviewerRole]).toEqual(['looked-after', 'iro', 'iro']);
  });
});
