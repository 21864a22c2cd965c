import { authorise, type Principal } from '@csc/auth';
import { formatLondonTime } from '@csc/calendar';
import type { InboxItem, OpenDeadline, QueueItem, QueueReader } from '@csc/projections';

/** One row of a manager's or IRO's list, from the Redis queue projection (references only). */
export interface WorklistRow {
  readonly id: string;
  readonly caseId: string;
  readonly teamRef: string | null;
  readonly ruleId: string;
  readonly title: string | null;
  readonly pathway: string;
  readonly instanceId: string;
  readonly dueDate: string | null;
  readonly dueInstant: string | null;
  readonly owner: { readonly kind: string; readonly ref: string | null };
  readonly overdue: boolean;
  /** Working days since it fell due (0 when not yet due). */
  readonly lateWorkingDays: number;
  /** "Why is this due then?" (the rulebook), when the reader gave it. */
  readonly why: string | null;
}

/** The manager's list: due soon means within this many working days (the api's team default is 5). */
export const TEAM_SOON_WORKING_DAYS = 10;
/** The IRO's list: due soon within this many working days (the api's IRO default). */
export const IRO_SOON_WORKING_DAYS = 10;
/** At most this many rows per list on a page (the api pages further). */
export const PAGE_ROWS = 200;

export function rowOf(d: OpenDeadline | QueueItem, now: Date): WorklistRow {
  const overdue = d.dueInstant !== null && Date.parse(d.dueInstant) <= now.getTime();
  return {
    id: d.id, caseId: d.caseId, teamRef: d.teamRef, ruleId: d.ruleId, title: d.title, pathway: d.pathway, instanceId: d.instanceId,
    dueDate: d.dueDate, dueInstant: d.dueInstant, owner: d.owner, overdue,
    lateWorkingDays: 'lateWorkingDays' in d ? d.lateWorkingDays : 0, why: 'why' in d ? d.why : null,
  };
}

/** The manager's teams whose queues the policy lets them read (a team manager: their own teams). */
export function readableTeams(user: Principal): string[] {
  return user.teams.filter((teamRef) => authorise(user, { kind: 'read-team-queue', teamRef }).allowed);
}

/**
 * A manager's overdue and due-soon lists across their teams, read from the queue projection:
 * overdue most overdue first, due soon soonest first (a deadline is on one team's queue only).
 */
export async function teamLists(reader: QueueReader, teams: readonly string[], now: Date) {
  const overdue: WorklistRow[] = [];
  const dueSoon: WorklistRow[] = [];
  for (const teamRef of teams) {
    overdue.push(...(await reader.overdue(teamRef, now, { offset: 0, limit: PAGE_ROWS })).map((d) => rowOf(d, now)));
    dueSoon.push(...(await reader.dueWithin({ kind: 'team', ref: teamRef }, now, TEAM_SOON_WORKING_DAYS, { offset: 0, limit: PAGE_ROWS })).map((d) => rowOf(d, now)));
  }
  const byDue = (a: WorklistRow, b: WorklistRow) => (a.dueInstant ?? '9999').localeCompare(b.dueInstant ?? '9999') || a.id.localeCompare(b.id);
  return { overdue: overdue.sort(byDue), dueSoon: dueSoon.sort(byDue) };
}

/** An IRO's open deadlines split into overdue, due soon (within IRO_SOON_WORKING_DAYS) and later. */
export async function iroLists(reader: QueueReader, iroRef: string, now: Date) {
  const soon = (await reader.dueWithin({ kind: 'iro', ref: iroRef }, now, IRO_SOON_WORKING_DAYS, { offset: 0, limit: PAGE_ROWS })).map((d) => rowOf(d, now));
  const soonIds = new Set(soon.map((r) => r.id));
  const all = (await reader.ownedBy(iroRef)).map((d) => rowOf(d, now));
  return {
    overdue: all.filter((r) => r.overdue).slice(0, PAGE_ROWS),
    dueSoon: soon,
    later: all.filter((r) => !r.overdue && !soonIds.has(r.id)).slice(0, PAGE_ROWS),
  };
}

/** An alert as the inbox page lists it (from the inbox projection). */
export interface InboxRow {
  readonly eventId: string;
  readonly kind: string;
  readonly caseId: string;
  readonly deadlineId: string;
  readonly ruleId: string;
  readonly workingDaysBefore: number | null;
  readonly late: boolean;
  readonly read: boolean;
  /** Whose inbox it came to: "you", "team-1", "team-1's manager". */
  readonly for: string;
  /** Due and sent as London shows them ("Tue 28 Oct 2025 09:00 GMT"). */
  readonly due: string;
  readonly sent: string;
}

export function inboxRow(item: InboxItem): InboxRow {
  const r = item.recipient;
  return {
    eventId: item.eventId, kind: item.kind, caseId: item.caseId, deadlineId: item.deadlineId, ruleId: item.ruleId ?? '', workingDaysBefore: item.workingDaysBefore,
    late: item.late, read: item.read, for: r.kind === 'iro' ? 'you' : r.kind === 'team-manager' ? `${r.ref}'s manager` : r.ref,
    due: item.dueInstant === null ? 'no timescale' : formatLondonTime(item.dueInstant), sent: formatLondonTime(item.raisedAt),
  };
}
