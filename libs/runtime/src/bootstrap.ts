import { NestFactory } from '@nestjs/core';
import type { DynamicModule } from '@nestjs/common';
import { Logger } from 'nestjs-pino';
import { ConfigError, loadConfig, type EngineConfig } from '@csc/config';

/** sysexits EX_CONFIG: the process will not start until the configuration is fixed. */
export const EXIT_CONFIG = 78;

export interface HttpProcess {
  readonly service: 'api' | 'worker';
  readonly module: (config: EngineConfig) => DynamicModule;
  readonly port: (config: EngineConfig) => number;
}

/** Starts a NestJS HTTP process; a bad configuration stops it with a message naming each setting. */
export async function bootstrapHttp(proc: HttpProcess, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  let config: EngineConfig;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${proc.service}: ${error.message}\n`);
      process.exit(EXIT_CONFIG);
    }
    throw error;
  }
  const app = await NestFactory.create(proc.module(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  const port = proc.port(config);
  await app.listen(port, '127.0.0.1');
  const url = await app.getUrl();
  app.get(Logger).log(`${proc.service} listening on ${url.replace('[::1]', 'localhost')}`);
}
