import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { verifierFromConfig } from '@csc/auth';
import { EngineConfig } from '@csc/config';
import { RedisCommandClient } from '@csc/runtime';
import { AuthGuard, TOKEN_VERIFIER } from './auth.guard';
import { IdempotencyInterceptor } from './idempotency/interceptor';
import { IdempotencyStore } from './idempotency/store';
import { ProblemFilter } from './problem.filter';
import { throttlerOptions } from './throttle';
import { createValidationPipe } from './validation';

/**
 * The api's HTTP conventions, applied to every route: problem details for
 * every error, validated DTOs, bearer-token authentication, then the per-user
 * rate limit (guards run in this order), and Idempotency-Key on @Idempotent()
 * handlers.
 */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [RedisCommandClient, EngineConfig],
      useFactory: (redis: RedisCommandClient, config: EngineConfig) => throttlerOptions(redis.redis, config.redisPrefix, config.apiRateLimit),
    }),
  ],
  providers: [
    { provide: TOKEN_VERIFIER, inject: [EngineConfig], useFactory: (config: EngineConfig) => verifierFromConfig(config) },
    { provide: IdempotencyStore, inject: [RedisCommandClient, EngineConfig], useFactory: (redis: RedisCommandClient, config: EngineConfig) => new IdempotencyStore(redis.redis, config.redisPrefix) },
    { provide: APP_FILTER, useClass: ProblemFilter },
    { provide: APP_PIPE, useFactory: createValidationPipe },
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_GUARD, useClass: ThrottlerGuard },
    { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
  ],
  exports: [TOKEN_VERIFIER, IdempotencyStore],
})
export class HttpConventionsModule {}
