export { bootstrapHttp, EXIT_CONFIG, type HttpProcess } from './bootstrap';
export { RedisProbe } from './redis.probe';
export { RuntimeModule } from './runtime.module';
export { RedisCommandClient } from './tokens';
