import { shippedCalendar } from '@csc/calendar';
import { decide, encodeCaseEvent, evolve, foldCase, initialCaseState, type CaseCommand, type StoredCaseEvent } from '@csc/case';
import { DEFAULT_ALERT_POLICY, foldCaseWithAlerts, planFolded, type PlanContext } from '@csc/alerts';
import { CaseFolds, nextAlerts, type FoldedCaseEntry } from '../../../libs/alerts/src/case-folds';

const context: PlanContext = { calendar: shippedCalendar(), policy: DEFAULT_ALERT_POLICY };
const caseId = 'c-200';
const attendance = { police: true, health: true, education: true, others: [] };

/** The stored events of these commands, decided one after the other at `now`. */
function history(commands: readonly CaseCommand[], now: string): StoredCaseEvent[] {
  const events: StoredCaseEvent[] = [];
  for (const command of commands) {
    const decision = decide(command, foldCase(events), now);
    if (!decision.ok) throw decision.error;
    events.push(...decision.events.map(encodeCaseEvent));
  }
  return events;
}

function raised(type: string, alertId: string): StoredCaseEvent {
  return { type, data: { alertId, deadlineId: alertId.slice(0, alertId.lastIndexOf('/')), caseId, raisedAt: '2026-05-26T08:00:00.000Z', scheduledFor: '2026-05-26T08:00:00.000Z' } };
}

const enquiry = history([
  { type: 'OpenCase', caseId, teamRef: 'team-1', rulebook: 'national', occurredAt: '2026-05-18T08:00:00Z' },
  { type: 'AllocateIro', caseId, iroRef: 'iro-1', occurredAt: '2026-05-18T08:00:00Z' },
  { type: 'RecordStrategyDiscussion', caseId, attendance, decision: 'section-47', rationaleRef: 'doc-1', initiatesS47: true, occurredAt: '2026-05-18T08:30:00Z' },
], '2026-05-18T09:00:00Z');
const icpc = `${caseId}/cp-1/icpc`;

/** An entry folded from `events` with the plan of its first `planned` events, as the scheduler would hold it. */
function heldAfter(folds: CaseFolds, events: readonly StoredCaseEvent[], planned: number): FoldedCaseEntry {
  const entry: FoldedCaseEntry = { state: foldCase(events.slice(0, planned)), revision: planned - 1 };
  folds.planOf(entry, context);
  let state = entry.state;
  for (const event of events.slice(planned)) state = evolve(state, event);
  return { ...entry, state, revision: events.length - 1 };
}

describe('the scheduler\'s folds plan a case once per state, keeping its deadlines across alert events', () => {
  it('after alert events, the plan keeps the deadlines and alerts and moves each deadline to its next alert, as a full plan does', () => {
    const folds = new CaseFolds(10);
    const events = [...enquiry, raised('TimescaleReminderSent', `${icpc}/reminder-10`), raised('TimescaleReminderSent', `${icpc}/reminder-5`)];
    const entry = heldAfter(folds, events, enquiry.length);
    const before = entry.plan!;
    const plan = folds.planOf(entry, context);
    expect(folds.stats()).toMatchObject({ planned: 1, replanned: 1 });
    expect(plan.deadlines).toBe(before.deadlines);
    expect(plan.next.map((a) => a.alertId)).toContain(`${icpc}/breach`);
    const full = planFolded(foldCaseWithAlerts(events), context);
    expect(plan.next).toEqual(full.next);
    expect(plan.alerts).toEqual(full.alerts);
    expect([...plan.folded.raised]).toEqual([...full.folded.raised]);
    expect(folds.planOf(entry, context)).toBe(plan);
    expect(folds.stats()).toMatchObject({ planned: 1, replanned: 1 });
  });

  it('after an event that changes the case (team, IRO, a pathway), the plan is made in full', () => {
    const folds = new CaseFolds(10);
    const decision = decide({ type: 'ChangeTeam', caseId, teamRef: 'team-2', occurredAt: '2026-05-19T08:00:00Z' }, foldCase(enquiry), '2026-05-19T09:00:00Z');
    if (!decision.ok) throw decision.error;
    const events = [...enquiry, ...decision.events.map(encodeCaseEvent)];
    const entry = heldAfter(folds, events, enquiry.length);
    const plan = folds.planOf(entry, context);
    expect(folds.stats()).toMatchObject({ planned: 2, replanned: 0 });
    expect(plan.next).toEqual(planFolded(foldCaseWithAlerts(events), context).next);
    expect(plan.alerts.find((a) => a.kind === 'escalation')?.recipient).toEqual({ kind: 'team-manager', ref: 'team-2' });
  });

  it('nextAlerts takes, per deadline, its earliest alert not raised', () => {
    const plan = planFolded(foldCaseWithAlerts(enquiry), context);
    expect(nextAlerts(plan.alerts, new Set())).toEqual(plan.next);
    const all = new Set(plan.alerts.map((a) => a.alertId));
    expect(nextAlerts(plan.alerts, all)).toEqual([]);
    expect(nextAlerts(plan.alerts, new Set([`${icpc}/reminder-10`])).map((a) => a.alertId)).toEqual([`${icpc}/reminder-5`]);
  });

  it('keeps at most its limit of cases, least recently used out first', () => {
    const folds = new CaseFolds(2);
    const entry = (): FoldedCaseEntry => ({ state: initialCaseState, revision: -1 });
    folds.set('a', entry());
    folds.set('b', entry());
    folds.get('a');
    folds.set('c', entry());
    expect([folds.get('a') !== undefined, folds.get('b') !== undefined, folds.get('c') !== undefined]).toEqual([true, false, true]);
    expect(folds.stats().size).toBe(2);
  });
});
