import type { AllegationCommand, CaseCommand } from '@csc/case';
import type { Rng } from './random';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const YEAR = 365.25 * DAY;

/** Who records a command: a reference and a role, never a name. */
export interface SyntheticActor {
  readonly userId: string;
  readonly role: string;
}

/** One command of the synthetic council, ready for the command handler. */
export interface SyntheticCommand {
  readonly stream: 'case' | 'allegation';
  /** `child-000123` or `alg-000012`. */
  readonly id: string;
  /** When it is recorded: the handler's and the store's clock for this command. */
  readonly recordedAt: string;
  readonly actor: SyntheticActor;
  readonly idempotencyKey: string;
  readonly command: CaseCommand | AllegationCommand;
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** A working-hours instant on the day of `ms` (UTC 08:00-16:00), moved off weekends. */
export function office(ms: number, rng: Rng): number {
  const day = Math.floor(ms / DAY) * DAY;
  const weekday = new Date(day).getUTCDay();
  const shift = weekday === 6 ? 2 : weekday === 0 ? 1 : 0;
  return day + shift * DAY + 8 * HOUR + rng.int(0, 8 * 60 - 1) * MINUTE;
}

interface Item {
  readonly chain: string;
  readonly at: number;
  readonly lag: number;
  readonly actor: SyntheticActor;
  readonly command: CaseCommand | AllegationCommand;
  readonly after: number | undefined;
}

/**
 * The commands of one stream as they happened, each with its recording lag. Commands of one
 * chain (a pathway's instances, or the case-level facts) must be added in the order they
 * happened; `finalise` makes each chain's recording instants increase, so that the stream,
 * recorded in recording order, replays each pathway in order (a review typed up three weeks late
 * holds back the records of that pathway after it, not the others).
 */
export class StreamPlan {
  private readonly items: Item[] = [];

  constructor(
    readonly stream: 'case' | 'allegation',
    readonly id: string,
  ) {}

  /** Adds a command; returns its handle (for `after`: recorded no earlier than that one). */
  add(chain: string, at: number, actor: SyntheticActor, command: CaseCommand | AllegationCommand, options: { lag?: number; after?: number } = {}): number {
    this.items.push({ chain, at, lag: options.lag ?? 10 * MINUTE, actor, command, after: options.after });
    return this.items.length - 1;
  }

  get size(): number {
    return this.items.length;
  }

  /** The stream's commands in recording order, those recorded by `until` only. */
  finalise(until: number, runKey: string): SyntheticCommand[] {
    const recorded: number[] = [];
    const last = new Map<string, number>();
    const floor = this.items[0] === undefined ? 0 : this.items[0].at + this.items[0].lag;
    this.items.forEach((item, i) => {
      let at = Math.max(item.at + item.lag, i === 0 ? 0 : floor + 1000, (last.get(item.chain) ?? 0) + 1000);
      if (item.after !== undefined) at = Math.max(at, (recorded[item.after] ?? 0) + 1000);
      recorded.push(at);
      last.set(item.chain, at);
    });
    const order = this.items.map((_, i) => i).filter((i) => (recorded[i] ?? Infinity) <= until);
    order.sort((a, b) => (recorded[a] ?? 0) - (recorded[b] ?? 0) || a - b);
    return order.map((i, n) => {
      const item = this.items[i] as Item;
      return {
        stream: this.stream, id: this.id, recordedAt: iso(recorded[i] ?? 0), actor: item.actor,
        idempotencyKey: `${runKey}:${this.id}:${n}`, command: item.command,
      };
    });
  }
}
