import { Inject, Injectable } from '@nestjs/common';
import type { CaseAccessFacts } from '@csc/auth';
import type { WorkingCalendar } from '@csc/calendar';
import { caseStreamId, foldCase, foldCaseAsOf, type CaseState } from '@csc/case';
import { CaseCommandHandler, REREAD_AND_REDECIDE } from '@csc/case-handler';
import { WrongExpectedRevisionError, type EventStore, type RecordedEvent } from '@csc/event-store';
import { EventStoreConnection } from '@csc/event-store/nest';
import { PreconditionFailedError } from './errors';

/** What the case endpoints need besides the store: the recording clock, the council's rulebook, the calendar. */
export interface CaseSettings {
  readonly clock: () => Date;
  readonly defaultRulebook: string;
  readonly calendar: WorkingCalendar;
}

export const CASE_SETTINGS = Symbol('CaseSettings');

export interface LoadedCase {
  readonly state: CaseState;
  readonly events: readonly RecordedEvent[];
  /** The stream's last revision (-1: no stream). */
  readonly revision: number;
}

/**
 * The api's access to children's cases: the event store (opened in the
 * background; a request waits for it, or gets 503), the command handler, and
 * the folded case. Holds no state of its own.
 */
@Injectable()
export class CaseRecords {
  constructor(
    private readonly connection: EventStoreConnection,
    @Inject(CASE_SETTINGS) readonly settings: CaseSettings,
  ) {}

  store(): Promise<EventStore> {
    return this.connection.get();
  }

  /**
   * A handler for one command. `loaded`: the case as this request already read it, served to the
   * handler's first read instead of reading the stream again (safe: the append expects the revision
   * it folded, so a stale read conflicts and the retry reads afresh). With `ifMatch`, its appends
   * must expect exactly that revision (else 412, nothing written).
   */
  async handler(loaded?: { readonly caseId: string; readonly events: readonly RecordedEvent[] }, ifMatch?: number): Promise<CaseCommandHandler> {
    let store = await this.store();
    if (loaded !== undefined) store = readOnceFrom(store, caseStreamId(loaded.caseId), loaded.events);
    const options = { clock: this.settings.clock, defaultRulebook: this.settings.defaultRulebook };
    if (ifMatch === undefined) return new CaseCommandHandler({ ...options, store, retry: REREAD_AND_REDECIDE });
    return new CaseCommandHandler({ ...options, store: expecting(store, ifMatch), retry: { name: 'if-match', maxAttempts: 1 } });
  }

  /** The case as its stream holds it now, or as it was known at `asOf` (events recorded by then). */
  async load(caseId: string, asOf?: string): Promise<LoadedCase> {
    const events = await (await this.store()).readStream(caseStreamId(caseId));
    const state = asOf === undefined ? foldCase(events) : foldCaseAsOf(events, asOf);
    return { state, events, revision: events.length - 1 };
  }
}

/** The policy's facts about a child's case, from its folded state. */
export function accessFactsOf(state: CaseState): CaseAccessFacts {
  return { kind: 'child', teamRef: state.teamRef ?? '', iroRef: state.iroRef };
}

/** A store whose first whole read of `streamId` answers `events` (already read by this request). */
export function readOnceFrom(store: EventStore, streamId: string, events: readonly RecordedEvent[]): EventStore {
  let served = false;
  return override(store, 'readStream', (target) => {
    const readStream: EventStore['readStream'] = async (id, options) => {
      if (!served && id === streamId && options === undefined) {
        served = true;
        return [...events];
      }
      return target.readStream(id, options);
    };
    return readStream;
  });
}

/** The store with one method replaced (the rest bound to the store itself). */
function override<K extends keyof EventStore>(store: EventStore, name: K, replace: (target: EventStore) => EventStore[K]): EventStore {
  const replacement = replace(store);
  return new Proxy(store, {
    get(target, property) {
      if (property === name) return replacement;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** A store whose appends must expect `revision`: a client's If-Match, enforced by the store's own check. */
export function expecting(store: EventStore, revision: number): EventStore {
  return override(store, 'append', (target) => {
    const append: EventStore['append'] = async (streamId, events, expected) => {
      if (expected !== revision) throw new PreconditionFailedError(revision, typeof expected === 'number' ? expected : -1);
      try {
        return await target.append(streamId, events, expected);
      } catch (error) {
        if (error instanceof WrongExpectedRevisionError) throw new PreconditionFailedError(revision, null);
        throw error;
      }
    };
    return append;
  });
}
