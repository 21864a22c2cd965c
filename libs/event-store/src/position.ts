/**
 * A global position in the store's total order of all events.
 *
 * Positions are opaque strings of fixed width that sort in store order under
 * plain string comparison (`a < b`), so they can be stored as checkpoints,
 * compared in Lua or SQL and logged, without BigInt ever leaving this lib.
 * Each adapter packs its native position as two unsigned 64-bit numbers,
 * written as 20 decimal digits each: PostgreSQL and embedded use
 * (transaction id, sequence); EventStoreDB uses (commit, prepare).
 */
export type Position = string;

const WIDTH = 20;
const SHAPE = /^(\d{20}):(\d{20})$/;

/** Before every event: reading all "after START" reads from the beginning. */
export const START: Position = `${'0'.repeat(WIDTH)}:${'0'.repeat(WIDTH)}`;

export function encodePosition(major: bigint | string | number, minor: bigint | string | number): Position {
  return `${String(major).padStart(WIDTH, '0')}:${String(minor).padStart(WIDTH, '0')}`;
}

/** The two halves as decimal strings (no leading zeros), for adapters. Throws on a malformed position. */
export function decodePosition(position: Position): { readonly major: string; readonly minor: string } {
  const match = SHAPE.exec(position);
  if (!match) throw new RangeError(`not an event-store position: ${JSON.stringify(position)}`);
  return { major: trimZeros(match[1]!), minor: trimZeros(match[2]!) };
}

export function isPosition(value: unknown): value is Position {
  return typeof value === 'string' && SHAPE.test(value);
}

/** Negative when a is before b, zero when equal, positive when after. */
export function comparePositions(a: Position, b: Position): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function trimZeros(digits: string): string {
  return digits.replace(/^0+(?=\d)/, '');
}
