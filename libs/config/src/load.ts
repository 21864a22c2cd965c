import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { ENV, EngineConfig, type SettingName } from './schema';

export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

const KNOWN = new Set<string>(Object.values(ENV));

/**
 * Reads the engine's settings from an environment (process.env by default)
 * and validates them once. Throws ConfigError naming each bad setting by its
 * variable name, and any CSC_* variable the engine does not know (a typo
 * silently falling back to a default is how deployments go wrong).
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>> = process.env): EngineConfig {
  const plain: Partial<Record<SettingName, string>> = {};
  for (const [key, name] of Object.entries(ENV) as [SettingName, string][]) {
    const value = env[name];
    if (value !== undefined && value !== '') plain[key] = value;
  }
  const config = plainToInstance(EngineConfig, plain, { exposeDefaultValues: true });
  const problems = validateSync(config, { whitelist: true, forbidNonWhitelisted: true, stopAtFirstError: true }).flatMap((error) => describe(error, env));
  for (const name of Object.keys(env)) {
    if (name.startsWith('CSC_') && !KNOWN.has(name)) problems.push(`${name}: unknown setting (known: ${[...KNOWN].join(', ')})`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(config);
}

function describe(error: ValidationError, env: Readonly<Record<string, string | undefined>>): string[] {
  const name = ENV[error.property as SettingName] ?? error.property;
  const shown = JSON.stringify(env[name] ?? error.value);
  return Object.values(error.constraints ?? {}).map((message) => `${name}=${shown}: ${message.replace(`${error.property} `, '')}`);
}
