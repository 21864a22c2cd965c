/** Base of every rulebook error; `code` is stable and safe to branch on. */
export abstract class RulebookError extends Error {
  abstract readonly code: string;
}

export class UnknownRuleError extends RulebookError {
  readonly code = 'RULE_UNKNOWN';
  constructor(
    readonly ruleId: string,
    readonly rulebookVersion: string,
    readonly suggestions: readonly string[],
  ) {
    super(`ruleId: no rule "${ruleId}" in rulebook ${rulebookVersion}${suggestions.length > 0 ? ` (did you mean ${suggestions.join(', ')}?)` : ''}`);
    this.name = 'UnknownRuleError';
  }
}

export class RuleNotInForceError extends RulebookError {
  readonly code = 'RULE_NOT_IN_FORCE';
  constructor(
    readonly ruleId: string,
    readonly date: string,
    periods: readonly string[],
  ) {
    super(`ruleId: ${ruleId} was not in force on ${date} (in force: ${periods.join('; ')})`);
    this.name = 'RuleNotInForceError';
  }
}

export class UnknownClockError extends RulebookError {
  readonly code = 'RULE_CLOCK_UNKNOWN';
  constructor(
    readonly ruleId: string,
    readonly clock: string,
    readonly available: readonly string[],
  ) {
    super(
      available.length === 0
        ? `clock: ${ruleId} has no clock in this rulebook`
        : `clock: ${ruleId} has no clock "${clock}" in this rulebook (clocks: ${available.join(', ')})`,
    );
    this.name = 'UnknownClockError';
  }
}

/** The rule exists but sets no numeric timescale (e.g. "as soon as possible"). */
export class NoTimescaleError extends RulebookError {
  readonly code = 'RULE_NO_TIMESCALE';
  constructor(
    readonly ruleId: string,
    what: string,
  ) {
    super(`${ruleId} sets no numeric timescale: ${what}`);
    this.name = 'NoTimescaleError';
  }
}

export class UnknownRulebookError extends RulebookError {
  readonly code = 'RULEBOOK_UNKNOWN';
  constructor(selector: string, available: readonly string[]) {
    super(`rulebook: no rulebook release matches ${selector} (available: ${available.join(', ')})`);
    this.name = 'UnknownRulebookError';
  }
}

/** A rulebook release that is not internally consistent (found when the registry is built). */
export class RulebookDefinitionError extends RulebookError {
  readonly code = 'RULEBOOK_INVALID';
  constructor(readonly problems: readonly string[]) {
    super(`Invalid rulebook:\n  - ${problems.join('\n  - ')}`);
    this.name = 'RulebookDefinitionError';
  }
}
