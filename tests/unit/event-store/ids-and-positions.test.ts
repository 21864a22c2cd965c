import { comparePositions, deterministicEventId, isPosition, START } from '@csc/event-store';
import { decodePosition, encodePosition } from '../../../libs/event-store/src/position';

describe('deterministic event ids', () => {
  it('are RFC 4122 version 5 uuids (the standard test vector)', () => {
    expect(deterministicEventId('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('give the same id for the same name and different ids for different names', () => {
    expect(deterministicEventId('alert:d-1:breached')).toBe(deterministicEventId('alert:d-1:breached'));
    expect(deterministicEventId('alert:d-1:breached')).not.toBe(deterministicEventId('alert:d-2:breached'));
  });
});

describe('positions', () => {
  it('sort as strings in the order of their numbers, beyond 2^53', () => {
    const positions = [encodePosition(10n, 1n), encodePosition(9n, 500n), encodePosition(2n ** 60n, 0n), encodePosition(10n, 0n)];
    expect([...positions].sort(comparePositions)).toEqual([encodePosition(9n, 500n), encodePosition(10n, 0n), encodePosition(10n, 1n), encodePosition(2n ** 60n, 0n)]);
    expect(comparePositions(START, encodePosition(0, 1))).toBeLessThan(0);
  });

  it('decode to their two numbers, and reject anything else', () => {
    expect(decodePosition(encodePosition('752', '31'))).toEqual({ major: '752', minor: '31' });
    expect(decodePosition(START)).toEqual({ major: '0', minor: '0' });
    expect(isPosition('12:34')).toBe(false);
    expect(() => decodePosition('nope')).toThrow(RangeError);
  });
});
