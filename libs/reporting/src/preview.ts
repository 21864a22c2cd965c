import { instantToMillis, type WorkingCalendar } from '@csc/calendar';
import { deadlinesOf, type CaseDeadline, type CaseState } from '@csc/case';
import type { RulebookRegistry, RulebookSelector } from '@csc/rulebook';
import type { IsoInstant } from '@workflows/shared';

/** How a deadline moves under a proposed rulebook. */
export type PreviewEffect = 'earlier' | 'later' | 'becomes-overdue' | 'no-longer-overdue' | 'newly-due' | 'no-longer-due';

export interface PreviewItem {
  readonly caseId: string;
  readonly deadlineId: string;
  readonly ruleId: string;
  readonly effect: PreviewEffect;
  readonly current: { readonly rulebookVersion: string; readonly dueDate: string | null; readonly status: string };
  readonly proposed: { readonly rulebookVersion: string; readonly dueDate: string | null; readonly status: string };
}

export interface PreviewOptions {
  readonly calendar: WorkingCalendar;
  /** Holds the recorded releases and the proposed one (e.g. PENDING_RULEBOOKS). */
  readonly rulebooks: RulebookRegistry;
  readonly proposed: RulebookSelector;
  readonly now: IsoInstant;
}

const isOpen = (d: CaseDeadline): boolean => d.status === 'open' || (d.status === 'breached' && d.breach === 'overdue');
const dueMs = (d: CaseDeadline): number | null => (d.dueInstant === null ? null : instantToMillis(d.dueInstant));

function effectOf(current: CaseDeadline, proposed: CaseDeadline): PreviewEffect | undefined {
  const [a, b] = [dueMs(current), dueMs(proposed)];
  if (a === null && b !== null) return proposed.status === 'breached' ? 'becomes-overdue' : 'newly-due';
  if (a !== null && b === null) return 'no-longer-due';
  if (current.status === 'open' && proposed.status === 'breached') return 'becomes-overdue';
  if (current.status === 'breached' && proposed.status === 'open') return 'no-longer-overdue';
  if (a !== null && b !== null && a !== b) return b < a ? 'earlier' : 'later';
  return undefined;
}

/**
 * Replays a case's open deadlines (open or overdue at `now`) under a proposed rulebook and lists
 * what would change: due earlier or later, overdue now, no longer overdue, newly given a due date
 * or no longer due. History is not rewritten: the proposal is evaluated beside the recorded releases.
 */
export function previewRulebook(state: CaseState, options: PreviewOptions): readonly PreviewItem[] {
  const common = { calendar: options.calendar, rulebooks: options.rulebooks };
  const current = deadlinesOf(state, options.now, common).filter(isOpen);
  if (current.length === 0) return [];
  const proposed = new Map(deadlinesOf(state, options.now, { ...common, whatIf: options.proposed }).map((d) => [d.id, d]));
  const items: PreviewItem[] = [];
  for (const d of current) {
    const p = proposed.get(d.id);
    if (p === undefined) continue;
    const effect = effectOf(d, p);
    if (effect === undefined) continue;
    items.push({
      caseId: d.caseId, deadlineId: d.id, ruleId: d.ruleId, effect,
      current: { rulebookVersion: d.rulebookVersion, dueDate: d.dueDate, status: d.status },
      proposed: { rulebookVersion: p.rulebookVersion, dueDate: p.dueDate, status: p.status },
    });
  }
  return items;
}

/** Counts of preview items per effect. */
export function previewSummary(items: readonly PreviewItem[]): Readonly<Record<PreviewEffect, number>> {
  const summary: Record<PreviewEffect, number> = { earlier: 0, later: 0, 'becomes-overdue': 0, 'no-longer-overdue': 0, 'newly-due': 0, 'no-longer-due': 0 };
  for (const item of items) summary[item.effect]++;
  return summary;
}
