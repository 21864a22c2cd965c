import { allegationStatus, type AllegationStatus, type LadoEvent, type LadoSnapshot } from '@workflows/lado-allegation';
import type { IsoInstant, LocalDate } from '@workflows/shared';
import { HistoryInvalidError } from '../errors';
import { decodeCaseEvent, encodeCaseEvent, type PathwayEventRecorded, type StoredCaseEvent } from '../events';
import { ladoAllegationPathway, type LADO_COMMANDS } from '../pathways/lado-allegation';
import type { PathwayInstance } from '../state';
import { stepInstance } from '../state';

/** The one pathway instance of an allegation stream. */
export const ALLEGATION_INSTANCE = 'lado';

/** Open an allegation's stream: the LADO who holds it and the council's rulebook. */
export interface OpenAllegation {
  readonly type: 'OpenAllegation';
  readonly allegationId: string;
  readonly ladoRef: string;
  readonly rulebook?: string;
  readonly occurredAt: IsoInstant;
}

type Lado = typeof LADO_COMMANDS;
type LadoCommandType = Extract<keyof Lado, string>;

/** The LADO pathway's commands (RecordAllegationKnownToEmployer, ReferToLado, ... CloseAllegation). */
export type LadoCommand = {
  readonly [N in LadoCommandType]: Readonly<
    { type: N; allegationId: string; occurredOn?: LocalDate } & Omit<Extract<LadoEvent, { type: Lado[N] }>, 'type' | 'occurredOn'>
  >;
}[LadoCommandType];

export type AllegationCommand = OpenAllegation | LadoCommand;

/** The allegation's stream began. `visibility` is the fact the API's access policy enforces. */
export interface AllegationOpened {
  readonly type: 'AllegationOpened';
  readonly allegationId: string;
  readonly ladoRef: string;
  readonly rulebook: string;
  readonly visibility: 'lado-only';
  readonly occurredAt: IsoInstant;
  readonly recordedAt: IsoInstant;
}

/** Events of an allegation stream: its opening, then the LADO pathway's events (the case envelope). */
export type AllegationEvent = AllegationOpened | PathwayEventRecorded;

export interface AllegationState {
  readonly allegationId: string | undefined;
  readonly opened: boolean;
  readonly ladoRef: string | undefined;
  readonly rulebook: string | undefined;
  readonly visibility: 'lado-only';
  readonly version: number;
  readonly instance: PathwayInstance | undefined;
}

export const initialAllegationState: AllegationState = {
  allegationId: undefined, opened: false, ladoRef: undefined, rulebook: undefined, visibility: 'lado-only', version: 0, instance: undefined,
};

export function encodeAllegationEvent(event: AllegationEvent): { readonly type: string; readonly data: Record<string, unknown> } {
  if (event.type === 'PathwayEventRecorded') return encodeCaseEvent(event);
  const { type, ...data } = event;
  return { type, data };
}

export function decodeAllegationEvent(stored: StoredCaseEvent): AllegationEvent {
  if (stored.type === 'AllegationOpened') return { ...(stored.data as Omit<AllegationOpened, 'type'>), type: 'AllegationOpened' };
  const event = decodeCaseEvent(stored);
  if (event.type !== 'PathwayEventRecorded' || event.pathway !== ladoAllegationPathway.kind) {
    throw new HistoryInvalidError(`'${stored.type}' is not an event of an allegation stream`);
  }
  return event;
}

export function evolveAllegationEvent(state: AllegationState, event: AllegationEvent): AllegationState {
  switch (event.type) {
    case 'AllegationOpened':
      return { ...state, version: state.version + 1, allegationId: event.allegationId, opened: true, ladoRef: event.ladoRef, rulebook: event.rulebook };
    case 'PathwayEventRecorded':
      return { ...state, version: state.version + 1, instance: stepInstance(ladoAllegationPathway, state.instance, event, state.version) };
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

export function evolveAllegation(state: AllegationState, stored: StoredCaseEvent): AllegationState {
  return evolveAllegationEvent(state, decodeAllegationEvent(stored));
}

export function foldAllegation(events: readonly StoredCaseEvent[], from: AllegationState = initialAllegationState): AllegationState {
  return events.reduce(evolveAllegation, from);
}

/** What the LADO's caseload shows: status and the references (never names) the allegation links. */
export interface AllegationSummary {
  readonly allegationId: string;
  readonly ladoRef: string | undefined;
  readonly status: AllegationStatus;
  readonly state: string;
  readonly adultRef: string | undefined;
  readonly childRefs: readonly string[];
  readonly visibility: 'lado-only';
}

export function summariseAllegation(state: AllegationState): AllegationSummary {
  const snapshot = (state.instance?.snapshot ?? ladoAllegationPathway.start()) as LadoSnapshot;
  const subject = snapshot.context.subject;
  return {
    allegationId: state.allegationId ?? '',
    ladoRef: state.ladoRef,
    status: allegationStatus(snapshot),
    state: ladoAllegationPathway.state(snapshot),
    adultRef: subject?.adultRef,
    childRefs: subject?.childRefs ?? [],
    visibility: state.visibility,
  };
}
