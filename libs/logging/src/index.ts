export { createLogger, loggerOptions, type Logger, type LoggerSettings } from './logger';
export { PERSONAL_KEYS, REDACTED, redactionPaths } from './redaction';
export { requestId } from './request-id';
export { loggablePath, UNMATCHED_PATH, type RoutedRequest } from './request-path';
