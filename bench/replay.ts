/**
 * `npm run bench -- replay`: events folded per second by the case's `evolve` (decode the stored
 * event, route it to its pathway instance, the machine's pure transition, step bookkeeping) over
 * a realistic child's history, against two same-run baselines: a bare loop of XState `transition`
 * over the same machine events, one snapshot per instance held in a Map (target: evolve >= 0.7 x
 * this); and `JSON.parse` of the same stored events' JSON text (what reading them back costs at
 * least, before any folding).
 */
import { transition, type AnyMachineSnapshot, type AnyStateMachine } from 'xstate';
import { childProtectionMachine } from '@workflows/child-protection';
import { lookedAfterMachine } from '@workflows/looked-after';
import { missingEpisodeMachine } from '@workflows/missing-episode';
import {
  decide, encodeCaseEvent, evolve, evolveEvent, initialCaseState, pathwayOf, type CaseCommand, type CaseState,
} from '@csc/case';

export const description = 'case evolve (events folded/s) over two CP plans, a 4-year care episode and 50 missing episodes, vs bare XState transition and JSON.parse';

type Stored = ReturnType<typeof encodeCaseEvent>;
const MACHINES: Record<string, AnyStateMachine> = {
  'child-protection': childProtectionMachine, 'looked-after': lookedAfterMachine, 'missing-episode': missingEpisodeMachine,
};

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const day = (date: string, offsetDays: number, hour = 10) => iso(Date.parse(`${date}T00:00:00Z`) + offsetDays * DAY + hour * 3_600_000);

/** A child's history, built by deciding commands (so every event is one the engine would accept). */
function history(): Stored[] {
  const caseId = 'bench-1';
  let state: CaseState = initialCaseState;
  const out: Stored[] = [];
  const record = (command: Record<string, unknown>) => {
    const occurredAt = command['occurredAt'] as string;
    const decision = decide({ caseId, ...command } as unknown as CaseCommand, state, iso(Date.parse(occurredAt) + 3_600_000));
    if (!decision.ok) throw new Error(`${String(command['type'])} refused: ${decision.error.message}`);
    for (const e of decision.events) {
      state = evolveEvent(state, e);
      out.push(encodeCaseEvent(e));
    }
  };
  const attendance = { police: true, health: true, education: true, others: [] };
  record({ type: 'OpenCase', teamRef: 't-1', rulebook: 'enfield', occurredAt: day('2021-01-04', 0) });
  record({ type: 'AllocateIro', iroRef: 'iro-1', occurredAt: day('2021-01-04', 0) });
  for (const [n, start] of [[1, '2021-01-06'], [2, '2022-03-07']] as const) {
    const id = `cp-${n}`;
    record({ type: 'RecordStrategyDiscussion', attendance, decision: 'section-47', rationaleRef: 'd', initiatesS47: true, occurredAt: day(start, 0) });
    record({ type: 'RecordInitialConference', instanceId: id, outcome: 'plan', category: 'neglect', preBirth: false, occurredAt: day(start, 14) });
    for (let i = 1; i <= 8; i++) record({ type: 'RecordCoreGroup', instanceId: id, occurredAt: day(start, 14 + i * 28) });
    record({ type: 'RecordReviewConference', instanceId: id, decision: 'continue-plan', occurredAt: day(start, 100) });
    record({ type: 'RecordReviewConference', instanceId: id, decision: 'end-plan', occurredAt: day(start, 280) });
  }
  const placement = (ref: string) => ({ placementRef: ref, placementType: 'U4', visitRegime: 'standard' });
  const lac = '2023-01-09';
  record({ type: 'RecordBecameLookedAfter', legalStatus: 'C2', placement: placement('p-0'), occurredAt: day(lac, 0) });
  record({ type: 'RecordCarePlan', instanceId: 'lac-1', carePlanRef: 'cp', occurredAt: day(lac, 5) });
  record({ type: 'RecordHealthAssessment', instanceId: 'lac-1', kind: 'initial', childUnderFive: false, occurredAt: day(lac, 10) });
  let missing = 0;
  for (let d = 1; d < 4 * 365; d++) {
    if (d % 42 === 0) record({ type: 'RecordLacVisit', instanceId: 'lac-1', seenAlone: true, occurredAt: day(lac, d, 11) });
    if (d === 18 || (d > 18 && (d - 18) % 170 === 0)) {
      record({ type: 'RecordLacReview', instanceId: 'lac-1', participation: 'PN1', timing: 'scheduled', iroRef: 'iro-1', occurredAt: day(lac, d, 12) });
      record({ type: 'CompleteLacReviewRecord', instanceId: 'lac-1', reviewNumber: state.instances['lac-1'] ? reviews(state) : 1, occurredAt: day(lac, d + 7, 12) });
    }
    if (d % 365 === 100) record({ type: 'RecordHealthAssessment', instanceId: 'lac-1', kind: 'review', childUnderFive: false, occurredAt: day(lac, d, 13) });
    if (d % 300 === 150) record({ type: 'RecordPlacementChange', instanceId: 'lac-1', placement: placement(`p-${d}`), occurredAt: day(lac, d, 14) });
    if (d % 29 === 3 && missing < 50) {
      missing++;
      record({ type: 'ReportMissing', kind: 'missing', childStatus: 'looked-after', occurredAt: day(lac, d, 20) });
      record({ type: 'RecordReturn', instanceId: `mis-${missing}`, timeKnown: true, childStatus: 'looked-after', returnedHow: 'self-returned', occurredAt: day(lac, d + 1, 9) });
      record({ type: 'OfferReturnInterview', instanceId: `mis-${missing}`, interviewerRole: 'iro', interviewerRef: 'iro-1', occurredAt: day(lac, d + 1, 15) });
    }
  }
  return out;
}

function reviews(state: CaseState): number {
  const lac = state.instances['lac-1'];
  return (lac?.snapshot as { context: { reviewsHeld: number } } | undefined)?.context.reviewsHeld ?? 1;
}

function measure(ms: number, body: () => number): { perSec: number; sink: number } {
  let sink = 0;
  for (let i = 0; i < 20; i++) sink += body();
  const started = process.hrtime.bigint();
  let folded = 0;
  while (process.hrtime.bigint() - started < BigInt(ms) * 1_000_000n) folded += body();
  return { perSec: Math.round(folded / (Number(process.hrtime.bigint() - started) / 1e9)), sink };
}

export function run(progress: (message: string) => void): Promise<Record<string, number | string>> {
  const events = history();
  const instances = new Set(events.map((e) => (e.data['instanceId'] as string | undefined) ?? '')).size - 1;
  progress(`history: ${events.length} events over ${instances} pathway instances`);
  const pathwayEvents = events.flatMap((e) => ('pathway' in e.data ? [e.data as { pathway: string; instanceId: string; event: { type: string } }] : []));

  const viaEvolve = () => {
    let state = initialCaseState;
    for (const e of events) state = evolve(state, e);
    return state.version;
  };
  const bare = () => {
    const snapshots = new Map<string, AnyMachineSnapshot>();
    for (const p of pathwayEvents) {
      const machine = MACHINES[p.pathway]!;
      const before = snapshots.get(p.instanceId) ?? (pathwayOf(p.pathway)!.start() as AnyMachineSnapshot);
      snapshots.set(p.instanceId, transition(machine, before, p.event)[0]);
    }
    return pathwayEvents.length;
  };
  // The stored form of each event (type and data, as encodeCaseEvent gives them to the store), as JSON text.
  const texts = events.map((e) => JSON.stringify(e));
  const parsed = () => {
    let keys = 0;
    for (const text of texts) keys += (JSON.parse(text) as Stored).type.length;
    return keys > 0 ? texts.length : 0;
  };
  if (viaEvolve() !== events.length) throw new Error('evolve did not fold every event');
  if (parsed() !== events.length) throw new Error('JSON.parse did not parse every event');
  const baseline = measure(3000, bare);
  progress(`bare transition: ${baseline.perSec} events/s`);
  const parse = measure(3000, parsed);
  progress(`JSON.parse of the stored JSON (${Math.round(texts.reduce((n, t) => n + t.length, 0) / texts.length)} characters an event): ${parse.perSec} events/s`);
  const evolved = measure(3000, viaEvolve);
  progress(`case evolve: ${evolved.perSec} events/s`);
  const ratio = (value: number, base: number) => Math.round((value / base) * 100) / 100;
  return Promise.resolve({
    historyEvents: events.length,
    pathwayInstances: instances,
    missingEpisodes: 50,
    evolveEventsPerSec: evolved.perSec,
    baselineTransitionEventsPerSec: baseline.perSec,
    evolveToTransitionRatio: ratio(evolved.perSec, baseline.perSec),
    targetEvolveToTransitionRatio: 0.7,
    baselineJsonParseEventsPerSec: parse.perSec,
    evolveToJsonParseRatio: ratio(evolved.perSec, parse.perSec),
  });
}
