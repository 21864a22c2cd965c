import { endOfLondonDay, londonDateOf, normaliseInstant, type WorkingCalendar } from '@csc/calendar';
import type { DeadlineOptions } from '@csc/case';
import type { Redis } from '@csc/redis';
import { explainDeadline } from './explain';
import { ProjectionKeys } from './keys';
import type { CaseView, OpenDeadline } from './view';

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

/** Reads the queue projection. Time is the caller's `now`: overdue is a question, not a stored fact. */
export class QueueReader {
  readonly keys: ProjectionKeys;
  /** Explanations by rule, clock, trigger and release: the same inputs always explain the same way. */
  private readonly explained = new Map<string, string>();

  constructor(private readonly redis: Redis, prefix: string, private readonly deadlines: DeadlineOptions) {
    this.keys = new ProjectionKeys(prefix);
  }

  /** A team's overdue deadlines, most overdue first. */
  async overdue(teamRef: string, now: Date, page: Page = { offset: 0, limit: 100 }): Promise<QueueItem[]> {
    const ids = await this.redis.zrangebyscore(this.keys.team(teamRef), '-inf', now.getTime(), 'LIMIT', page.offset, page.limit);
    return this.items(ids, now);
  }

  /** A team's or an IRO's deadlines due from `now` to the end of the Nth working day ahead (London), soonest first. */
  async dueWithin(owner: QueueOwner, now: Date, workingDays: number, page: Page = { offset: 0, limit: 500 }): Promise<QueueItem[]> {
    const ids = await this.redis.zrangebyscore(owner.kind === 'team' ? this.keys.team(owner.ref) : this.keys.iro(owner.ref), `(${now.getTime()}`, dueHorizon(this.deadlines.calendar, now, workingDays), 'LIMIT', page.offset, page.limit);
    return this.items(ids, now);
  }

  /** Every open deadline an IRO owns (overdue and upcoming), by due instant: the calendar feed. */
  async ownedBy(iroRef: string, limit = 5000): Promise<OpenDeadline[]> {
    const ids = await this.redis.zrangebyscore(this.keys.iro(iroRef), '-inf', '+inf', 'LIMIT', 0, limit);
    return this.records(ids);
  }

  async caseDeadlines(caseId: string): Promise<OpenDeadline[]> {
    return this.records(await this.redis.zrange(this.keys.caseDeadlines(caseId), 0, -1));
  }

  async summary(caseId: string): Promise<CaseSummary | undefined> {
    const text = await this.redis.get(this.keys.summary(caseId));
    return text === null ? undefined : (JSON.parse(text) as CaseSummary);
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

  private async records(ids: readonly string[]): Promise<OpenDeadline[]> {
    if (ids.length === 0) return [];
    const values = await this.redis.hmget(this.keys.deadlines, ...ids);
    return values.flatMap((v) => (v === null ? [] : [JSON.parse(v) as OpenDeadline]));
  }

  private async items(ids: readonly string[], now: Date): Promise<QueueItem[]> {
    const { calendar } = this.deadlines;
    const today = londonDateOf(normaliseInstant(now.toISOString()));
    return (await this.records(ids)).map((d) => {
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
