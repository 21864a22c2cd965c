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

/** How long a graceful shutdown may take before the process exits anyway. */
export const SHUTDOWN_TIMEOUT_MS = 10_000;

/**
 * Closes the applications (last started first) on SIGINT or SIGTERM, so that
 * shutdown hooks run and the process exits 0 once nothing is left open. A
 * shutdown that has not finished within `timeoutMs`, or a second signal, ends
 * the process at once (exit code 1, or 130 for a second Ctrl-C): nothing is
 * lost by it, since every append is atomic in the event store and Redis holds
 * only what reconciliation and projection rebuild from the events.
 */
export function closeOnSignal(apps: readonly INestApplication[], onClosed: () => void = () => undefined, timeoutMs = SHUTDOWN_TIMEOUT_MS): void {
  let closing = false;
  const close = async () => {
    const deadline = setTimeout(() => {
      process.stderr.write(`shutdown did not finish within ${timeoutMs / 1000} s: exiting now\n`);
      process.exit(1);
    }, timeoutMs);
    deadline.unref();
    for (const app of [...apps].reverse()) await app.close();
    clearTimeout(deadline);
    onClosed();
  };
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) {
      process.stderr.write(`${signal} again: exiting without waiting for shutdown to finish\n`);
      process.exit(130);
    }
    closing = true;
    void close();
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, onSignal);
}
