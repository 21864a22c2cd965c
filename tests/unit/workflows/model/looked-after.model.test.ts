import { getShortestPaths } from '@xstate/graph';
import { lookedAfterMachine, SIGNIFICANT_CHANGES, type LookedAfterSnapshot } from '@workflows/looked-after';
import { openDeadlines } from '@workflows/shared';
import { lac, lookedAfter } from '../support/lac-fixtures';
import { nextDay } from '../support/model';
import { modelSuite } from '../support/model-checks';

/** The lowest review number with a deadline of `series` outstanding (1 when none: refused). */
const outstanding = (s: LookedAfterSnapshot, series: string): number =>
  Math.min(...openDeadlines(s.context.ledger, series).map((d) => Number(d.key.slice(series.length + 1))), 99) % 99 || 1;

const plusDays = (on: string, days: number): string =>
  new Date(Date.parse(`${on}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const events = (s: LookedAfterSnapshot) =>
  nextDay(s, (on) => [
    lac.became(on), lac.legalStatus(on), lac.moved(on), lac.moved(on, { visitRegime: 'placed-with-parent', placementType: 'P1' }),
    lac.visit(on), lac.carePlan(on), lac.health(on), lac.health(on, 'review', true), lac.ihaNotRequired(on), lac.pep(on),
    lac.scheduled(on, plusDays(on, 20)), lac.report(on), lac.review(on), lac.review(on, { timing: 'early', earlyReason: 'welfare-not-safeguarded' }),
    lac.adjourned(on), lac.record(on, outstanding(s, 'review-record')), lac.queried(on, outstanding(s, 'review-decisions')),
    lac.finalised(on, outstanding(s, 'review-decisions')),
    ...SIGNIFICANT_CHANGES.map((c) => lac.proposed(on, c)), ...SIGNIFICANT_CHANGES.map((c) => lac.withdrawn(on, c)),
    lac.ceased(on),
  ]);

/** Series whose being open changes what the pathway accepts; the ever-cycling ones are folded away. */
const SHAPING = [
  'initial-health-assessment', 'sw-report', 'review-decisions', 'adjourned-review', 'review-before-move', 'review-before-ceasing', 'review-before-change',
];

/** Abstract state: where the period of care is, and which shaping series are open. */
const serializeState = (s: LookedAfterSnapshot): string => {
  const open = new Set(openDeadlines(s.context.ledger).map((d) => d.series));
  return [
    JSON.stringify(s.value),
    SHAPING.filter((series) => open.has(series)).join(','),
    s.context.reviewsHeld > 0,
    s.context.reportSubmitted,
  ].join('|');
};

modelSuite('looked after', lookedAfterMachine, lookedAfter, events, serializeState, getShortestPaths);
