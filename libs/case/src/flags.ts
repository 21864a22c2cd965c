import { londonDateOf } from '@csc/calendar';
import {
  DEFAULT_REPEAT_POLICY, repeatedMissingFlags, summariseEpisode, type EpisodeSummary, type MissingEpisodeSnapshot, type RepeatFlag, type RepeatPolicy,
} from '@workflows/missing-episode';
import type { IsoInstant } from '@workflows/shared';
import type { CaseState } from './state';

/**
 * The council's setting for repeated missing episodes (MIS-02, local): how many episodes within
 * how many days call for a strategy discussion. Unset fields take the local default, 3 within 30
 * days, missing episodes only (`DEFAULT_REPEAT_POLICY`).
 */
export type RepeatSettings = Partial<RepeatPolicy>;

/** A flag raised on a case: a pattern the record shows that calls for action. */
export interface CaseFlag extends RepeatFlag {
  readonly caseId: string;
  readonly kind: 'repeat-missing';
}

/** The case's missing episodes as the pattern rules see them, started on or before `asOf`. */
export function episodesOf(state: CaseState, asOf: IsoInstant): readonly EpisodeSummary[] {
  const day = londonDateOf(asOf);
  return Object.values(state.instances)
    .filter((i) => i.pathway === 'missing-episode')
    .map((i) => summariseEpisode(i.instanceId, i.snapshot as MissingEpisodeSnapshot))
    .filter((e): e is EpisodeSummary => e !== undefined && e.startedOn <= day);
}

/**
 * The flags the case shows as of `asOf`: a repeat-missing flag at the episode that brings the
 * count within the window to the threshold (then at most one per window). Throws
 * MISSING_REPEAT_POLICY_INVALID for a threshold below 2 or a window below 1 day.
 */
export function flagsOf(state: CaseState, asOf: IsoInstant, settings: RepeatSettings = {}): readonly CaseFlag[] {
  const policy: RepeatPolicy = { ...DEFAULT_REPEAT_POLICY, ...settings };
  return repeatedMissingFlags(episodesOf(state, asOf), policy).map((flag) => ({ caseId: state.caseId ?? '', kind: 'repeat-missing', ...flag }));
}
