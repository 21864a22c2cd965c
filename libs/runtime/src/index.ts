export { closeOnSignal, EXIT_CONFIG, loadConfigOrExit, SHUTDOWN_TIMEOUT_MS, startHttp } from './bootstrap';
export { RedisProbe } from './redis.probe';
export { RuntimeModule } from './runtime.module';
export { RedisCommandClient } from './tokens';
