import fc from 'fast-check';

/**
 * One fuzzing step as data: fast-check generates (and shrinks) these; the interpreter turns each
 * into a concrete command against the state reached so far, so that most commands are ones the
 * pathway allows there (the fuzzer reaches deep states) and the rest are malformed on purpose.
 */
export interface Step {
  /** How far the recording clock (`now`) moves on before this step. */
  readonly advanceMinutes: number;
  /** occurredAt = now - lag: minutes typically, days for a late record, weeks to backdate, negative for the future. */
  readonly lagMinutes: number;
  /** Which instance (or new instance, or case-level command) the step addresses. */
  readonly target: number;
  /** Which of the commands allowed there. */
  readonly pick: number;
  /** Field value choices, consumed in turn by the field makers. */
  readonly choices: readonly number[];
  readonly mutation: Mutation;
}

export const MUTATIONS = [
  'wrong-type', 'drop-field', 'unknown-field', 'future', 'backdate', 'bad-instant', 'unknown-instance', 'wrong-state',
  'wrong-stream', 'unknown-type', 'not-object', 'occurred-on', 'linked-to',
] as const;
export type Mutation = 'none' | (typeof MUTATIONS)[number];

const MINUTE = 1;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const advance = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 3 * DAY }) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 30 * DAY }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 150 * DAY }) },
);

const lag = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 6 * HOUR }) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 21 * DAY }) },
  { weight: 1, arbitrary: fc.integer({ min: 21 * DAY, max: 120 * DAY }) },
);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 3 * MUTATIONS.length, arbitrary: fc.constant<Mutation>('none') },
  { weight: MUTATIONS.length, arbitrary: fc.constantFrom<Mutation>(...MUTATIONS) },
);

export const stepArbitrary: fc.Arbitrary<Step> = fc.record({
  advanceMinutes: advance,
  lagMinutes: lag,
  target: fc.nat({ max: 63 }),
  pick: fc.nat({ max: 63 }),
  choices: fc.array(fc.nat({ max: 1023 }), { minLength: 1, maxLength: 6 }),
  mutation,
});

/** Deterministic choices from a step's numbers (cycling through them, offset so repeats differ). */
export class Chooser {
  private index = 0;
  constructor(private readonly choices: readonly number[]) {}

  nat(bound: number): number {
    const raw = this.choices[this.index % this.choices.length] ?? 0;
    const round = Math.floor(this.index / this.choices.length);
    this.index += 1;
    return bound <= 0 ? 0 : (raw + round * 7) % bound;
  }

  one<T>(items: readonly T[]): T {
    const item = items[this.nat(items.length)];
    if (item === undefined) throw new Error('Chooser.one: empty list');
    return item;
  }

  bool(): boolean {
    return this.nat(2) === 1;
  }

  /** A few distinct items of a list (possibly none unless `atLeastOne`). */
  some<T>(items: readonly T[], atLeastOne = false): T[] {
    const count = this.nat(3) + (atLeastOne ? 1 : 0);
    return [...new Set(Array.from({ length: count }, () => this.one(items)))];
  }
}

export const minutes = (instant: string, delta: number): string => new Date(Date.parse(instant) + delta * 60_000).toISOString();

/** Values of the wrong type for any field. */
const WRONG_VALUES: readonly unknown[] = [42, -1, 1.5, null, true, false, {}, [], '', '   ', 'x', ['x'], { nested: 1 }, '2026-01-05'];


/** occurredAt strings that look like instants but are not (or are, in an odd form). */
function oddInstants(now: string): readonly unknown[] {
  const day = now.slice(0, 10);
  const year = now.slice(0, 4);
  const odd = [
    `${day}T10:00:00`, `${day}`, `${day}T24:00:00Z`, `${day}T10:60:00Z`, `${day}T10:00:00+25:00`, `${day}T10:00:00+01:30`, `${day}t10:00:00z`,
    `${day} 10:00:00Z`, Date.parse(now), '', 'yesterday', `${day}T10:00Z`, `${day}T10:00:00-00:00`, `${year}-13-01T10:00:00Z`, '2099-01-01T00:00:00Z',
  ];
  // Accepted by isIsoInstant, refused by instantToMillis (known-bugs.test.ts: instant-parse, fixed).
  const instantParse = [`${day}T10:00:00.123456Z`, `${day}T10:00:00.1234Z`, `${year}-02-30T10:00:00Z`, `${year}-04-31T10:00:00+01:00`];
  // Outside the working-day calendar (known-bugs.test.ts: calendar-range, fixed).
  const calendarRange = ['1999-12-31T23:59:59Z', '2014-06-30T10:00:00+01:00', '0001-01-01T00:00:00Z'];
  return [...odd, ...instantParse, ...calendarRange];
}

const UNKNOWN_KEYS: readonly string[] = ['childName', 'notes', 'dateOfBirth', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '__proto__'];
const ODD_TYPES: readonly unknown[] = ['DoSomething', 'toString', 'constructor', '__proto__', 'hasOwnProperty', '', 7, null, 'OPENCASE'];

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** What the interpreter knows when it mutates a well-formed command. */
export interface MutationContext {
  readonly now: string;
  readonly streamKey: 'caseId' | 'allegationId';
  /** Instance ids to try that are not this command's (another pathway's, a missing one). */
  readonly otherInstances: readonly string[];
  /** A command type the target does not allow in its state, when there is one. */
  readonly wrongStateType: string | undefined;
}

/** Applies a step's mutation to a well-formed command (a plain object); may return a non-object. */
export function mutate(command: Record<string, unknown>, m: Mutation, ch: Chooser, ctx: MutationContext): unknown {
  const keys = Object.keys(command);
  const out: Record<string, unknown> = { ...command };
  switch (m) {
    case 'none':
      return out;
    case 'wrong-type':
      out[ch.one(keys)] = ch.one(WRONG_VALUES);
      return out;
    case 'drop-field':
      delete out[ch.one(keys)];
      return out;
    case 'unknown-field': {
      const key = ch.one(UNKNOWN_KEYS);
      const nested = keys.filter((k) => isObject(out[k]));
      const where = nested.length > 0 && ch.bool() ? ch.one(nested) : undefined;
      const holder = where === undefined ? out : { ...(out[where] as Record<string, unknown>) };
      Object.defineProperty(holder, key, { value: 'Jane Doe', enumerable: true, configurable: true, writable: true });
      if (where !== undefined) out[where] = holder;
      return out;
    }
    case 'future':
      out.occurredAt = minutes(ctx.now, 1 + ch.nat(5 * DAY));
      return out;
    case 'backdate':
      out.occurredAt = minutes(ctx.now, -(DAY * (30 + ch.nat(2 * 365))));
      return out;
    case 'bad-instant':
      out.occurredAt = ch.one(oddInstants(ctx.now));
      return out;
    case 'unknown-instance':
      out.instanceId = ch.one([...ctx.otherInstances, 'cp-99', 'constructor', '__proto__', 'toString', '', 42, null]);
      return out;
    case 'wrong-state':
      if (ctx.wrongStateType !== undefined) out.type = ctx.wrongStateType;
      return out;
    case 'wrong-stream':
      out[ctx.streamKey] = ch.one(['other-stream', '', '  ', 17, null]);
      return out;
    case 'unknown-type':
      out.type = ch.one(ODD_TYPES);
      return out;
    case 'not-object':
      return ch.one<unknown>([null, 'OpenCase', 42, [], [out], true]);
    case 'occurred-on': {
      const on = typeof out.occurredAt === 'string' ? out.occurredAt.slice(0, 10) : ctx.now.slice(0, 10);
      out.occurredOn = ch.one<unknown>([on, '2020-01-01', 'not-a-date', 20260105, null, `${on}T00:00:00Z`]);
      return out;
    }
    case 'linked-to':
      out.linkedTo = ch.one<unknown>([...ctx.otherInstances, 'asm-1', 'asm-9', 'cp-1', 'constructor', 5, null]);
      return out;
    default: {
      const unhandled: never = m;
      return unhandled;
    }
  }
}
