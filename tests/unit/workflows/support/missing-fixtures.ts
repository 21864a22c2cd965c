import { transition } from 'xstate';
import {
  applyMissingEpisode, missingEpisodeMachine, missingEpisodeState, startMissingEpisode,
  type MissingEpisodeEvent, type MissingEpisodeSnapshot,
} from '@workflows/missing-episode';
import { givenWhenThen, type PathwayUnderTest } from './given-when-then';

export const missingEpisode: PathwayUnderTest<MissingEpisodeSnapshot, MissingEpisodeEvent> = {
  start: startMissingEpisode,
  apply: applyMissingEpisode,
  raw: (s, e) => transition(missingEpisodeMachine, s, e)[0],
  state: missingEpisodeState,
};

export const given = givenWhenThen(missingEpisode);

/** `on` at a UTC time (default 10:00Z); `at` may be a full instant whose London date is `on`. */
const when = (on: string, time = '10:00:00Z') => ({ occurredAt: `${on}T${time}`, occurredOn: on });

type Of<T extends MissingEpisodeEvent['type']> = Extract<MissingEpisodeEvent, { type: T }>;
type Extra<T extends MissingEpisodeEvent['type']> = Partial<Omit<Of<T>, 'type'>>;

export const mis = {
  reported: (on: string, x: Extra<'MissingReported'> = {}, time?: string): MissingEpisodeEvent => ({
    type: 'MissingReported', ...when(on, time), kind: 'missing', childStatus: 'child-protection-plan', ...x,
  }),
  returned: (on: string, x: Extra<'ChildReturned'> = {}, time?: string): MissingEpisodeEvent => ({
    type: 'ChildReturned', ...when(on, time), timeKnown: true, childStatus: 'child-protection-plan', returnedHow: 'found-by-police', ...x,
  }),
  statusChanged: (on: string, childStatus: Of<'ChildStatusChanged'>['childStatus'] = 'looked-after'): MissingEpisodeEvent => ({
    type: 'ChildStatusChanged', ...when(on), childStatus,
  }),
  offered: (on: string, x: Extra<'ReturnInterviewOffered'> = {}, time?: string): MissingEpisodeEvent => ({
    type: 'ReturnInterviewOffered', ...when(on, time), interviewerRole: 'iro', interviewerRef: 'iro-7', ...x,
  }),
  completed: (on: string, x: Extra<'ReturnInterviewCompleted'> = {}, time?: string): MissingEpisodeEvent => ({
    type: 'ReturnInterviewCompleted', ...when(on, time), interviewerRole: 'iro', interviewerRef: 'iro-7',
    pushFactors: ['conflict-at-home'], pullFactors: ['peer-group'], risks: ['county-lines', 'child-criminal-exploitation'], ...x,
  }),
  declined: (on: string): MissingEpisodeEvent => ({ type: 'ReturnInterviewDeclined', ...when(on) }),
  notPossible: (on: string, reason: Of<'ReturnInterviewNotPossible'>['reason'] = 'missing-again'): MissingEpisodeEvent => ({
    type: 'ReturnInterviewNotPossible', ...when(on), reason,
  }),
  withdrawn: (on: string, reason: Of<'MissingReportWithdrawn'>['reason'] = 'recorded-in-error'): MissingEpisodeEvent => ({
    type: 'MissingReportWithdrawn', ...when(on), reason,
  }),
};

/** The two MIS-01 clocks a return on `on` opens. */
export const rhiOpened = (on: string, qualifiers = ''): string[] => [
  `open rhi-offered MIS-01/offered @${on}${qualifiers}`,
  `open rhi-completed MIS-01/completed @${on}${qualifiers}`,
];
