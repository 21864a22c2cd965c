import { endOfLondonDay, instantToMillis, isLocalDate } from '@csc/calendar';
import type { IsoInstant, LocalDate } from '@workflows/shared';
import { ReportInputError } from './errors';
import type { Dated } from './records';

/**
 * Which date an event counts on. `occurred`: the day it happened (the statutory measure).
 * `recorded`: the day it was recorded, as a system that only sees what has been typed in counts
 * it (the measure that made Enfield's on-time LAC reviews count as late). Due dates never move:
 * they always count from when the trigger happened.
 */
export type Basis = 'occurred' | 'recorded';
export const BASES: readonly Basis[] = ['occurred', 'recorded'];

/** A reporting period: London dates, both inclusive. */
export interface Period {
  readonly from: LocalDate;
  readonly to: LocalDate;
}

export function period(from: string, to: string): Period {
  if (!isLocalDate(from)) throw new ReportInputError('from', `${JSON.stringify(from)} is not a date (YYYY-MM-DD)`);
  if (!isLocalDate(to)) throw new ReportInputError('to', `${JSON.stringify(to)} is not a date (YYYY-MM-DD)`);
  if (to < from) throw new ReportInputError('to', `${to} is before from (${from})`);
  return { from, to };
}

/** The instant the period ends (00:00 London after its last day). */
export function periodEnd(p: Period): IsoInstant {
  return endOfLondonDay(p.to);
}

export function inPeriod(date: LocalDate, p: Period): boolean {
  return date >= p.from && date <= p.to;
}

/** The date a dated fact counts on under a basis. */
export function dateOn(d: Pick<Dated, 'occurredOn' | 'recordedOn'>, basis: Basis): LocalDate {
  return basis === 'occurred' ? d.occurredOn : d.recordedOn;
}

/** The instant a dated fact counts at under a basis. */
export function instantOn(d: Pick<Dated, 'occurredAt' | 'recordedAt'>, basis: Basis): IsoInstant {
  return basis === 'occurred' ? d.occurredAt : d.recordedAt;
}

export const before = (a: IsoInstant, b: IsoInstant): boolean => instantToMillis(a) < instantToMillis(b);

/** A proportion: numerator of denominator, the percentage to one decimal (null when nothing to count). */
export interface Figure {
  readonly numerator: number;
  readonly denominator: number;
  readonly percent: number | null;
  /** Counts behind the figure (held, late, overdue at period end, per reason or code ...). */
  readonly detail: Readonly<Record<string, number>>;
}

export function figure(numerator: number, denominator: number, detail: Readonly<Record<string, number>> = {}): Figure {
  const percent = denominator === 0 ? null : Math.round((numerator / denominator) * 1000) / 10;
  return { numerator, denominator, percent, detail };
}

/** Adds one to a named count. */
export function bump(counts: Record<string, number>, key: string, by = 1): void {
  counts[key] = (counts[key] ?? 0) + by;
}
