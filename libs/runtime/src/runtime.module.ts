import type { IncomingMessage, ServerResponse } from 'node:http';
import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { EngineConfig } from '@csc/config';
import { loggablePath, loggerOptions, requestId, type RoutedRequest } from '@csc/logging';
import { createRedis } from '@csc/redis';
import { RedisProbe } from './redis.probe';
import { RedisCommandClient } from './tokens';

/**
 * What every long-running process shares: the validated configuration, the
 * structured logger (with request ids on HTTP), and a Redis client.
 */
@Global()
@Module({})
export class RuntimeModule implements OnApplicationShutdown {
  constructor(@Inject(RedisCommandClient) private readonly redis: RedisCommandClient) {}

  static forRoot(config: EngineConfig, service: string): DynamicModule {
    return {
      module: RuntimeModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            ...loggerOptions({ level: config.logLevel, service }),
            genReqId: requestId,
            // The route is known only once the request has been routed: the completion line carries it
            // (the route template with reference parameters filled in, never the raw URL, which a caller
            // may have typed a name into).
            customProps: (req: IncomingMessage, res: ServerResponse): object => (res.writableEnded ? { path: loggablePath(req as RoutedRequest) } : {}),
            quietReqLogger: true,
            serializers: {
              // No URL here: this is bound when the request arrives, before routing (see customProps).
              req: (req: { id: string; method: string }) => ({ id: req.id, method: req.method }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            },
          },
        }),
      ],
      providers: [
        { provide: EngineConfig, useValue: config },
        {
          provide: RedisCommandClient,
          useFactory: () => new RedisCommandClient(createRedis(config.redisUrl, { role: 'command', connectionName: `csc-${service}` })),
        },
        RedisProbe,
      ],
      exports: [EngineConfig, RedisCommandClient, RedisProbe],
    };
  }

  onApplicationShutdown(): void {
    this.redis.redis.disconnect();
  }
}
