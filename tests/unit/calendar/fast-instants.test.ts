import fc from 'fast-check';
import { DateTime, IANAZone } from 'luxon';
import { InvalidDateError, instantToMillis, londonDateOf } from '@csc/calendar';

/** What instantToMillis and londonDateOf gave before their fast paths: luxon alone. */
function luxonMillis(text: string): number | 'invalid' {
  const parsed = DateTime.fromISO(text, { setZone: true });
  return parsed.isValid ? parsed.toMillis() : 'invalid';
}
const luxonLondonDate = (millis: number) => DateTime.fromMillis(millis, { zone: 'Europe/London' }).toISODate();
const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const ourMillis = (text: string): number | 'invalid' => {
  try {
    return instantToMillis(text);
  } catch (error) {
    if (error instanceof InvalidDateError) return 'invalid';
    throw error;
  }
};

describe('instants read without luxon give what luxon gives', () => {
  it('given instants of every shape the pattern allows (Z or an offset, 0-3 fraction digits, any field values), when read, then the millis (or the refusal) equal luxon', () => {
    const fields = fc.record({
      year: fc.integer({ min: 0, max: 9999 }), month: fc.integer({ min: 0, max: 13 }), day: fc.integer({ min: 0, max: 32 }),
      hour: fc.integer({ min: 0, max: 25 }), minute: fc.integer({ min: 0, max: 60 }), second: fc.option(fc.integer({ min: 0, max: 60 })),
      fraction: fc.option(fc.stringMatching(/^\d{1,3}$/)), zone: fc.oneof(fc.constant('Z'), fc.tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 60 })).map(([s, h, m]) => `${s}${pad(h)}:${pad(m)}`)),
    });
    fc.assert(
      fc.property(fields, (f) => {
        const seconds = f.second === null ? '' : `:${pad(f.second)}${f.fraction === null ? '' : `.${f.fraction}`}`;
        const text = `${pad(f.year, 4)}-${pad(f.month)}-${pad(f.day)}T${pad(f.hour)}:${pad(f.minute)}${seconds}${f.zone}`;
        expect(ourMillis(text)).toEqual(luxonMillis(text));
      }),
      { numRuns: 3_000 },
    );
  });

  it.each([
    '2025-01-01T24:00:00Z', '2025-01-01T24:00:00.000Z', '2025-02-29T10:00:00Z', '2024-02-29T10:00:00.999Z', '2025-01-01T10:00:60Z', '2025-01-01T10:00+24:00',
    '2025-01-01T10:00-00:30', '0099-06-01T10:00:00Z', '0999-12-31T23:59:59.999Z', '2025-13-01T00:00:00Z', '2025-1a-01T00:00:00Z', '2025-01-01T10:00:00.5Z',
    '2025-10-26T01:30:00+01:00', '9999-12-31T23:59:59.999Z',
  ])('given the edge case %s, when read, then it equals luxon', (text) => {
    expect(ourMillis(text)).toEqual(luxonMillis(text));
  });
});

describe('London dates of instants give what luxon gives', () => {
  it('given every 30 minutes from 12 hours before to 6 hours after each clock change (found to 6 hours) from 1900 to 2100, when its London date is taken, then it equals luxon', () => {
    const zone = IANAZone.create('Europe/London');
    const HOUR = 3_600_000;
    let changes = 0;
    let previous = zone.offset(Date.UTC(1900, 0, 1));
    for (let hour = Date.UTC(1900, 0, 1) + HOUR; hour < Date.UTC(2100, 0, 1); hour += 6 * HOUR) {
      const offset = zone.offset(hour);
      if (offset === previous) continue;
      previous = offset;
      changes++;
      for (let t = hour - 12 * HOUR; t <= hour + 6 * HOUR; t += 30 * 60_000) {
        const instant = new Date(t).toISOString();
        expect([instant, londonDateOf(instant)]).toEqual([instant, luxonLondonDate(t)]);
      }
    }
    expect(changes).toBeGreaterThan(300);
  });

  it('given random instants from year 1000 to 9999, when their London date is taken, then it equals luxon', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1000, 0, 1), max: Date.UTC(9999, 11, 31, 23, 59, 59) }), (t) => {
        expect(londonDateOf(new Date(t).toISOString())).toBe(luxonLondonDate(t));
      }),
      { numRuns: 3_000 },
    );
  });
});
