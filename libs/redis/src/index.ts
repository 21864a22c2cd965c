export { createRedis, pingRedis, reconnectDelay, RedisUnavailableError, type Redis, type RedisConnectionOptions } from './connection';
