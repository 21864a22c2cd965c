import { encodeAllegationEvent } from '@csc/case';
import { allegationRecordOf } from '@csc/reporting';

describe('allegationRecordOf', () => {
  it('given a stored allegation stream that opens with AllegationOpened, when read, then its pathway events are kept and the opening is skipped', () => {
    const stored = [
      encodeAllegationEvent({ type: 'AllegationOpened', allegationId: 'a-1', ladoRef: 'lado-1', rulebook: 'national', occurredAt: '2026-04-01T09:00:00Z', recordedAt: '2026-04-01T09:00:00Z' } as never),
      encodeAllegationEvent({
        type: 'PathwayEventRecorded', pathway: 'lado-allegation', instanceId: 'a-1', recordedAt: '2026-04-03T09:00:00Z', rulebookVersion: 'national@1',
        occurredAt: '2026-04-02T09:00:00Z', event: { type: 'ReferredToLado', occurredAt: '2026-04-02T09:00:00Z' },
      } as never),
    ];
    const record = allegationRecordOf('a-1', stored);
    expect(record.events.map((e) => [e.event.type, e.occurredAt])).toEqual([['ReferredToLado', '2026-04-02T09:00:00Z']]);
  });
});
