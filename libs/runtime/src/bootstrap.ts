import { NestFactory } from '@nestjs/core';
import type { DynamicModule, INestApplication } from '@nestjs/common';
import { Logger } from 'nestjs-pino';
import { ConfigError, loadConfig, type EngineConfig } from '@csc/config';

/** sysexits EX_CONFIG: the process will not start until the configuration is fixed. */
export const EXIT_CONFIG = 78;

/** Loads and validates the configuration once; a bad one stops the process with each setting named. */
export function loadConfigOrExit(service: string, env: NodeJS.ProcessEnv = process.env): EngineConfig {
  try {
    return loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${service}: ${error.message}\n`);
      process.exit(EXIT_CONFIG);
    }
    throw error;
  }
}

/** Starts a NestJS HTTP application on loopback and logs where it listens. */
export async function startHttp(service: string, module: DynamicModule, port: number, host: string): Promise<INestApplication> {
  const app = await NestFactory.create(module, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  await app.listen(port, host);
  const url = (await app.getUrl()).replace('127.0.0.1', 'localhost').replace('[::1]', 'localhost');
  app.get(Logger).log(`${service} listening on ${url}`);
  return app;
}

/**
 * Closes the applications (last started first) on SIGINT or SIGTERM, so that
 * shutdown hooks run and the process exits 0 once nothing is left open.
 */
export function closeOnSignal(apps: readonly INestApplication[], onClosed: () => void = () => undefined): void {
  let closing = false;
  const close = async () => {
    if (closing) return;
    closing = true;
    for (const app of [...apps].reverse()) await app.close();
    onClosed();
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void close());
}
