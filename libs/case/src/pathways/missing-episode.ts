import {
  allowedMissingEpisodeEvents, applyMissingEpisode, missingEpisodeMachine, missingEpisodeState, startMissingEpisode,
  type MissingEpisodeEvent, type MissingEpisodeEventType, type MissingEpisodeSnapshot,
} from '@workflows/missing-episode';
import type { EventFieldSpecs } from '../fields';
import type { CommandsOf, OwnerKind, PathwayDefinition } from './types';
import { once, replayer } from './replay';

export const MISSING_EPISODE_COMMANDS = {
  ReportMissing: 'MissingReported',
  RecordReturn: 'ChildReturned',
  RecordChildStatusChange: 'ChildStatusChanged',
  OfferReturnInterview: 'ReturnInterviewOffered',
  RecordReturnInterview: 'ReturnInterviewCompleted',
  RecordReturnInterviewDeclined: 'ReturnInterviewDeclined',
  RecordReturnInterviewNotPossible: 'ReturnInterviewNotPossible',
  WithdrawMissingReport: 'MissingReportWithdrawn',
} as const satisfies Readonly<Record<string, MissingEpisodeEventType>>;

export type MissingEpisodeCommand = CommandsOf<MissingEpisodeEvent, typeof MISSING_EPISODE_COMMANDS>;

/** The fields each event carries (anything else in a command is refused). */
const MISSING_EPISODE_FIELDS: EventFieldSpecs<MissingEpisodeEvent> = {
  MissingReported: { kind: true, childStatus: true },
  ChildReturned: { timeKnown: true, childStatus: true, returnedHow: true },
  ChildStatusChanged: { childStatus: true },
  ReturnInterviewOffered: { interviewerRole: true, interviewerRef: true },
  ReturnInterviewCompleted: { interviewerRole: true, interviewerRef: true, pushFactors: true, pullFactors: true, risks: true },
  ReturnInterviewDeclined: {},
  ReturnInterviewNotPossible: { reason: true },
  MissingReportWithdrawn: { reason: true },
};

/**
 * One missing (or absent) episode per instance ('mis-12'). A child can be missing only once at a
 * time, but a new episode may begin while the last one's return interview is outstanding.
 */
/** Replays stored events: the bare transition (see replay.ts). */
const replayMissingEpisodeMachine = replayer(missingEpisodeMachine);

export const missingEpisodePathway: PathwayDefinition<'missing-episode', MissingEpisodeSnapshot, MissingEpisodeEvent, typeof MISSING_EPISODE_COMMANDS> = {
  kind: 'missing-episode',
  instancePrefix: 'mis',
  commands: MISSING_EPISODE_COMMANDS,
  fields: MISSING_EPISODE_FIELDS,
  starts: ['MissingReported'],
  start: once(startMissingEpisode),
  apply: applyMissingEpisode,
  replay: replayMissingEpisodeMachine,
  state: missingEpisodeState,
  allowed: allowedMissingEpisodeEvents,
  ledger: (snapshot) => snapshot.context.ledger,
  active: (snapshot) => snapshot.value === 'missing',
  endedOn: (snapshot) => snapshot.context.returnedOn ?? snapshot.context.endedOn,
  // Return interviews are done by IROs (TIMESCALES.md 6a): the allocated IRO, else the team.
  owner: (): OwnerKind => 'iro',
};
