import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsString, Matches, Max, Min } from 'class-validator';

/**
 * Every setting the engine reads, with its environment variable name.
 * `.env.example` documents them; `docker-compose.yml` may only use these names
 * (a unit test checks both against this list).
 */
export const ENV = {
  eventStore: 'CSC_EVENT_STORE',
  dataDir: 'CSC_DATA_DIR',
  redisUrl: 'CSC_REDIS_URL',
  redisPrefix: 'CSC_REDIS_PREFIX',
  listenHost: 'CSC_LISTEN_HOST',
  apiPort: 'CSC_API_PORT',
  workerPort: 'CSC_WORKER_PORT',
  timeZone: 'CSC_TIME_ZONE',
  logLevel: 'CSC_LOG_LEVEL',
} as const;

export type SettingName = keyof typeof ENV;

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Statutory arithmetic is done on Europe/London local dates; no other zone is meaningful. */
export const STATUTORY_TIME_ZONE = 'Europe/London';

export class EngineConfig {
  /** `embedded`, a `postgres://` / `postgresql://` URL, or an `esdb://` / `kurrentdb://` URL. */
  @IsString()
  @Matches(/^(embedded|postgres(ql)?:\/\/.+|(esdb|kurrentdb|kurrent)(\+discover)?:\/\/.+)$/, {
    message: 'must be "embedded", a postgres:// URL or an esdb:// URL',
  })
  eventStore: string = 'embedded';

  /** Folder of the embedded store (and other local state). */
  @IsString()
  @IsNotEmpty()
  dataDir: string = './data';

  @IsString()
  @Matches(/^rediss?:\/\/.+/, { message: 'must be a redis:// or rediss:// URL' })
  redisUrl: string = 'redis://127.0.0.1:6379';

  /** Prefix of every Redis key and BullMQ queue: lets deployments and tests share one Redis. */
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9_-]{0,62}$/, { message: 'must be 1-63 lower-case letters, digits, "-" or "_"' })
  redisPrefix: string = 'csc';

  /** Address the HTTP servers bind to: loopback by default; 0.0.0.0 in a container. */
  @IsString()
  @Matches(/^(\d{1,3}(\.\d{1,3}){3}|::1?|localhost)$/, { message: 'must be an IP address such as 127.0.0.1 or 0.0.0.0' })
  listenHost: string = '127.0.0.1';

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  apiPort: number = 3000;

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  workerPort: number = 3001;

  @IsIn([STATUTORY_TIME_ZONE], { message: `must be ${STATUTORY_TIME_ZONE}: statutory timescales are counted on local dates in England` })
  timeZone: string = STATUTORY_TIME_ZONE;

  @IsIn(LOG_LEVELS)
  logLevel: (typeof LOG_LEVELS)[number] = 'info';
}

export type EventStoreKind = 'embedded' | 'postgres' | 'eventstoredb';

export function eventStoreKind(config: Pick<EngineConfig, 'eventStore'>): EventStoreKind {
  if (config.eventStore === 'embedded') return 'embedded';
  if (/^postgres(ql)?:\/\//.test(config.eventStore)) return 'postgres';
  return 'eventstoredb';
}
