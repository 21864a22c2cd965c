export type { Actor, EventData, JsonObject, JsonValue, NewEvent, NewEventMetadata, RecordedEvent, RecordedMetadata } from './envelope';
export type { AppendResult, EventStore, ExpectedRevision, PartitionedReads, ReadAllOptions, ReadPartitionOptions, ReadStreamOptions, StreamPartition, SubscribeOptions, SubscriptionFilter, VerifyResult } from './port';
export { readsPartitions } from './port';
export { EventStoreError, InvalidAppendError, StoreClosedError, StoreUnavailableError, StreamDeletedError, WrongExpectedRevisionError } from './errors';
export { START, comparePositions, isPosition, type Position } from './position';
export { CSC_EVENT_NAMESPACE, deterministicEventId } from './ids';
export { Upcasters, type Upcaster } from './upcasters';
export { RedisCheckpointStore, type CheckpointStoreOptions } from './checkpoints';
export {
  CheckpointLostError, keepRunning, runCheckpointed, runCheckpointedBatches, watchCheckpoint, type BatchedSubscription, type CheckpointedSubscription, type CheckpointWatch,
} from './checkpointed';
export { createEventStore, type EventStoreSettings } from './factory';
export { createEmbeddedEventStore, type EmbeddedEventStoreOptions } from './embedded';
export { createPostgresEventStore, type PostgresEventStoreOptions } from './postgres';
export { createEventStoreDbStore } from './esdb/open';
export type { EventStoreDbOptions } from './esdb/esdb-event-store';
// The NestJS wiring (EventStoreConnection, EventStoreModule, EventStoreProbe) is imported from
// '@csc/event-store/nest', so that processes without Nest (the CLI's rebuild threads) do not load it.
