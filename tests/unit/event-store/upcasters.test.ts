import { Upcasters, type RecordedEvent } from '@csc/event-store';

const stored = (schemaVersion: number, data: RecordedEvent['data']): RecordedEvent => ({
  id: 'e1',
  type: 'ReviewHeld',
  schemaVersion,
  data,
  metadata: { occurredAt: '', recordedAt: '', actor: { userId: 'u', role: 'iro' }, correlationId: 'c', causationId: null, rulebookVersion: null, prevHash: '', hash: '' },
  streamId: 's',
  revision: 0,
  position: '0',
});

describe('upcasters', () => {
  const upcasters = new Upcasters([
    { type: 'ReviewHeld', fromVersion: 1, upcast: (data) => ({ heldOn: data.date ?? null }) },
    { type: 'ReviewHeld', fromVersion: 2, upcast: (data) => ({ ...data, chairedBy: null }) },
  ]);

  it('chains older versions up to the current shape', () => {
    expect(upcasters.apply(stored(1, { date: '2025-01-01' }))).toMatchObject({ schemaVersion: 3, data: { heldOn: '2025-01-01', chairedBy: null } });
  });

  it('leaves current events and other types alone', () => {
    const current = stored(3, { heldOn: 'x', chairedBy: 'u' });
    expect(upcasters.apply(current)).toBe(current);
  });

  it('refuses two upcasters for the same version', () => {
    expect(() => new Upcasters([{ type: 'A', fromVersion: 1, upcast: (d) => d }, { type: 'A', fromVersion: 1, upcast: (d) => d }])).toThrow(RangeError);
  });
});
