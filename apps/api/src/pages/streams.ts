import { START, type EventStore, type Position, type RecordedEvent } from '@csc/event-store';

const PAGE = 5000;

/**
 * Every stream whose id starts with one of `prefixes`, read from the whole log in pages (as
 * `csc report` does): for the KPI page and, until the LADO projection lands, the LADO tracker.
 */
export async function readStreams(store: EventStore, prefixes: readonly string[]): Promise<Map<string, RecordedEvent[]>> {
  const streams = new Map<string, RecordedEvent[]>();
  let after: Position = START;
  for (;;) {
    const page = await store.readAll({ after, maxCount: PAGE });
    for (const event of page) {
      if (!prefixes.some((p) => event.streamId.startsWith(p))) continue;
      const list = streams.get(event.streamId) ?? [];
      list.push(event);
      streams.set(event.streamId, list);
    }
    const last = page.at(-1);
    if (last === undefined || page.length < PAGE) break;
    after = last.position;
  }
  for (const events of streams.values()) events.sort((a, b) => a.revision - b.revision);
  return streams;
}
