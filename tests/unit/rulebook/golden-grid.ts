import { shippedCalendar, type Start } from '@csc/calendar';
import { RulebookRegistry, computeDeadline, releaseId, type RulebookRelease } from '@csc/rulebook';

/** Triggers across 2024-2028: Christmas, New Year, Easter, May, August, leap days, month ends, both BST changes. */
export const GOLDEN_TRIGGERS: readonly string[] = [
  '2024-02-29', '2024-03-28', '2024-10-26', '2024-12-23', '2025-04-17', '2025-05-23', '2025-08-29', '2025-11-30',
  '2026-03-28', '2026-05-20', '2026-08-27', '2026-12-24', '2027-03-25', '2027-08-31', '2027-12-24', '2028-04-13',
];

/** Every clock of every rule of `release`, computed for every golden trigger, as `key -> "due actBy dueInstant"`. */
export function goldenGrid(release: RulebookRelease, registry: RulebookRegistry): Record<string, string> {
  const calendar = shippedCalendar();
  const grid: Record<string, string> = { calendarVersion: calendar.version };
  for (const ruleId of registry.ruleIds(release)) {
    for (const date of GOLDEN_TRIGGERS) {
      const triggers: [string, Start][] = [[date, { date }], [`${date}T12:00Z`, { instant: `${date}T12:00:00Z` }]];
      for (const [label, trigger] of triggers) {
        let clocks: readonly string[];
        try {
          clocks = registry.resolveRule(release, ruleId, date).clocks.map((c) => c.key);
        } catch (error) {
          grid[`${ruleId} ${label}`] = (error as { code?: string }).code ?? 'error';
          continue;
        }
        if (clocks.length === 0) grid[`${ruleId} ${label}`] = 'no timescale';
        for (const clock of clocks) {
          const d = computeDeadline({ ruleId, clock, trigger, rulebook: { name: release.name, version: release.version }, calendar }, registry);
          grid[`${ruleId}/${clock} ${label}`] = `${d.dueDate} ${d.actByDate} ${d.dueInstant}`;
        }
      }
    }
  }
  return grid;
}

export const goldenFileName = (release: RulebookRelease): string => `${releaseId(release)}.json`;

/** Keys whose values differ between two grids (including keys only one has). */
export function differences(expected: Record<string, string>, actual: Record<string, string>): string[] {
  const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
  return [...keys].filter((key) => expected[key] !== actual[key]).map((key) => `${key}: was ${expected[key] ?? '(absent)'}, now ${actual[key] ?? '(absent)'}`);
}
