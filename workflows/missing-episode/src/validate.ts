import {
  checkOccurrence, codeList, firstRefusal, flag, notBeforeOpen, oneOf, outOfOrder, reference, type Refusal,
} from '@workflows/shared';
import type { MissingEpisodeContext, MissingSeries } from './context';
import {
  CHILD_STATUSES, EPISODE_KINDS, INTERVIEWER_ROLES, NOT_POSSIBLE_REASONS, PULL_FACTORS, PUSH_FACTORS, RETURN_ROUTES, RISKS,
  WITHDRAWAL_REASONS, type MissingEpisodeEvent,
} from './events';

const before = (a: string, b: string): boolean => Date.parse(a) < Date.parse(b);

/** An event after the return is not dated before it: by date always, by instant when the return time is known. */
function afterReturn(c: MissingEpisodeContext, e: MissingEpisodeEvent, series: readonly MissingSeries[]): Refusal | undefined {
  const byDate = notBeforeOpen(c.ledger, e.occurredOn, series);
  if (byDate !== undefined) return byDate;
  if (c.returnTimeKnown === true && c.returnedAt !== undefined && before(e.occurredAt, c.returnedAt)) {
    return outOfOrder('occurredAt', e.occurredAt, c.returnedAt, 'the return');
  }
  return undefined;
}

function fields(c: MissingEpisodeContext, e: MissingEpisodeEvent): Refusal | undefined {
  switch (e.type) {
    case 'MissingReported':
      return firstRefusal(() => oneOf(e.kind, EPISODE_KINDS, 'kind'), () => oneOf(e.childStatus, CHILD_STATUSES, 'childStatus'));
    case 'ChildReturned':
      return firstRefusal(
        () => flag(e.timeKnown, 'timeKnown'),
        () => oneOf(e.childStatus, CHILD_STATUSES, 'childStatus'),
        () => oneOf(e.returnedHow, RETURN_ROUTES, 'returnedHow'),
        () => (e.timeKnown && c.missingFrom !== undefined && before(e.occurredAt, c.missingFrom)
          ? outOfOrder('occurredAt', e.occurredAt, c.missingFrom, 'the start of the missing episode')
          : undefined),
      );
    case 'ChildStatusChanged':
      return oneOf(e.childStatus, CHILD_STATUSES, 'childStatus');
    case 'ReturnInterviewOffered':
      return firstRefusal(
        () => oneOf(e.interviewerRole, INTERVIEWER_ROLES, 'interviewerRole'),
        () => reference(e.interviewerRef, 'interviewerRef'),
        () => afterReturn(c, e, ['rhi-offered', 'rhi-completed']),
      );
    case 'ReturnInterviewCompleted':
      return firstRefusal(
        () => oneOf(e.interviewerRole, INTERVIEWER_ROLES, 'interviewerRole'),
        () => reference(e.interviewerRef, 'interviewerRef'),
        () => codeList(e.pushFactors, PUSH_FACTORS, 'pushFactors'),
        () => codeList(e.pullFactors, PULL_FACTORS, 'pullFactors'),
        () => codeList(e.risks, RISKS, 'risks'),
        () => afterReturn(c, e, ['rhi-offered', 'rhi-completed']),
      );
    case 'ReturnInterviewDeclined':
      return afterReturn(c, e, ['rhi-offered', 'rhi-completed']);
    case 'ReturnInterviewNotPossible':
      return firstRefusal(() => oneOf(e.reason, NOT_POSSIBLE_REASONS, 'reason'), () => afterReturn(c, e, ['rhi-offered', 'rhi-completed']));
    case 'MissingReportWithdrawn':
      return oneOf(e.reason, WITHDRAWAL_REASONS, 'reason');
    default: {
      const unhandled: never = e;
      return unhandled;
    }
  }
}

/** Why the episode would refuse this event: a missing or invalid field, or a date out of order. */
export function validateMissingEpisode(c: MissingEpisodeContext, e: MissingEpisodeEvent): Refusal | undefined {
  return firstRefusal(() => checkOccurrence(e, c.startedOn), () => fields(c, e));
}
