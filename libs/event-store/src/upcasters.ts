import type { JsonObject, RecordedEvent } from './envelope';

/**
 * Turns the data of one event type at one schema version into the next
 * version's shape. Stored events are never rewritten: upcasting happens on read.
 */
export interface Upcaster {
  readonly type: string;
  readonly fromVersion: number;
  upcast(data: JsonObject, event: RecordedEvent): JsonObject;
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

  apply(event: RecordedEvent): RecordedEvent {
    let current = event;
    for (let upcaster = this.find(current); upcaster; upcaster = this.find(current)) {
      current = { ...current, data: upcaster.upcast(current.data, current), schemaVersion: current.schemaVersion + 1 };
    }
    return current;
  }

  private find(event: RecordedEvent): Upcaster | undefined {
    return this.byKey.get(`${event.type}@${event.schemaVersion}`);
  }
}
