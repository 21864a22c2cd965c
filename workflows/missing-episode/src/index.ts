export * from './events';
export type { InterviewOutcome, MissingEpisodeContext, MissingSeries } from './context';
export { missingEpisodeMachine, type MissingEpisodeMachine, type MissingStateMeta } from './machine';
export { validateMissingEpisode } from './validate';
export {
  allowedMissingEpisodeEvents, applyMissingEpisode, missingEpisodeRefusal, missingEpisodeState, startMissingEpisode,
  type MissingEpisodeSnapshot,
} from './pathway';
export {
  DEFAULT_REPEAT_POLICY, interviewerFor, outstandingInterviews, repeatedMissingFlags, RepeatPolicyError, summariseEpisode,
  type EpisodeSummary, type RepeatFlag, type RepeatPolicy,
} from './patterns';
