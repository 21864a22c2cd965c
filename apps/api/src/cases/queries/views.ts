import type { WorkingCalendar } from '@csc/calendar';
import { PATHWAYS, deadlinesOf, parseRulebookVersion, pathwayOf, type CaseDeadline, type CaseState } from '@csc/case';
import type { RecordedEvent } from '@csc/event-store';
import { computeDeadline, explain, RulebookError } from '@csc/rulebook';

/** The command that records each pathway event, per pathway kind ('child-protection/InitialConferenceHeld' -> RecordInitialConference). */
const COMMAND_OF_EVENT = new Map(PATHWAYS.flatMap((pathway) => Object.entries(pathway.commands).map(([command, eventType]) => [`${pathway.kind}/${eventType}`, command] as const)));

/** A case as the api shows it: allocation, rulebook, revision, and each pathway instance's state and allowed commands. */
export function caseView(caseId: string, state: CaseState, revision: number) {
  const pathways = Object.values(state.instances).map((instance) => {
    const pathway = pathwayOf(instance.pathway);
    return {
      instanceId: instance.instanceId,
      pathway: instance.pathway,
      state: pathway?.state(instance.snapshot) ?? 'unknown',
      active: pathway?.active(instance.snapshot) ?? false,
      allowed: (pathway?.allowed(instance.snapshot) ?? []).map((eventType) => COMMAND_OF_EVENT.get(`${instance.pathway}/${eventType}`) ?? eventType),
    };
  });
  return { caseId, teamRef: state.teamRef ?? null, iroRef: state.iroRef ?? null, rulebook: state.rulebook ?? null, revision, pathways };
}

/** The case's deadlines as of `asOf` (default: the open and overdue ones), each with the rulebook's explanation. */
export function deadlinesView(state: CaseState, asOf: string, which: 'open' | 'all', calendar: WorkingCalendar) {
  const all = deadlinesOf(state, asOf, { calendar });
  const chosen = which === 'all' ? all : all.filter((d) => d.status === 'open' || (d.status === 'breached' && d.breach === 'overdue'));
  return chosen.map((deadline) => ({ ...deadline, explanation: explanationOf(deadline, calendar) }));
}

/**
 * "Why is this due then?", by the rulebook release recorded with the trigger:
 * recomputed from the trigger (its instant, else the date it counts from) and
 * kept only when it agrees with the derived due instant.
 */
function explanationOf(deadline: CaseDeadline, calendar: WorkingCalendar): string | null {
  if (deadline.dueInstant === null || deadline.clock === null) return deadline.timescale;
  const triggers = [{ instant: deadline.trigger.occurredAt }, { date: deadline.countsFrom }];
  for (const trigger of triggers) {
    try {
      const computed = computeDeadline({ ruleId: deadline.ruleId, clock: deadline.clock, trigger, rulebook: parseRulebookVersion(deadline.rulebookVersion), calendar });
      if (computed.dueInstant === deadline.dueInstant) return explain(computed);
    } catch (error) {
      if (!(error instanceof RulebookError)) throw error;
    }
  }
  return null;
}

/** One event of a record's history: what was recorded, when it happened, when and by whom it was recorded. */
export function historyEntry(event: RecordedEvent) {
  return {
    revision: event.revision,
    id: event.id,
    type: event.type,
    occurredAt: event.metadata.occurredAt,
    recordedAt: event.metadata.recordedAt,
    recordedBy: event.metadata.actor,
    rulebookVersion: event.metadata.rulebookVersion,
    correlationId: event.metadata.correlationId,
    data: event.data,
    hash: event.metadata.hash,
  };
}
