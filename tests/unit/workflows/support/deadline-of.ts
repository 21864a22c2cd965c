import { shippedCalendar } from '@csc/calendar';
import { BUILT_IN_RULEBOOKS, computeDeadline, type Deadline, type RulebookRegistry } from '@csc/rulebook';
import type { OpenIntent } from '@workflows/shared';

const calendar = shippedCalendar();

/**
 * What the case lib is expected to do with an open intent: the rule and clock it names, counted
 * from the trigger's instant, or from its London date when the time is unknown.
 */
export function deadlineOf(
  intent: OpenIntent,
  rulebook: { name: string; version?: number } = { name: 'national', version: 1 },
  registry: RulebookRegistry = BUILT_IN_RULEBOOKS,
): Deadline {
  const trigger = intent.qualifiers.includes('time-unknown') ? { date: intent.trigger.on } : { instant: intent.trigger.at };
  return computeDeadline({ ruleId: intent.ruleId, clock: intent.clock, trigger, rulebook, calendar }, registry);
}
