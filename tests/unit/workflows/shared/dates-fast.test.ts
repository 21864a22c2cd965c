import fc from 'fast-check';
import { isIsoInstant, isLocalDate, localDateFits } from '@workflows/shared';

/*
 * The date checks read strings by character code; these are their definitions as they were
 * before (Date and toISOString), which they must answer exactly as, in this V8.
 */
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const DAY_MS = 86_400_000;

function isLocalDateByDates(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const match = LOCAL_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  return new Date(ms).toISOString().slice(0, 10) === value;
}

function isIsoInstantByDates(value: unknown): boolean {
  return typeof value === 'string' && INSTANT.test(value) && !Number.isNaN(Date.parse(value));
}

function localDateFitsByDates(occurredAt: string, occurredOn: string): boolean {
  const utc = Date.parse(occurredAt);
  const utcDate = new Date(utc).toISOString().slice(0, 10);
  const nextDate = new Date(utc + DAY_MS).toISOString().slice(0, 10);
  return occurredOn === utcDate || occurredOn === nextDate;
}

/** The answer, or the error's name when the function throws (the definition throws on an unreadable instant). */
function outcome(f: () => boolean): boolean | string {
  try {
    return f();
  } catch (error) {
    return `throws ${(error as Error).name}`;
  }
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const EDGE_YEARS = [0, 1, 99, 100, 101, 1600, 1700, 1752, 1800, 1900, 1970, 1999, 2000, 2023, 2024, 2025, 2026, 2028, 2100, 2400, 9998, 9999];
/** Characters the formats are made of, and a few they are not: for strings of almost the right shape. */
const SHAPE_CHARS = ['0', '1', '2', '3', '4', '5', '9', '-', '-', 'T', ':', ':', '.', 'Z', '+', ' ', 't', 'z', '٣'];

const fieldsArb = fc.record({
  year: fc.oneof(fc.constantFrom(...EDGE_YEARS), fc.integer({ min: 0, max: 9999 })),
  month: fc.integer({ min: 0, max: 99 }), day: fc.integer({ min: 0, max: 99 }),
  hour: fc.oneof(fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 99 })), minute: fc.oneof(fc.constantFrom(0, 59, 60), fc.integer({ min: 0, max: 99 })),
  second: fc.option(fc.oneof(fc.constantFrom(0, 59, 60), fc.integer({ min: 0, max: 99 }))),
  fraction: fc.option(fc.stringMatching(/^\d{0,11}$/)),
  zone: fc.oneof(
    fc.constantFrom('Z', '+00:00', '-00:00', '+01:00', '+23:59', '-23:59', '+24:00', '+23:60', 'z', '', '+0100', '+01'),
    fc.tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 })).map(([s, h, m]) => `${s}${pad(h)}:${pad(m)}`),
  ),
});
const instantOf = (f: { year: number; month: number; day: number; hour: number; minute: number; second: number | null; fraction: string | null; zone: string }) => {
  const seconds = f.second === null ? '' : `:${pad(f.second)}${f.fraction === null ? '' : `.${f.fraction}`}`;
  return `${pad(f.year, 4)}-${pad(f.month)}-${pad(f.day)}T${pad(f.hour)}:${pad(f.minute)}${seconds}${f.zone}`;
};
const nearShape = fc.array(fc.constantFrom(...SHAPE_CHARS), { minLength: 8, maxLength: 36 }).map((chars) => chars.join(''));
/** A string with one character changed, removed or added. */
const mutated = (base: fc.Arbitrary<string>) =>
  fc.tuple(base, fc.nat(), fc.constantFrom(...SHAPE_CHARS), fc.constantFrom('set', 'drop', 'add')).map(([s, at, c, how]) => {
    const i = s.length === 0 ? 0 : at % s.length;
    if (how === 'set') return s.slice(0, i) + c + s.slice(i + 1);
    if (how === 'drop') return s.slice(0, i) + s.slice(i + 1);
    return s.slice(0, i) + c + s.slice(i);
  });
const anyValue = fc.oneof(fc.constant(undefined), fc.constant(null), fc.integer(), fc.constant(20260101), fc.constant(['2026-01-01']), fc.string());

describe('shared dates: the fast checks answer exactly as their Date-based definitions', () => {
  it('given every month and day 00-32 of leap, common, century and 00xx years (and 2026-02-30, 2028-02-29), when isLocalDate checks them, then it answers as the definition', () => {
    const dates: string[] = [];
    for (const year of EDGE_YEARS) for (let month = 0; month <= 13; month++) for (let day = 0; day <= 32; day++) dates.push(`${pad(year, 4)}-${pad(month)}-${pad(day)}`);
    const differing = dates.filter((d) => isLocalDate(d) !== isLocalDateByDates(d));
    expect(differing).toEqual([]);
    expect(dates.filter((d) => isLocalDate(d)).length).toBeGreaterThan(4000);
    expect([isLocalDate('2026-02-30'), isLocalDate('2028-02-29'), isLocalDate('1900-02-29'), isLocalDate('2000-02-29'), isLocalDate('0050-01-01')]).toEqual([false, true, false, true, false]);
  });

  it('given random date-shaped, near-shaped, mutated and non-string values, when isLocalDate checks them, then it answers as the definition', () => {
    const dateShaped = fc.tuple(fc.oneof(fc.constantFrom(...EDGE_YEARS), fc.integer({ min: 0, max: 9999 })), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }))
      .map(([y, m, d]) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`);
    fc.assert(
      fc.property(fc.oneof(dateShaped, mutated(dateShaped), nearShape, anyValue), (value) => isLocalDate(value) === isLocalDateByDates(value)),
      { numRuns: 5_000 },
    );
  });

  it('given instants over every month 00-13, day 00-32 and hour 00-25 with minutes, seconds, fractions and offsets at their edges (24:00, :60, +24:00), when isIsoInstant checks them, then it answers as the definition', () => {
    const instants: string[] = [];
    for (const year of [0, 1900, 2024, 2026, 9999]) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) instants.push(`${pad(year, 4)}-${pad(month)}-${pad(day)}T10:00Z`);
      }
    }
    for (let hour = 0; hour <= 25; hour++) {
      for (const rest of ['00', '01', '59', '60', '00:00', '00:01', '00:60', '59:59', '00:00.000', '00:00.0', '00:00.001', '00:00.000000000', '00:00.0000000001', '00:00.']) {
        for (const zone of ['Z', '+00:00', '-01:00', '+23:59', '+24:00', '-23:60', '+99:99']) instants.push(`2026-02-28T${pad(hour)}:${rest}${zone}`);
      }
    }
    const differing = instants.filter((i) => isIsoInstant(i) !== isIsoInstantByDates(i));
    expect(differing).toEqual([]);
    expect([isIsoInstant('2026-01-01T24:00Z'), isIsoInstant('2026-01-01T24:00:01Z'), isIsoInstant('2026-02-30T10:00Z'), isIsoInstant('2026-01-32T10:00Z')]).toEqual([true, false, true, false]);
  });

  it('given random instant-shaped, near-shaped, mutated and non-string values, when isIsoInstant checks them, then it answers as the definition', () => {
    const instantShaped = fieldsArb.map(instantOf);
    fc.assert(
      fc.property(fc.oneof(instantShaped, mutated(instantShaped), nearShape, anyValue), (value) => isIsoInstant(value) === isIsoInstantByDates(value)),
      { numRuns: 8_000 },
    );
  });

  it('given instants with the dates around their UTC date (and invalid dates, other shapes, unreadable instants), when localDateFits compares them, then it answers (or throws) as the definition', () => {
    const readable = fieldsArb.map(instantOf).filter((i) => !Number.isNaN(Date.parse(i)));
    const pair = fc.oneof(
      fc.tuple(readable, fc.integer({ min: -2, max: 2 })).map(([at, shift]) => {
        const utc = Date.parse(at) + shift * DAY_MS;
        return [at, Math.abs(utc) < 8.64e15 ? new Date(utc).toISOString().slice(0, 10) : '2026-01-01'] as const;
      }),
      fc.tuple(readable, fc.oneof(fc.constantFrom('2026-02-30', '2026-02-29', '2028-02-29', '0000-01-01', '0050-01-01', '9999-12-31', '+010000-01', '2026-1-01'), nearShape)),
      fc.tuple(fc.oneof(fieldsArb.map(instantOf), nearShape, fc.constantFrom('+275760-09-13T00:00:00Z', '-271821-04-20T00:00:00Z', '0000-01-01T00:00Z', '9999-12-31T23:59Z', '9999-12-31T23:59-23:59')), fc.string()),
    );
    fc.assert(
      fc.property(pair, ([at, on]) => {
        expect(outcome(() => localDateFits(at, on))).toEqual(outcome(() => localDateFitsByDates(at, on)));
      }),
      { numRuns: 5_000 },
    );
  });

  it('given the edges of the years Date writes with four digits, BST evenings and offsets, when localDateFits compares them, then it answers (or throws) as the definition', () => {
    const cases: [string, string][] = [
      ['0000-01-01T00:00Z', '0000-01-01'], ['0000-01-01T00:00+01:00', '0000-01-01'], ['0000-01-01T00:00+01:00', '-000001-12'],
      ['9999-12-31T23:59Z', '9999-12-31'], ['9999-12-31T23:59-23:59', '9999-12-31'], ['9999-12-31T23:59-23:59', '+010000-01'],
      ['9999-12-30T10:00Z', '9999-12-31'], ['+275760-09-13T00:00:00Z', '2026-01-01'], ['not an instant', '2026-01-01'],
      ['2026-06-01T23:30:00Z', '2026-06-02'], ['2026-06-01T23:30:00Z', '2026-06-01'], ['2026-06-01T23:30:00Z', '2026-06-03'],
      ['2026-03-01T00:30:00+01:00', '2026-02-28'], ['2026-02-30T10:00Z', '2026-03-02'], ['2026-02-30T10:00Z', '2026-02-30'],
      ['2026-01-01T24:00Z', '2026-01-02'], ['2024-02-28T23:00Z', '2024-02-29'], ['2023-02-28T23:00Z', '2023-03-01'],
    ];
    const differing = cases.filter(([at, on]) => outcome(() => localDateFits(at, on)) !== outcome(() => localDateFitsByDates(at, on)));
    expect(differing).toEqual([]);
    expect(outcome(() => localDateFits('not an instant', '2026-01-01'))).toBe('throws RangeError');
    expect(localDateFits('2026-02-30T10:00Z', '2026-03-02')).toBe(true);
  });
});
