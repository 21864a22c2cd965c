import { addCalendarMonths, type LocalDate } from '@csc/calendar';
import type { DeadlineIntent, OpenIntent } from '@workflows/shared';

/**
 * How an open intent is counted under the rulebook: which clock of its rule, and from which
 * date when it is not the trigger's own ('before' rules count back from a planned meeting), or
 * that no clock applies.
 */
export type ClockChoice =
  | { readonly kind: 'clock'; readonly clock?: string; readonly countFrom?: LocalDate }
  | { readonly kind: 'none'; readonly why: string };

/** What earlier intents of the instance tell the choice (reg 28's regimes change at the first review). */
export interface ClockFacts {
  readonly firstReviewOn: LocalDate | undefined;
}

export const noClockFacts: ClockFacts = { firstReviewOn: undefined };

export function noteIntent(facts: ClockFacts, intent: DeadlineIntent): ClockFacts {
  return intent.kind === 'meet' && intent.key === 'lac-review-1' ? { firstReviewOn: intent.by.on } : facts;
}

const has = (intent: OpenIntent, q: OpenIntent['qualifiers'][number]) => intent.qualifiers.includes(q);

function inFirstYearOfPlacement(intent: OpenIntent): boolean {
  const start = intent.anchors.placementStartedOn;
  return start === undefined || intent.trigger.on < addCalendarMonths(start, 12).date;
}

/** LAC-10 (reg 28): first visit in a placement, then by regime, placement year and first review. */
function visitClock(intent: OpenIntent, facts: ClockFacts): ClockChoice {
  if (intent.trigger.event !== 'LacVisitMade') return { kind: 'clock', clock: 'first' };
  const afterFirstReview = facts.firstReviewOn !== undefined && facts.firstReviewOn <= intent.trigger.on;
  const firstYear = inFirstYearOfPlacement(intent);
  if (has(intent, 'connected-person-temporary')) return { kind: 'clock', clock: afterFirstReview ? 'reg24-after-first-review' : 'weekly' };
  if (has(intent, 'placed-with-parent') && !afterFirstReview) return { kind: 'clock', clock: 'weekly' };
  if (has(intent, 'long-term-placement')) return { kind: 'clock', clock: firstYear ? 'first-year' : 'after-first-year-to-18' };
  return { kind: 'clock', clock: firstYear ? 'first-year' : 'after-first-year' };
}

/**
 * The one table that maps the machines' qualifiers and anchors onto the rulebook's clock keys.
 * Rules not listed use their first (usually only) clock from the trigger date.
 */
export const CLOCK_TABLE: Readonly<Record<string, (intent: OpenIntent, facts: ClockFacts) => ClockChoice>> = {
  'CP-10': (i) => ({ kind: 'clock', clock: has(i, 'mother-not-medically-fit') ? 'mother-not-fit' : 'default' }),
  'LAC-10': visitClock,
  'LAC-12': (i) => ({ kind: 'clock', clock: has(i, 'child-under-5') ? 'under-5' : '5-and-over' }),
  // The first PEP is available for the first review; later ones are reviewed termly (no fixed clock).
  'LAC-13': (i) => (i.key === 'pep-1' ? { kind: 'clock', clock: 'available' } : { kind: 'none', why: 'PEPs are reviewed each term or before each LAC review: no fixed clock' }),
  // The social worker's report is due N working days before the review as scheduled.
  'ENF-01': (i) => ({ kind: 'clock', ...(i.anchors.scheduledFor === undefined ? {} : { countFrom: i.anchors.scheduledFor }) }),
};

/** A clock the machine named itself (machines may name one, e.g. MIS-01 `offered`). */
function namedClock(intent: OpenIntent): string | undefined {
  return 'clock' in intent && typeof intent.clock === 'string' ? intent.clock : undefined;
}

/**
 * The clock and count-from date of an open intent: the machine's own clock when it names one,
 * else the table's choice, else the rule's first clock. A trigger whose time is unknown
 * ('time-unknown') counts from its London date.
 */
export function chooseClock(intent: OpenIntent, facts: ClockFacts): ClockChoice {
  const rule = CLOCK_TABLE[intent.ruleId];
  const named = namedClock(intent);
  const choice: ClockChoice = named !== undefined ? { kind: 'clock', clock: named } : rule === undefined ? { kind: 'clock' } : rule(intent, facts);
  if (choice.kind === 'clock' && choice.countFrom === undefined && (intent.qualifiers as readonly string[]).includes('time-unknown')) {
    return { ...choice, countFrom: intent.trigger.on };
  }
  return choice;
}
