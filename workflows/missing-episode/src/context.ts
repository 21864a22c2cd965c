import { emptyLedger, type IsoInstant, type LocalDate, type PathwayContext, type TriggerFacts } from '@workflows/shared';
import type {
  ChildStatus, EpisodeKind, InterviewerRole, MissingEpisodeEvent, NotPossibleReason, PullFactor, PushFactor, ReturnRoute, Risk,
} from './events';

/** Deadline series: the two MIS-01 clocks, each opened at most once per episode. */
export type MissingSeries = 'rhi-offered' | 'rhi-completed';

export type InterviewOutcome = 'completed' | 'declined' | 'not-possible';

export interface MissingEpisodeContext extends PathwayContext {
  readonly kind: EpisodeKind | undefined;
  readonly missingFrom: IsoInstant | undefined;
  readonly childStatus: ChildStatus | undefined;
  readonly returnedAt: IsoInstant | undefined;
  readonly returnedOn: LocalDate | undefined;
  /** False when only the return date was recorded (the clocks then count from the date). */
  readonly returnTimeKnown: boolean | undefined;
  readonly returnedHow: ReturnRoute | undefined;
  readonly offeredOn: LocalDate | undefined;
  readonly offers: number;
  readonly interviewerRole: InterviewerRole | undefined;
  readonly interviewerRef: string | undefined;
  readonly interviewOutcome: InterviewOutcome | undefined;
  readonly notPossibleReason: NotPossibleReason | undefined;
  readonly pushFactors: readonly PushFactor[];
  readonly pullFactors: readonly PullFactor[];
  readonly risks: readonly Risk[];
  readonly endedOn: LocalDate | undefined;
}

export const initialContext: MissingEpisodeContext = {
  ledger: emptyLedger,
  startedOn: undefined,
  kind: undefined,
  missingFrom: undefined,
  childStatus: undefined,
  returnedAt: undefined,
  returnedOn: undefined,
  returnTimeKnown: undefined,
  returnedHow: undefined,
  offeredOn: undefined,
  offers: 0,
  interviewerRole: undefined,
  interviewerRef: undefined,
  interviewOutcome: undefined,
  notPossibleReason: undefined,
  pushFactors: [],
  pullFactors: [],
  risks: [],
  endedOn: undefined,
};

export function recordFacts(c: MissingEpisodeContext, e: MissingEpisodeEvent): Partial<MissingEpisodeContext> {
  switch (e.type) {
    case 'MissingReported':
      return { startedOn: e.occurredOn, kind: e.kind, missingFrom: e.occurredAt, childStatus: e.childStatus };
    case 'ChildReturned':
      return {
        returnedAt: e.occurredAt,
        returnedOn: e.occurredOn,
        returnTimeKnown: e.timeKnown,
        returnedHow: e.returnedHow,
        childStatus: e.childStatus,
        endedOn: c.kind === 'absent' ? e.occurredOn : undefined,
      };
    case 'ChildStatusChanged':
      return { childStatus: e.childStatus };
    case 'ReturnInterviewOffered':
      return { offeredOn: c.offeredOn ?? e.occurredOn, offers: c.offers + 1, interviewerRole: e.interviewerRole, interviewerRef: e.interviewerRef };
    case 'ReturnInterviewCompleted':
      return {
        offeredOn: c.offeredOn ?? e.occurredOn,
        interviewerRole: e.interviewerRole,
        interviewerRef: e.interviewerRef,
        interviewOutcome: 'completed',
        pushFactors: e.pushFactors,
        pullFactors: e.pullFactors,
        risks: e.risks,
        endedOn: e.occurredOn,
      };
    case 'ReturnInterviewDeclined':
      return { offeredOn: c.offeredOn ?? e.occurredOn, interviewOutcome: 'declined', endedOn: e.occurredOn };
    case 'ReturnInterviewNotPossible':
      return { interviewOutcome: 'not-possible', notPossibleReason: e.reason, endedOn: e.occurredOn };
    case 'MissingReportWithdrawn':
      return { endedOn: e.occurredOn };
    default: {
      const unhandled: never = e;
      return unhandled;
    }
  }
}

/**
 * The trigger of the MIS-01 clocks: the return instant, or (qualifier `time-unknown`) only its
 * London date, which the rulebook counts from 23:59 London (TIMESCALES.md 2.3).
 */
export function triggerFacts(e: MissingEpisodeEvent): TriggerFacts {
  const trigger = { event: e.type, at: e.occurredAt, on: e.occurredOn };
  const qualifiers = e.type === 'ChildReturned' && !e.timeKnown ? (['time-unknown'] as const) : [];
  return { trigger, qualifiers, anchors: {} };
}
