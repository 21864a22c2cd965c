import type { IsoInstant, PathwayEvent } from '@workflows/shared';
import { HistoryInvalidError } from './errors';
import { decodeCaseEvent, type CaseEvent, type InstanceLink, type PathwayEventRecorded, type StoredCaseEvent } from './events';
import { pathwayOf } from './pathways/registry';
import type { AnyPathway } from './pathways/types';

/**
 * One event applied to an instance, as a persistent (cons) list: newest first, shared between
 * successive states, so the fold stays O(1) per event. It tells the deadline derivation which
 * intents of the instance's ledger journal came from which event (recording time, rulebook).
 */
export interface Step {
  /** Length of the instance's intent journal before this event. */
  readonly journalFrom: number;
  readonly eventType: string;
  readonly recordedAt: IsoInstant;
  readonly rulebookVersion: string;
  readonly previous: Step | undefined;
}

export interface PathwayInstance {
  readonly pathway: string;
  readonly instanceId: string;
  /** The machine snapshot (type known to the pathway definition). */
  readonly snapshot: unknown;
  readonly lastStep: Step | undefined;
  /** The instance this one follows from (set by its first event). */
  readonly linkedTo?: InstanceLink;
}

/** A child's case as folded from its stream. */
export interface CaseState {
  readonly caseId: string | undefined;
  readonly opened: boolean;
  readonly teamRef: string | undefined;
  readonly iroRef: string | undefined;
  readonly rulebook: string | undefined;
  /** Events folded (the stream's next revision). */
  readonly version: number;
  readonly instances: Readonly<Record<string, PathwayInstance>>;
  /** Instances ever started, per pathway kind (the next id is `<prefix>-<count + 1>`). */
  readonly started: Readonly<Record<string, number>>;
  /** Ids of the alerts raised on this case (TimescaleReminderSent / Breached / Escalated), oldest first. */
  readonly alertsRaised: readonly string[];
}

export const initialCaseState: CaseState = {
  caseId: undefined,
  opened: false,
  teamRef: undefined,
  iroRef: undefined,
  rulebook: undefined,
  version: 0,
  instances: {},
  started: {},
  alertsRaised: [],
};

/**
 * One stored pathway event applied to its instance (or a new one): the bare machine transition,
 * and the step that ties the new intents to the event's recording time and rulebook release.
 * Generic over the stream kind (a child's case, an allegation). `at` names the event for errors.
 */
export function stepInstance(pathway: AnyPathway, existing: PathwayInstance | undefined, e: PathwayEventRecorded, at: number): PathwayInstance {
  const before = existing?.snapshot ?? pathway.start();
  const after = pathway.replay(before, e.event satisfies PathwayEvent);
  if (after === before) {
    throw new HistoryInvalidError(
      `event ${at} (${e.event.type}) does not apply to ${e.pathway} ${e.instanceId} in state '${pathway.state(before)}': the machine no longer accepts this history`,
    );
  }
  const step: Step = {
    journalFrom: pathway.ledger(before).journal.length,
    eventType: e.event.type,
    recordedAt: e.recordedAt,
    rulebookVersion: e.rulebookVersion,
    previous: existing?.lastStep,
  };
  const linkedTo = existing?.linkedTo ?? e.linkedTo;
  return linkedTo === undefined
    ? { pathway: e.pathway, instanceId: e.instanceId, snapshot: after, lastStep: step }
    : { pathway: e.pathway, instanceId: e.instanceId, snapshot: after, lastStep: step, linkedTo };
}

function applyPathway(state: CaseState, e: PathwayEventRecorded): CaseState {
  const pathway = pathwayOf(e.pathway);
  if (pathway === undefined) throw new HistoryInvalidError(`event ${state.version}: unknown pathway '${e.pathway}'`);
  const existing = state.instances[e.instanceId];
  const instance = stepInstance(pathway, existing, e, state.version);
  const started = existing === undefined ? { ...state.started, [e.pathway]: (state.started[e.pathway] ?? 0) + 1 } : state.started;
  return { ...state, version: state.version + 1, instances: { ...state.instances, [e.instanceId]: instance }, started };
}

/** Apply one case event (already decided or decoded). */
export function evolveEvent(state: CaseState, event: CaseEvent): CaseState {
  // Most events are pathway events, which build their own next state: only the others share this one.
  if (event.type === 'PathwayEventRecorded') return applyPathway(state, event);
  const next = { ...state, version: state.version + 1 };
  switch (event.type) {
    case 'CaseOpened':
      return { ...next, caseId: event.caseId, opened: true, teamRef: event.teamRef, rulebook: event.rulebook };
    case 'IroAllocated':
      return { ...next, iroRef: event.iroRef };
    case 'IroDeallocated':
      return { ...next, iroRef: state.iroRef === event.iroRef ? undefined : state.iroRef };
    case 'TeamChanged':
      return { ...next, teamRef: event.teamRef };
    case 'TimescaleAlertRecorded':
      return state.alertsRaised.includes(event.alertId) ? next : { ...next, alertsRaised: [...state.alertsRaised, event.alertId] };
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

/** Fold one stored event of the child's stream into the case. */
export function evolve(state: CaseState, stored: StoredCaseEvent): CaseState {
  return evolveEvent(state, decodeCaseEvent(stored));
}

/** The case from its stream, from the start. */
export function foldCase(events: readonly StoredCaseEvent[], from: CaseState = initialCaseState): CaseState {
  let state = from;
  for (const event of events) state = evolve(state, event);
  return state;
}

/** The steps of an instance, oldest first. */
export function stepsOf(instance: PathwayInstance): readonly Step[] {
  const steps: Step[] = [];
  for (let step = instance.lastStep; step !== undefined; step = step.previous) steps.push(step);
  return steps.reverse();
}

/** The case as it was known at `recordedUntil`: only the events recorded by then are folded. */
export function foldCaseAsOf(events: readonly StoredCaseEvent[], recordedUntil: IsoInstant): CaseState {
  const until = Date.parse(recordedUntil);
  let state = initialCaseState;
  for (const stored of events) {
    const event = decodeCaseEvent(stored);
    if (Date.parse(event.recordedAt) <= until) state = evolveEvent(state, event);
  }
  return state;
}
