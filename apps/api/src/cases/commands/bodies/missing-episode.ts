import {
  CHILD_STATUSES, EPISODE_KINDS, INTERVIEWER_ROLES, NOT_POSSIBLE_REASONS, PULL_FACTORS, PUSH_FACTORS, RETURN_ROUTES, RISKS, WITHDRAWAL_REASONS,
} from '@workflows/missing-episode';
import { bool, listOf, oneOf, ref } from '../fields';
import { pathwayBody } from './common';

const childStatus = oneOf(CHILD_STATUSES, 'What the child was when this was recorded (decides who interviews)');
const interviewerRole = oneOf(INTERVIEWER_ROLES, 'Who offers and carries out the interview');

export const MISSING_EPISODE_BODIES = {
  ReportMissing: pathwayBody('ReportMissing', { kind: oneOf(EPISODE_KINDS, 'Missing (starts the return interview clocks) or absent'), childStatus }),
  RecordReturn: pathwayBody('RecordReturn', {
    timeKnown: bool('False when only the date of return is known: the clocks count from that date'),
    childStatus,
    returnedHow: oneOf(RETURN_ROUTES, 'How the child returned or was found'),
  }),
  RecordChildStatusChange: pathwayBody('RecordChildStatusChange', { childStatus }),
  OfferReturnInterview: pathwayBody('OfferReturnInterview', { interviewerRole, interviewerRef: ref('The interviewer') }),
  RecordReturnInterview: pathwayBody('RecordReturnInterview', {
    interviewerRole,
    interviewerRef: ref('The interviewer'),
    pushFactors: listOf(PUSH_FACTORS, 'What drove the child away'),
    pullFactors: listOf(PULL_FACTORS, 'What drew the child away'),
    risks: listOf(RISKS, 'Risks identified'),
  }),
  RecordReturnInterviewDeclined: pathwayBody('RecordReturnInterviewDeclined', {}),
  RecordReturnInterviewNotPossible: pathwayBody('RecordReturnInterviewNotPossible', { reason: oneOf(NOT_POSSIBLE_REASONS, 'Why no interview was possible') }),
  WithdrawMissingReport: pathwayBody('WithdrawMissingReport', { reason: oneOf(WITHDRAWAL_REASONS, 'Why the report is withdrawn') }),
};
