import { authorise, type Principal } from '@csc/auth';
import type { WorkingCalendar } from '@csc/calendar';
import { foldCase, type CaseState } from '@csc/case';
import type { EventStore, RecordedEvent } from '@csc/event-store';
import { accessFactsOf } from '../cases/case-records';
import { deadlinesView } from '../cases/queries/views';

export type DeadlineRow = ReturnType<typeof deadlinesView>[number];

export interface WorklistItem {
  readonly caseId: string;
  readonly teamRef: string | null;
  readonly deadline: DeadlineRow;
  readonly overdue: boolean;
}

/** Items due within this many days count as due soon. */
export const DUE_SOON_DAYS = 14;

/**
 * Every child's case folded from the event store (one readAll, grouped by
 * stream). A first increment: the Redis queue projections replace this read
 * for the manager's and IRO's lists once they land.
 */
export async function foldAllCases(store: EventStore): Promise<Map<string, CaseState>> {
  const streams = new Map<string, RecordedEvent[]>();
  for (const event of await store.readAll()) {
    if (!event.streamId.startsWith('case-')) continue;
    const list = streams.get(event.streamId) ?? [];
    list.push(event);
    streams.set(event.streamId, list);
  }
  const cases = new Map<string, CaseState>();
  for (const [streamId, events] of streams) {
    const state = foldCase(events);
    if (state.opened) cases.set(streamId.slice('case-'.length), state);
  }
  return cases;
}

/**
 * The open and overdue deadlines the principal may see (`read-case` on each
 * case), picked by `mine` (a manager: their teams' cases; an IRO: deadlines
 * owned by them), overdue first then by due date.
 */
export function worklist(cases: Map<string, CaseState>, principal: Principal, now: Date, calendar: WorkingCalendar, mine: (state: CaseState, deadline: DeadlineRow) => boolean): WorklistItem[] {
  const asOf = now.toISOString();
  const items: WorklistItem[] = [];
  for (const [caseId, state] of cases) {
    if (!authorise(principal, { kind: 'read-case' }, accessFactsOf(state)).allowed) continue;
    for (const deadline of deadlinesView(state, asOf, 'open', calendar)) {
      if (!mine(state, deadline)) continue;
      items.push({ caseId, teamRef: state.teamRef ?? null, deadline, overdue: deadline.status === 'breached' });
    }
  }
  return items.sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.deadline.dueInstant ?? '9999').localeCompare(b.deadline.dueInstant ?? '9999'));
}

/** Split into overdue and due within DUE_SOON_DAYS; the rest (later, or no numeric timescale) separately. */
export function byUrgency(items: readonly WorklistItem[], now: Date) {
  const soon = now.getTime() + DUE_SOON_DAYS * 24 * 60 * 60 * 1000;
  const dueSoon = (item: WorklistItem) => !item.overdue && item.deadline.dueInstant !== null && Date.parse(item.deadline.dueInstant) <= soon;
  return { overdue: items.filter((i) => i.overdue), dueSoon: items.filter(dueSoon), later: items.filter((i) => !i.overdue && !dueSoon(i)) };
}

/** A manager's: deadlines on their teams' cases. */
export const teamsItems = (principal: Principal) => (state: CaseState) => state.teamRef !== undefined && principal.teams.includes(state.teamRef);
/** An IRO's: deadlines they own. */
export const iroItems = (principal: Principal) => (_state: CaseState, deadline: DeadlineRow) => deadline.owner.kind === 'iro' && deadline.owner.ref === principal.userId;
