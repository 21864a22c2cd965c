import {
  DEFAULT_REPEAT_POLICY, interviewerFor, outstandingInterviews, repeatedMissingFlags, summariseEpisode, type EpisodeSummary,
} from '@workflows/missing-episode';
import { fold } from '../support/given-when-then';
import { mis, missingEpisode } from '../support/missing-fixtures';

const episode = (episodeId: string, startedOn: string, x: Partial<EpisodeSummary> = {}): EpisodeSummary => ({
  episodeId, kind: 'missing', startedOn, returnedOn: undefined, interviewOutcome: undefined, withdrawn: false, interviewOutstanding: false, ...x,
});

describe('repeated missing episodes (MIS-02, a local setting)', () => {
  it('three episodes within 30 days (both ends included) raise one flag at the third', () => {
    const flags = repeatedMissingFlags([episode('e1', '2026-01-01'), episode('e2', '2026-01-15'), episode('e3', '2026-01-30')]);
    expect(flags).toEqual([{ ruleId: 'MIS-02', raisedOn: '2026-01-30', raisedBy: 'e3', episodeIds: ['e1', 'e2', 'e3'] }]);
  });

  it('three episodes spread over 31 days raise nothing', () => {
    expect(repeatedMissingFlags([episode('e1', '2026-01-01'), episode('e2', '2026-01-15'), episode('e3', '2026-01-31')])).toEqual([]);
  });

  it('a fourth episode in the same window raises no second flag; a new cluster a window later does', () => {
    const episodes = ['2026-03-01', '2026-03-05', '2026-03-10', '2026-03-12', '2026-04-20', '2026-04-25', '2026-05-01'].map((on, i) => episode(`e${i + 1}`, on));
    expect(repeatedMissingFlags(episodes).map((f) => [f.raisedBy, f.episodeIds.length])).toEqual([['e3', 3], ['e7', 3]]);
  });

  it('takes the threshold and window as parameters, counts absences only when asked, and ignores withdrawn reports', () => {
    const episodes = [
      episode('e1', '2026-02-01'), episode('a1', '2026-02-02', { kind: 'absent' }), episode('w1', '2026-02-03', { withdrawn: true }), episode('e2', '2026-02-07'),
    ];
    expect(repeatedMissingFlags(episodes, { threshold: 2, windowDays: 7, countAbsences: false }).map((f) => f.episodeIds)).toEqual([['e1', 'e2']]);
    expect(repeatedMissingFlags(episodes, { threshold: 3, windowDays: 7, countAbsences: true }).map((f) => f.episodeIds)).toEqual([['e1', 'a1', 'e2']]);
    expect(repeatedMissingFlags(episodes, DEFAULT_REPEAT_POLICY)).toEqual([]);
  });

  it('orders episodes by start date whatever order they come in', () => {
    const flags = repeatedMissingFlags([episode('e3', '2026-01-20'), episode('e1', '2026-01-01'), episode('e2', '2026-01-10')]);
    expect(flags.map((f) => f.episodeIds)).toEqual([['e1', 'e2', 'e3']]);
  });

  it('refuses a policy that makes no sense, naming the setting', () => {
    expect(() => repeatedMissingFlags([], { threshold: 1, windowDays: 30, countAbsences: false })).toThrow(
      expect.objectContaining({ code: 'MISSING_REPEAT_POLICY_INVALID', field: 'threshold' }) as Error,
    );
    expect(() => repeatedMissingFlags([], { threshold: 3, windowDays: 0.5, countAbsences: false })).toThrow(/windowDays/);
  });
});

describe('episode summaries from snapshots', () => {
  it('summarise what patterns need, and list the episodes whose interview is still due', () => {
    const open = fold(missingEpisode, [mis.reported('2026-06-01'), mis.returned('2026-06-02')]);
    const done = fold(missingEpisode, [mis.reported('2026-06-03'), mis.returned('2026-06-04'), mis.completed('2026-06-05')]);
    const withdrawn = fold(missingEpisode, [mis.reported('2026-06-06'), mis.withdrawn('2026-06-06')]);
    const summaries = [summariseEpisode('m1', open), summariseEpisode('m2', done), summariseEpisode('m3', withdrawn)].filter((s) => s !== undefined);
    expect(summaries.map((s) => [s.episodeId, s.interviewOutcome, s.withdrawn, s.interviewOutstanding])).toEqual([
      ['m1', undefined, false, true], ['m2', 'completed', false, false], ['m3', undefined, true, false],
    ]);
    expect(outstandingInterviews(summaries).map((s) => s.episodeId)).toEqual(['m1']);
    expect(summariseEpisode('m0', missingEpisode.start())).toBeUndefined();
  });

  it('names the IRO for children looked after or on a plan, an independent worker otherwise', () => {
    expect([interviewerFor('looked-after'), interviewerFor('child-protection-plan'), interviewerFor('child-in-need'), interviewerFor('other')])
      .toEqual(['iro', 'iro', 'independent-worker', 'independent-worker']);
  });
});
