import { InvalidDateError, instantToMillis } from '@csc/calendar';
import { BUILT_IN_RULEBOOKS, releaseId, type RulebookRegistry } from '@csc/rulebook';
import { isIsoInstant, type IsoInstant } from '@workflows/shared';
import { ValidationError } from './errors';

/** Checks shared by every stream kind's decide. */
export function nonEmpty(value: unknown, field: string): ValidationError | undefined {
  return typeof value === 'string' && value.trim().length > 0 ? undefined : new ValidationError(field, `${field} is missing or invalid: expected a non-empty reference id`);
}

/** occurredAt is an instant with an offset, and not after the moment of recording. */
export function occurrence(occurredAt: unknown, now: IsoInstant): ValidationError | undefined {
  if (!isIsoInstant(occurredAt)) return new ValidationError('occurredAt', 'occurredAt is missing or invalid: expected an ISO-8601 instant with an offset');
  let at: number;
  try {
    at = instantToMillis(occurredAt);
  } catch (error) {
    // isIsoInstant is looser than the calendar (more fraction digits, 30 February): refuse, never throw.
    if (error instanceof InvalidDateError) return new ValidationError('occurredAt', `occurredAt ${occurredAt} is not a real instant: ${error.message}`);
    throw error;
  }
  if (at > instantToMillis(now)) {
    return new ValidationError('occurredAt', `occurredAt ${occurredAt} is after the time of recording ${now}: record what has happened`);
  }
  return undefined;
}

/** A rulebook name the registry knows, or why not. */
export function knownRulebook(name: string, registry: RulebookRegistry = BUILT_IN_RULEBOOKS): ValidationError | undefined {
  if (registry.releases().some((r) => r.name === name)) return undefined;
  const names = [...new Set(registry.releases().map((r) => r.name))];
  return new ValidationError('rulebook', `rulebook: no rulebook '${name}' (known: ${names.join(', ')})`);
}

/** The release recorded with a new event: the latest of the stream's rulebook (replays then use what was recorded). */
export function latestRelease(name: string | undefined, registry: RulebookRegistry = BUILT_IN_RULEBOOKS): string {
  return releaseId(registry.select({ name: name ?? 'national' }));
}
