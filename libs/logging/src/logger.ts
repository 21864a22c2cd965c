import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import { REDACTED, redactionPaths } from './redaction';

export type { Logger } from 'pino';

export interface LoggerSettings {
  readonly level: string;
  /** The process that logs: `api`, `worker`, `cli`. */
  readonly service: string;
}

export function loggerOptions(settings: LoggerSettings): LoggerOptions {
  return {
    level: settings.level,
    base: { service: settings.service },
    messageKey: 'msg',
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: redactionPaths(), censor: REDACTED },
    formatters: { level: (label) => ({ level: label }) },
  };
}

/** A structured JSON logger with personal-data redaction. */
export function createLogger(settings: LoggerSettings, destination?: DestinationStream): Logger {
  return destination ? pino(loggerOptions(settings), destination) : pino(loggerOptions(settings));
}
