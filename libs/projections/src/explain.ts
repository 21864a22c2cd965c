import { londonDateOf, normaliseInstant } from '@csc/calendar';
import { parseRulebookVersion, type DeadlineOptions } from '@csc/case';
import { computeDeadline, explain } from '@csc/rulebook';
import type { OpenDeadline } from './view';

/**
 * The rulebook's answer to "why is this due then?" for a projected deadline: the deadline is
 * computed again from its rule, clock, trigger and recorded rulebook release. When that does
 * not give the projected due instant (a trigger the projection cannot restate), says so plainly.
 */
export function explainDeadline(d: OpenDeadline, options: DeadlineOptions): string {
  if (d.dueInstant === null) return `${d.ruleId}: no numeric timescale.`;
  const trigger = d.countsFrom === londonDateOf(normaliseInstant(d.triggerAt)) ? { instant: d.triggerAt } : { date: d.countsFrom };
  try {
    const computed = computeDeadline({ ruleId: d.ruleId, ...(d.clock === null ? {} : { clock: d.clock }), trigger, rulebook: parseRulebookVersion(d.rulebookVersion), calendar: options.calendar }, options.rulebooks);
    if (Date.parse(computed.dueInstant) === Date.parse(d.dueInstant)) return explain(computed);
  } catch {
    // fall through to the plain statement below
  }
  return `${d.ruleId}${d.title === null ? '' : ` ${d.title}`}: due ${d.dueInstant}, counted from ${d.countsFrom} (${d.triggerEvent}), rulebook ${d.rulebookVersion}.`;
}

