import { Global, Inject, Injectable, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { ReadinessProbe } from '@csc/health';
import { StoreUnavailableError } from './errors';
import { createEventStore, type EventStoreSettings } from './factory';
import type { EventStore } from './port';

/**
 * The process's event store, opened in the background at start (the embedded
 * store may take seconds to create its files; PostgreSQL may not be up yet).
 * `get` waits for it, and tries again after a failed open.
 */
export class EventStoreConnection {
  private opening: Promise<EventStore> | undefined;
  private closed = false;

  constructor(private readonly settings: EventStoreSettings) {
    void this.get().catch(() => undefined);
  }

  get(): Promise<EventStore> {
    if (this.closed) return Promise.reject(new StoreUnavailableError('the process is shutting down'));
    this.opening ??= createEventStore(this.settings).catch((error: unknown) => {
      this.opening = undefined;
      throw error instanceof StoreUnavailableError ? error : new StoreUnavailableError(error instanceof Error ? error.message : String(error), { cause: error });
    });
    return this.opening;
  }

  /** The store, or StoreUnavailableError if it has not opened within `timeoutMs`. */
  async current(timeoutMs: number): Promise<EventStore> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new StoreUnavailableError('still opening')), timeoutMs);
    });
    try {
      return await Promise.race([this.get(), late]);
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const opening = this.opening;
    this.opening = undefined;
    const store = await opening?.catch(() => undefined);
    await store?.close();
  }
}

/** Readiness: the event store is open and answers. */
@Injectable()
export class EventStoreProbe extends ReadinessProbe {
  readonly name = 'eventStore';

  constructor(@Inject(EventStoreConnection) private readonly connection: EventStoreConnection) {
    super();
  }

  async check(): Promise<void> {
    const store = await this.connection.current(1000);
    await store.checkHealth();
  }
}

/** Provides the configured event store (CSC_EVENT_STORE, CSC_DATA_DIR) to a NestJS process and closes it on shutdown. */
@Global()
@Module({})
export class EventStoreModule implements OnApplicationShutdown {
  constructor(@Inject(EventStoreConnection) private readonly connection: EventStoreConnection) {}

  static forRoot(settings: EventStoreSettings): DynamicModule {
    return {
      module: EventStoreModule,
      providers: [{ provide: EventStoreConnection, useFactory: () => new EventStoreConnection(settings) }, EventStoreProbe],
      exports: [EventStoreConnection, EventStoreProbe],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}
