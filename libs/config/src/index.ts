export { ENV, EngineConfig, LOG_LEVELS, STATUTORY_TIME_ZONE, eventStoreKind, type EventStoreKind, type SettingName } from './schema';
export { ConfigError, loadConfig } from './load';
