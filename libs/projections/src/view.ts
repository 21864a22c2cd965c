import { allegationDeadlinesOf, deadlinesOf, pathwayOf, summariseAllegation, type AllegationState, type CaseDeadline, type CaseState, type DeadlineOptions } from '@csc/case';

/** Far enough ahead that every recorded closing counts: the projection never reads the clock. */
const END_OF_TIME = '9999-12-31T23:59:59.999Z';

/** An open deadline as the queues hold it: references and dates only, no names. */
export interface OpenDeadline {
  readonly id: string;
  readonly caseId: string;
  readonly teamRef: string | null;
  readonly owner: CaseDeadline['owner'];
  readonly pathway: string;
  readonly instanceId: string;
  readonly ruleId: string;
  readonly clock: string | null;
  readonly title: string | null;
  readonly rulebookVersion: string;
  readonly countsFrom: string;
  readonly triggerEvent: string;
  readonly triggerAt: string;
  readonly dueDate: string | null;
  readonly dueInstant: string | null;
  readonly actByDate: string | null;
}

export interface OpenPathway {
  readonly pathway: string;
  readonly instanceId: string;
  readonly state: string;
}

/** What the projection keeps of one case: a pure function of its events. */
export interface CaseView {
  readonly caseId: string;
  readonly teamRef: string | null;
  readonly iroRef: string | null;
  /** Events folded (the stream's next revision). */
  readonly version: number;
  readonly openPathways: readonly OpenPathway[];
  /** Deadlines not met, cancelled or lapsed by any recorded event, ordered by id. */
  readonly deadlines: readonly OpenDeadline[];
}

function openDeadline(d: CaseDeadline, teamRef: string | null): OpenDeadline {
  return {
    id: d.id, caseId: d.caseId, teamRef, owner: d.owner, pathway: d.pathway, instanceId: d.instanceId, ruleId: d.ruleId, clock: d.clock, title: d.title,
    rulebookVersion: d.rulebookVersion, countsFrom: d.countsFrom, triggerEvent: d.trigger.event, triggerAt: d.trigger.occurredAt,
    dueDate: d.dueDate, dueInstant: d.dueInstant, actByDate: d.actByDate,
  };
}

/**
 * The case's view: its team, IRO, running pathway instances and every deadline still open. A
 * deadline past its due instant stays in the view (overdue is a question the reader asks with
 * its own clock); one closed by a recorded event leaves it.
 */
export function caseView(state: CaseState, options: DeadlineOptions): CaseView | undefined {
  if (!state.opened || state.caseId === undefined) return undefined;
  const teamRef = state.teamRef ?? null;
  const deadlines = deadlinesOf(state, END_OF_TIME, options)
    .filter((d) => d.status === 'open' || (d.status === 'breached' && d.breach === 'overdue'))
    .map((d) => openDeadline(d, teamRef))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const openPathways: OpenPathway[] = [];
  for (const instance of Object.values(state.instances)) {
    const pathway = pathwayOf(instance.pathway);
    if (pathway?.active(instance.snapshot)) openPathways.push({ pathway: instance.pathway, instanceId: instance.instanceId, state: pathway.state(instance.snapshot) });
  }
  openPathways.sort((a, b) => (a.instanceId < b.instanceId ? -1 : a.instanceId > b.instanceId ? 1 : 0));
  return { caseId: state.caseId, teamRef, iroRef: state.iroRef ?? null, version: state.version, openPathways, deadlines };
}

/** An open deadline of a LADO allegation (the LADO's). */
export interface OpenAllegationDeadline {
  readonly id: string;
  readonly allegationId: string;
  readonly ruleId: string;
  readonly clock: string | null;
  readonly title: string | null;
  readonly rulebookVersion: string;
  readonly countsFrom: string;
  readonly triggerEvent: string;
  readonly triggerAt: string;
  readonly dueDate: string | null;
  readonly dueInstant: string | null;
  readonly actByDate: string | null;
}

/** What the LADO tracker keeps of one open allegation: a pure function of its stream (references only). */
export interface AllegationView {
  readonly allegationId: string;
  readonly ladoRef: string | null;
  /** The allegation's status (`referred`, `under-investigation`, `awaiting-cps-decision`, ...). */
  readonly status: string;
  /** The pathway's machine state (the stage). */
  readonly stage: string;
  /** When the allegation's stream began (its `AllegationOpened`, as it happened). */
  readonly openedAt: string | null;
  readonly version: number;
  /** Deadlines no recorded event has met, cancelled or lapsed, ordered by id. */
  readonly deadlines: readonly OpenAllegationDeadline[];
}

/** The allegation's view, or undefined when it is not open (never opened, or closed). */
export function allegationView(state: AllegationState, openedAt: string | null, options: DeadlineOptions): AllegationView | undefined {
  if (!state.opened || state.allegationId === undefined) return undefined;
  const summary = summariseAllegation(state);
  if (summary.status === 'closed') return undefined;
  const allegationId = state.allegationId;
  const deadlines = allegationDeadlinesOf(state, END_OF_TIME, options)
    .filter((d) => d.status === 'open' || (d.status === 'breached' && d.breach === 'overdue'))
    .map((d): OpenAllegationDeadline => ({
      id: d.id, allegationId, ruleId: d.ruleId, clock: d.clock, title: d.title, rulebookVersion: d.rulebookVersion, countsFrom: d.countsFrom,
      triggerEvent: d.trigger.event, triggerAt: d.trigger.occurredAt, dueDate: d.dueDate, dueInstant: d.dueInstant, actByDate: d.actByDate,
    }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { allegationId, ladoRef: state.ladoRef ?? null, status: summary.status, stage: summary.state, openedAt, version: state.version, deadlines };
}

/** An alert as a recipient's inbox holds it: the alert event's data (references and instants only) and its event id. */
export interface InboxAlert {
  readonly eventId: string;
  /** `TimescaleReminderSent`, `TimescaleBreached` or `TimescaleEscalated`. */
  readonly type: string;
  readonly alertId: string;
  readonly deadlineId: string;
  readonly caseId: string;
  readonly ruleId: string | null;
  readonly kind: string;
  readonly workingDaysBefore: number | null;
  readonly scheduledFor: string;
  readonly raisedAt: string;
  readonly late: boolean;
  readonly dueInstant: string | null;
  readonly recipient: { readonly kind: string; readonly ref: string };
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** The inbox entry of a stored alert event, or undefined when it names no recipient (nothing to deliver to). */
export function inboxAlert(event: { readonly id: string; readonly type: string; readonly data: unknown }, caseId: string): InboxAlert | undefined {
  const data = (event.data ?? {}) as Record<string, unknown>;
  const recipient = data.recipient as { kind?: unknown; ref?: unknown } | undefined;
  const scheduledFor = text(data.scheduledFor) ?? text(data.raisedAt);
  if (typeof recipient?.kind !== 'string' || typeof recipient.ref !== 'string' || scheduledFor === null || Number.isNaN(Date.parse(scheduledFor))) return undefined;
  return {
    eventId: event.id, type: event.type, alertId: text(data.alertId) ?? '', deadlineId: text(data.deadlineId) ?? '', caseId, ruleId: text(data.ruleId),
    kind: text(data.kind) ?? '', workingDaysBefore: typeof data.workingDaysBefore === 'number' ? data.workingDaysBefore : null, scheduledFor,
    raisedAt: text(data.raisedAt) ?? scheduledFor, late: data.late === true, dueInstant: text(data.dueInstant), recipient: { kind: recipient.kind, ref: recipient.ref },
  };
}
