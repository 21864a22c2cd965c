import { canonicalJson, chainHash, contentDigest, findBrokenLink, GENESIS_HASH } from '../../../libs/event-store/src/hash';
import type { RecordedEvent } from '@csc/event-store';

const metadata = {
  occurredAt: '2025-01-01T10:00:00.000Z',
  recordedAt: '2025-01-02T10:00:00.000Z',
  actor: { userId: 'u1', role: 'iro' },
  correlationId: 'c1',
  causationId: null,
  rulebookVersion: '2025.1',
};

function chain(datas: readonly { n: number }[]): RecordedEvent[] {
  let prev = GENESIS_HASH;
  return datas.map((data, revision) => {
    const content = { streamId: 's', id: `id-${revision}`, type: 'T', schemaVersion: 1, data, metadata };
    const hash = chainHash(prev, contentDigest(content));
    const event = { ...content, metadata: { ...metadata, prevHash: prev, hash }, revision, position: String(revision) };
    prev = hash;
    return event;
  });
}

describe('hash chain', () => {
  it('writes the same JSON for the same value whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: null } })).toBe(canonicalJson({ a: { c: null, d: [1, { e: 3, f: 2 }] }, b: 1 }));
    expect(canonicalJson({ b: 1, a: 2 })).toBe('{"a":2,"b":1}');
  });

  it('accepts an untouched chain', () => {
    expect(findBrokenLink(chain([{ n: 1 }, { n: 2 }, { n: 3 }]))).toBeUndefined();
  });

  it('names the first event whose content was edited', () => {
    const events = chain([{ n: 1 }, { n: 2 }, { n: 3 }]);
    const edited = [events[0]!, { ...events[1]!, data: { n: 20 } }, events[2]!];
    expect(findBrokenLink(edited)).toMatchObject({ event: { revision: 1 }, reason: 'content does not match its hash' });
  });

  it('names an event removed from the middle', () => {
    const events = chain([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect(findBrokenLink([events[0]!, events[2]!])).toMatchObject({ event: { revision: 2 } });
  });

  it('names an event whose recorded instant changed', () => {
    const events = chain([{ n: 1 }]);
    const backdated = { ...events[0]!, metadata: { ...events[0]!.metadata, recordedAt: '2024-01-01T00:00:00.000Z' } };
    expect(findBrokenLink([backdated])).toMatchObject({ event: { revision: 0 } });
  });
});
