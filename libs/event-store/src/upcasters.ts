import type { EventData, JsonObject } from './envelope';

/**
 * Turns the data of one event type at one schema version into the next
 * version's shape. Stored events are never rewritten: upcasting happens on read.
 * It sees the event without its metadata (EventData), since some reads (a
 * rebuild's) do not fetch the metadata: a new shape is made from the old data.
 */
export interface Upcaster {
  readonly type: string;
  readonly fromVersion: number;
  upcast(data: JsonObject, event: EventData): JsonObject;
}

/** Applies upcasters in chains (v1 -> v2 -> v3) until no upcaster applies. */
export class Upcasters {
  private readonly byKey = new Map<string, Upcaster>();

  constructor(upcasters: readonly Upcaster[] = []) {
    for (const upcaster of upcasters) {
      const key = `${upcaster.type}@${upcaster.fromVersion}`;
      if (this.byKey.has(key)) throw new RangeError(`two upcasters for ${upcaster.type} version ${upcaster.fromVersion}`);
      this.byKey.set(key, upcaster);
    }
  }

  apply<E extends EventData>(event: E): E {
    let current = event;
    for (let upcaster = this.find(current); upcaster; upcaster = this.find(current)) {
      current = { ...current, data: upcaster.upcast(current.data, current), schemaVersion: current.schemaVersion + 1 };
    }
    return current;
  }

  private find(event: EventData): Upcaster | undefined {
    return this.byKey.get(`${event.type}@${event.schemaVersion}`);
  }
}
