import { deadlinesOf, pathwayOf, type CaseDeadline, type CaseState, type DeadlineOptions } from '@csc/case';

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
