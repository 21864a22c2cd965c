import { decide, encodeCaseEvent, evolveEvent, initialCaseState, type CaseCommand, type CaseState, type DecideOptions } from '@csc/case';
import type { AuditedEvent } from '@csc/reporting';

/** A command recorded at `at` (decide's now), optionally under other decide options (a new rulebook release). */
export interface Step {
  readonly at: string;
  readonly command: CaseCommand;
  readonly options?: DecideOptions;
}

/**
 * Records steps through the real decide path into per-case streams of stored events with an
 * envelope (as the event store returns them). A refused command fails the test setup loudly.
 */
export function record(steps: readonly Step[]): ReadonlyMap<string, AuditedEvent[]> {
  const states = new Map<string, CaseState>();
  const streams = new Map<string, AuditedEvent[]>();
  for (const { at, command, options } of steps) {
    const state = states.get(command.caseId) ?? initialCaseState;
    const decision = decide(command, state, at, options ?? {});
    if (!decision.ok) throw new Error(`${command.type} at ${at} refused: ${decision.error.message}`);
    let next = state;
    const stream = streams.get(command.caseId) ?? [];
    for (const event of decision.events) {
      next = evolveEvent(next, event);
      const { type, data } = encodeCaseEvent(event);
      const revision = stream.length;
      stream.push({
        id: `${command.caseId}-${revision}`, revision, type, data,
        metadata: {
          occurredAt: event.occurredAt, recordedAt: at, actor: { userId: `u-${command.type}`, role: 'recorder' },
          rulebookVersion: event.type === 'PathwayEventRecorded' ? event.rulebookVersion : null, hash: `h${revision}`,
        },
      });
    }
    states.set(command.caseId, next);
    streams.set(command.caseId, stream);
  }
  return streams;
}

/** `YYYY-MM-DD` at 10:00 UTC (or a given time). */
export const t = (date: string, time = '10:00:00Z'): string => `${date}T${time}`;
