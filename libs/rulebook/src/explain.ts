import { formatLocalDate, formatLondonTime, type Duration, type NonWorkingDay } from '@csc/calendar';
import type { Deadline } from './deadline';
import type { LegalStatus } from './types';

const STATUS: Record<LegalStatus, string> = {
  REG: 'regulation',
  SG: 'statutory guidance',
  LOCAL: 'local procedure',
  DATA: 'data convention',
  INSP: 'inspection data',
};

const UNIT: Record<Duration['unit'], [string, string]> = {
  'working-days': ['working day', 'working days'],
  'calendar-days': ['calendar day', 'calendar days'],
  weeks: ['week', 'weeks'],
  'calendar-months': ['calendar month', 'calendar months'],
  hours: ['elapsed hour', 'elapsed hours'],
};

/** A short human-readable answer to "why is this due then?". */
export function explain(deadline: Deadline): string {
  const { explanation: why, trigger } = deadline;
  const amount = `${why.duration.amount} ${UNIT[why.duration.unit][why.duration.amount === 1 ? 0 : 1]}`;
  const triggerAt = deadline.precision === 'instant' && trigger.instant ? formatLondonTime(trigger.instant) : formatLocalDate(trigger.date);
  const dueAt = deadline.precision === 'instant' ? formatLondonTime(deadline.dueInstant) : formatLocalDate(deadline.dueDate);
  const lines = [
    `${deadline.ruleId} ${deadline.title} (${why.clockLabel}): due ${dueAt}${deadline.actByDate === deadline.dueDate ? '' : `; act by ${formatLocalDate(deadline.actByDate)}`}.`,
    `Rule: ${why.rule.deadline}, ${amount} ${why.direction === 'after' ? 'after' : 'before'} the trigger at the latest.`,
    `Source: ${why.rule.source} [${why.rule.status.map((s) => `${s} ${STATUS[s]}`).join(', ')}; evidence ${why.rule.evidence}].`,
    `Trigger: ${why.rule.trigger}, on ${triggerAt}${trigger.timeAssumed ? ' (time of day not recorded: 23:59 assumed)' : ''}.`,
    `Counted: ${counting(deadline, amount)}`,
  ];
  if (why.nonWorkingDaysSkipped.length > 0) lines.push(`Skipped ${why.nonWorkingDaysSkipped.length} non-working days: ${listDays(why.nonWorkingDaysSkipped)}.`);
  if (why.actByMovedOver.length > 0) {
    lines.push(`The due date is not a working day (${listDays(why.actByMovedOver)}); the law does not move it, so act by ${formatLocalDate(deadline.actByDate)}.`);
  }
  const overrides = why.rule.overriddenBy.map((o) => ` changed by ${o.rulebook} from ${o.effectiveFrom} (${o.reason})`).join(';');
  lines.push(
    `Versions: rulebook ${deadline.rulebookVersion}, rule ${deadline.ruleVersion} (in force from ${why.rule.effectiveFrom}${why.rule.effectiveTo ? ` to ${why.rule.effectiveTo}` : ''}${overrides ? `;${overrides}` : ''}), calendar ${deadline.calendarVersion}.`,
  );
  if (why.rule.notes) lines.push(`Note: ${why.rule.notes}`);
  return lines.join('\n');
}

function counting(deadline: Deadline, amount: string): string {
  const why = deadline.explanation;
  const settings = why.fromSettings.length > 0 ? ` [${why.fromSettings.join(', ')}]` : '';
  switch (why.duration.unit) {
    case 'working-days':
      return `${amount} ${why.direction} ${formatLocalDate(deadline.trigger.date)}, ${why.counting === 'day-0' ? 'the trigger day being day 0' : 'the trigger day counting as day 1 if it is a working day'}${settings}.`;
    case 'calendar-months':
      return `${amount} ${why.direction} ${formatLocalDate(deadline.trigger.date)}, to the same day of the month${why.monthEndClamped ? ', which does not exist in that month, so its last day' : ''}${settings}.`;
    case 'hours': {
      const shift = deadline.trigger.instant && offsetLabel(deadline.trigger.instant) !== offsetLabel(deadline.dueInstant);
      return `${amount} of clock time from the trigger, weekends and bank holidays included${shift ? '; the clocks changed in between, so the wall-clock time moves by an hour' : ''}${settings}.`;
    }
    case 'calendar-days':
    case 'weeks':
      return `${amount} ${why.direction} ${formatLocalDate(deadline.trigger.date)}${settings}.`;
    default: {
      const unknown: never = why.duration.unit;
      return String(unknown);
    }
  }
}

function offsetLabel(instant: string): string {
  return formatLondonTime(instant).slice(-3);
}

function listDays(days: readonly NonWorkingDay[]): string {
  return days.map((d) => `${formatLocalDate(d.date).slice(0, 10)}${d.reasons.some((r) => r !== 'Saturday' && r !== 'Sunday') ? ` (${d.reasons.join(', ')})` : ''}`).join(', ');
}
