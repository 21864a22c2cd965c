import { endOfLondonDay, londonDateOf, normaliseInstant, type WorkingCalendar } from '@csc/calendar';
import type { DeadlineOptions } from '@csc/case';
import type { Redis } from '@csc/redis';
import { explainDeadline } from './explain';
import { ProjectionKeys, userKey } from './keys';
import type { AllegationView, CaseView, InboxAlert, OpenAllegationDeadline, OpenDeadline } from './view';
import { parseCaseDeadlineIds } from './writer';

export interface QueueItem extends OpenDeadline {
  /** How late it is at the query's instant (0 when not yet due). */
  readonly lateByMs: number;
  /** Working days since it fell due (0 when not yet due). */
  readonly lateWorkingDays: number;
  /** Why it is due when it is: the rulebook's explanation. */
  readonly why: string;
}

export interface Page {
  readonly offset: number;
  readonly limit: number;
}

/** Whose queue: a team's (every deadline of its cases) or an IRO's (the deadlines they own). */
export interface QueueOwner {
  readonly kind: 'team' | 'iro';
  readonly ref: string;
}

export type CaseSummary = Omit<CaseView, 'deadlines'> & { readonly openDeadlines: number };

/** An inbox owner as the alerts name it: `iro` (an IRO's user id), `team` or `team-manager` (a team reference). */
export interface InboxRecipient {
  readonly kind: string;
  readonly ref: string;
}

export type InboxItem = InboxAlert & { readonly read: boolean };

export interface Inbox {
  /** Alerts in the inbox (at most 5,000 per recipient are considered). */
  readonly total: number;
  readonly unread: number;
  readonly items: InboxItem[];
}

export type AllegationDeadlineItem = OpenAllegationDeadline & { readonly overdue: boolean; readonly lateByMs: number; readonly lateWorkingDays: number };

export type AllegationItem = Omit<AllegationView, 'deadlines'> & {
  readonly deadlines: AllegationDeadlineItem[];
  /** The earliest due instant of its open deadlines (null: none has a numeric timescale). */
  readonly nextDueInstant: string | null;
  /** How many of its open deadlines are overdue at the query's instant. */
  readonly overdue: number;
};

const INBOX_SCAN_LIMIT = 5000;

/**
 * A queue page of the live generation with its records, in one round trip: reads the generation
 * pointer (KEYS[1]), then ZRANGEBYSCORE on `<namespace>[:<gen>]<queue>` and HMGET of the deadline
 * records. (It names keys it was not given, which a single Redis allows; a cluster would not.)
 */
const QUEUE_PAGE = `
local gen = redis.call('GET', KEYS[1])
local base = ARGV[1]
if gen then base = base .. ':' .. gen end
local ids = redis.call('ZRANGEBYSCORE', base .. ARGV[2], ARGV[3], ARGV[4], 'LIMIT', ARGV[5], ARGV[6])
if #ids == 0 then return {} end
return redis.call('HMGET', base .. ':deadline', unpack(ids))`;

/** Reads the queue projection. Time is the caller's `now`: overdue is a question, not a stored fact. */
export class QueueReader {
  /** Generation-free names (the changes channel, the generation pointer); each query reads the live generation's keys. */
  readonly keys: ProjectionKeys;
  /** Explanations by rule, clock, trigger and release: the same inputs always explain the same way. */
  private readonly explained = new Map<string, string>();

  constructor(private readonly redis: Redis, prefix: string, private readonly deadlines: DeadlineOptions) {
    this.keys = new ProjectionKeys(prefix);
  }

  /** A team's overdue deadlines, most overdue first. */
  async overdue(teamRef: string, now: Date, page: Page = { offset: 0, limit: 100 }): Promise<QueueItem[]> {
    return this.page(`:team:${teamRef}`, '-inf', now.getTime(), page, now);
  }

  /** A team's or an IRO's deadlines due from `now` to the end of the Nth working day ahead (London), soonest first. */
  async dueWithin(owner: QueueOwner, now: Date, workingDays: number, page: Page = { offset: 0, limit: 500 }): Promise<QueueItem[]> {
    return this.page(`:${owner.kind}:${owner.ref}`, `(${now.getTime()}`, dueHorizon(this.deadlines.calendar, now, workingDays), page, now);
  }

  /** Every open deadline an IRO owns (overdue and upcoming), by due instant: the calendar feed. */
  async ownedBy(iroRef: string, limit = 5000): Promise<OpenDeadline[]> {
    const keys = await this.current();
    const ids = await this.redis.zrangebyscore(keys.iro(iroRef), '-inf', '+inf', 'LIMIT', 0, limit);
    return this.records(keys, ids);
  }

  async caseDeadlines(caseId: string): Promise<OpenDeadline[]> {
    const keys = await this.current();
    return this.records(keys, parseCaseDeadlineIds(await this.redis.hget(keys.caseDeadlineIndex, caseId)));
  }

  async summary(caseId: string): Promise<CaseSummary | undefined> {
    const text = await this.redis.get((await this.current()).summary(caseId));
    return text === null ? undefined : (JSON.parse(text) as CaseSummary);
  }

  /**
   * A user's inbox: the alerts of every recipient the caller says the user answers for (their own
   * IRO inbox, their teams', their teams' manager inbox), newest first, each with whether this
   * user marked it read, and the counts. `unreadOnly` lists only the unread ones.
   */
  async inbox(userId: string, recipients: readonly InboxRecipient[], page: Page = { offset: 0, limit: 50 }, unreadOnly = false): Promise<Inbox> {
    const keys = await this.current();
    const tx = this.redis.pipeline();
    for (const r of recipients) tx.zrevrange(keys.inbox(r.kind, r.ref), 0, INBOX_SCAN_LIMIT - 1, 'WITHSCORES');
    const results = (await tx.exec()) ?? [];
    const scores = new Map<string, number>();
    for (const [error, reply] of results) {
      if (error) throw error;
      const flat = reply as string[];
      for (let i = 0; i + 1 < flat.length; i += 2) scores.set(flat[i] ?? '', Number(flat[i + 1]));
    }
    const ids = [...scores.keys()].sort((a, b) => (scores.get(b) ?? 0) - (scores.get(a) ?? 0) || (a < b ? -1 : a > b ? 1 : 0));
    const readFlags = ids.length === 0 ? [] : await this.redis.smismember(keys.inboxRead(userKey(userId)), ...ids);
    const read = new Set(ids.filter((_, i) => readFlags[i] === 1));
    const listed = unreadOnly ? ids.filter((id) => !read.has(id)) : ids;
    const pageIds = listed.slice(page.offset, page.offset + page.limit);
    const values = pageIds.length === 0 ? [] : await this.redis.hmget(keys.alerts, ...pageIds);
    const items = values.flatMap((v) => (v === null ? [] : [JSON.parse(v) as InboxAlert])).map((a) => ({ ...a, read: read.has(a.eventId) }));
    return { total: ids.length, unread: ids.length - read.size, items };
  }

  /** Which of these alert event ids are in the recipients' inboxes (to refuse marking anything else read). */
  async inInbox(recipients: readonly InboxRecipient[], eventIds: readonly string[]): Promise<Set<string>> {
    const keys = await this.current();
    const found = new Set<string>();
    if (eventIds.length === 0) return found;
    const tx = this.redis.pipeline();
    for (const r of recipients) tx.zmscore(keys.inbox(r.kind, r.ref), ...eventIds);
    for (const [error, reply] of (await tx.exec()) ?? []) {
      if (error) throw error;
      (reply as (string | null)[]).forEach((score, i) => { if (score !== null) found.add(eventIds[i] ?? ''); });
    }
    return found;
  }

  /**
   * The LADO's open allegations, the one whose next deadline falls first at the top (those with
   * no dated deadline last): stage, status, each open deadline with whether it is overdue at `now`.
   */
  async openAllegations(now: Date, page: Page = { offset: 0, limit: 200 }): Promise<{ readonly total: number; readonly items: AllegationItem[] }> {
    const keys = await this.current();
    const [ids, total] = await Promise.all([this.redis.zrange(keys.openAllegations, page.offset, page.offset + page.limit - 1), this.redis.zcard(keys.openAllegations)]);
    const values = ids.length === 0 ? [] : await this.redis.mget(...ids.map((id) => keys.allegation(id)));
    const { calendar } = this.deadlines;
    const today = londonDateOf(normaliseInstant(now.toISOString()));
    const items = values.flatMap((v) => (v === null ? [] : [JSON.parse(v) as AllegationView])).map((view): AllegationItem => {
      const deadlines = view.deadlines.map((d) => {
        const lateByMs = d.dueInstant === null ? 0 : Math.max(0, now.getTime() - Date.parse(d.dueInstant));
        return { ...d, overdue: lateByMs > 0, lateByMs, lateWorkingDays: lateByMs === 0 || d.dueDate === null ? 0 : calendar.workingDaysBetween(d.dueDate, today) };
      });
      const dated = deadlines.flatMap((d) => (d.dueInstant === null ? [] : [d.dueInstant])).sort((a, b) => Date.parse(a) - Date.parse(b));
      return { ...view, deadlines, nextDueInstant: dated[0] ?? null, overdue: deadlines.filter((d) => d.overdue).length };
    });
    return { total, items };
  }

  private why(d: OpenDeadline): string {
    const key = `${d.ruleId}|${d.clock ?? ''}|${d.triggerAt}|${d.countsFrom}|${d.rulebookVersion}|${d.dueInstant ?? ''}`;
    let text = this.explained.get(key);
    if (text === undefined) {
      text = explainDeadline(d, this.deadlines);
      if (this.explained.size >= 10_000) this.explained.clear();
      this.explained.set(key, text);
    }
    return text;
  }

  /** The keys of the generation readers use now (a rebuild moves the pointer when its generation is complete). */
  async current(): Promise<ProjectionKeys> {
    return this.keys.at((await this.redis.get(this.keys.generationPointer)) ?? undefined);
  }

  private async records(keys: ProjectionKeys, ids: readonly string[]): Promise<OpenDeadline[]> {
    if (ids.length === 0) return [];
    const values = await this.redis.hmget(keys.deadlines, ...ids);
    return values.flatMap((v) => (v === null ? [] : [JSON.parse(v) as OpenDeadline]));
  }

  /** A page of a queue of the live generation and its records, in one round trip (`QUEUE_PAGE`). */
  private async page(queue: string, min: number | string, max: number | string, page: Page, now: Date): Promise<QueueItem[]> {
    const values = (await this.redis.eval(QUEUE_PAGE, 1, this.keys.generationPointer, this.keys.namespace, queue, min, max, page.offset, page.limit)) as (string | null)[];
    const { calendar } = this.deadlines;
    const today = londonDateOf(normaliseInstant(now.toISOString()));
    return values.flatMap((v) => (v === null ? [] : [JSON.parse(v) as OpenDeadline])).map((d) => {
      const lateByMs = d.dueInstant === null ? 0 : Math.max(0, now.getTime() - Date.parse(d.dueInstant));
      const lateWorkingDays = lateByMs === 0 || d.dueDate === null ? 0 : calendar.workingDaysBetween(d.dueDate, today);
      return { ...d, lateByMs, lateWorkingDays, why: this.why(d) };
    });
  }
}

/** End of the London day `workingDays` working days after today (ms). */
export function dueHorizon(calendar: WorkingCalendar, now: Date, workingDays: number): number {
  const today = londonDateOf(normaliseInstant(now.toISOString()));
  return Date.parse(endOfLondonDay(calendar.addWorkingDays(today, workingDays)));
}
