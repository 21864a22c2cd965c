import { isLocalDate, openDeadlines, type LocalDate } from '@workflows/shared';
import type { InterviewOutcome } from './context';
import type { ChildStatus, EpisodeKind, InterviewerRole } from './events';
import type { MissingEpisodeSnapshot } from './pathway';

/** One episode as patterns over a child's episodes see it (the case lib holds the episodes). */
export interface EpisodeSummary {
  readonly episodeId: string;
  readonly kind: EpisodeKind;
  readonly startedOn: LocalDate;
  readonly returnedOn: LocalDate | undefined;
  readonly interviewOutcome: InterviewOutcome | undefined;
  /** The report was withdrawn (recorded in error): not an episode for pattern counts. */
  readonly withdrawn: boolean;
  /** Return interview deadlines of this episode still open (a later episode never closes them). */
  readonly interviewOutstanding: boolean;
}

/** The summary of a reported episode; undefined before it is reported. */
export function summariseEpisode(episodeId: string, snapshot: MissingEpisodeSnapshot): EpisodeSummary | undefined {
  const c = snapshot.context;
  if (c.kind === undefined || c.startedOn === undefined) return undefined;
  return {
    episodeId,
    kind: c.kind,
    startedOn: c.startedOn,
    returnedOn: c.returnedOn,
    interviewOutcome: c.interviewOutcome,
    withdrawn: snapshot.status === 'done' && c.returnedOn === undefined,
    interviewOutstanding: openDeadlines(c.ledger).length > 0,
  };
}

/** Who does the interview under the seeds' arrangement (TIMESCALES.md 6a): IROs for children looked after or on a plan. */
export function interviewerFor(status: ChildStatus): InterviewerRole {
  return status === 'looked-after' || status === 'child-protection-plan' ? 'iro' : 'independent-worker';
}

/** A local setting (MIS-02): how many episodes within how many days call for a strategy discussion. */
export interface RepeatPolicy {
  readonly threshold: number;
  /** Calendar days, both ends included: episodes starting on day 1 and day 30 are within 30 days. */
  readonly windowDays: number;
  /** Count absences (SSDA903 A) as well as missing episodes. */
  readonly countAbsences: boolean;
}

/** The example TIMESCALES.md 1C gives (3 or more in 30 days, e.g. Derbyshire): a default, not a national rule. */
export const DEFAULT_REPEAT_POLICY: RepeatPolicy = { threshold: 3, windowDays: 30, countAbsences: false };

export interface RepeatFlag {
  readonly ruleId: 'MIS-02';
  /** The start date of the episode that reached the threshold. */
  readonly raisedOn: LocalDate;
  readonly raisedBy: string;
  /** The episodes counted in the window, oldest first. */
  readonly episodeIds: readonly string[];
}

export class RepeatPolicyError extends Error {
  readonly code = 'MISSING_REPEAT_POLICY_INVALID';
  constructor(readonly field: keyof RepeatPolicy, expected: string) {
    super(`repeat policy ${field} is invalid: expected ${expected}`);
    this.name = 'RepeatPolicyError';
  }
}

const DAY_MS = 86_400_000;
const daysBetween = (from: LocalDate, to: LocalDate): number => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS;

function checkPolicy(policy: RepeatPolicy): void {
  if (!Number.isInteger(policy.threshold) || policy.threshold < 2) throw new RepeatPolicyError('threshold', 'a whole number from 2');
  if (!Number.isInteger(policy.windowDays) || policy.windowDays < 1) throw new RepeatPolicyError('windowDays', 'a whole number of days from 1');
  if (typeof policy.countAbsences !== 'boolean') throw new RepeatPolicyError('countAbsences', 'true or false');
}

/**
 * Flags for a strategy discussion over repeated episodes: raised at the episode whose start
 * brings the count within the window to the threshold, then at most once per window (a fourth
 * episode in the same 30 days raises no second flag). Withdrawn reports are not counted.
 * Deterministic: episodes are taken in order of start date, then id.
 */
export function repeatedMissingFlags(episodes: readonly EpisodeSummary[], policy: RepeatPolicy = DEFAULT_REPEAT_POLICY): readonly RepeatFlag[] {
  checkPolicy(policy);
  const counted = episodes
    .filter((e) => !e.withdrawn && isLocalDate(e.startedOn) && (e.kind === 'missing' || policy.countAbsences))
    .sort((a, b) => (a.startedOn === b.startedOn ? a.episodeId.localeCompare(b.episodeId) : a.startedOn < b.startedOn ? -1 : 1));
  const flags: RepeatFlag[] = [];
  counted.forEach((episode, index) => {
    const window = counted.slice(0, index + 1).filter((e) => daysBetween(e.startedOn, episode.startedOn) < policy.windowDays);
    const last = flags[flags.length - 1];
    if (window.length < policy.threshold) return;
    if (last !== undefined && daysBetween(last.raisedOn, episode.startedOn) < policy.windowDays) return;
    flags.push({ ruleId: 'MIS-02', raisedOn: episode.startedOn, raisedBy: episode.episodeId, episodeIds: window.map((e) => e.episodeId) });
  });
  return flags;
}

/** Episodes whose return interview is still due: what a recorder must resolve (interview held late, or not possible). */
export function outstandingInterviews(episodes: readonly EpisodeSummary[]): readonly EpisodeSummary[] {
  return episodes.filter((e) => e.interviewOutstanding);
}
