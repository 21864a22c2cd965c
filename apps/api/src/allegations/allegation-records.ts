import { Inject, Injectable } from '@nestjs/common';
import { allegationStreamId, foldAllegation, type AllegationState } from '@csc/case';
import { AllegationCommandHandler, REREAD_AND_REDECIDE } from '@csc/case-handler';
import type { EventStore, RecordedEvent } from '@csc/event-store';
import { EventStoreConnection } from '@csc/event-store/nest';
import { CASE_SETTINGS, expecting, readOnceFrom, type CaseSettings } from '../cases/case-records';

export interface LoadedAllegation {
  readonly state: AllegationState;
  readonly events: readonly RecordedEvent[];
  readonly revision: number;
}

/** The api's access to LADO allegations (`allegation-<id>` streams): the store, the handler, the folded allegation. */
@Injectable()
export class AllegationRecords {
  constructor(
    private readonly connection: EventStoreConnection,
    @Inject(CASE_SETTINGS) readonly settings: CaseSettings,
  ) {}

  store(): Promise<EventStore> {
    return this.connection.get();
  }

  /** A handler for one command (see CaseRecords.handler). */
  async handler(loaded: { readonly allegationId: string; readonly events: readonly RecordedEvent[] }, ifMatch?: number): Promise<AllegationCommandHandler> {
    let store = readOnceFrom(await this.store(), allegationStreamId(loaded.allegationId), loaded.events);
    if (ifMatch !== undefined) store = expecting(store, ifMatch);
    const retry = ifMatch === undefined ? REREAD_AND_REDECIDE : { name: 'if-match', maxAttempts: 1 };
    return new AllegationCommandHandler({ store, clock: this.settings.clock, defaultRulebook: this.settings.defaultRulebook, retry });
  }

  async load(allegationId: string): Promise<LoadedAllegation> {
    const events = await (await this.store()).readStream(allegationStreamId(allegationId));
    return { state: foldAllegation(events), events, revision: events.length - 1 };
  }
}
