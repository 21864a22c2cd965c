import { getAdjacencyMap, getSimplePaths } from '@xstate/graph';
import { getNextTransitions, type AnyMachineSnapshot, type AnyStateMachine } from 'xstate';
import { transitionCatalogue, type PathwayContext } from '@workflows/shared';

type Snap = AnyMachineSnapshot & { readonly context: PathwayContext };
type Ev = { readonly type: string; readonly occurredOn: string };

const DAY_MS = 86_400_000;
const shift = (on: string, days: number): string => new Date(Date.parse(`${on}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** The latest local date the snapshot knows of: events generated next are dated after it. */
export function latestDate(snapshot: Snap): string {
  const dates = JSON.stringify(snapshot.context).match(/\d{4}-\d{2}-\d{2}(?!T)/g) ?? [];
  return dates.reduce((a, b) => (b > a ? b : a), '2026-01-05');
}

/** Events dated the day after everything the snapshot knows. */
export function nextDay<S extends Snap, E>(snapshot: S, make: (on: string) => readonly E[]): E[] {
  return [...make(shift(latestDate(snapshot), 1))];
}

/** Identity of a transition definition: source node, event, position among that node's handlers. */
export function transitionIds(machine: AnyStateMachine): string[] {
  const counts = new Map<string, number>();
  return transitionCatalogue(machine).map((row) => {
    const base = `${row.source}|${row.event}`;
    const index = counts.get(base) ?? 0;
    counts.set(base, index + 1);
    return `${base}|${index}`;
  });
}

/** Which transition definition `event` takes from `snapshot` (the first whose guard passes). */
export function firedTransition(machine: AnyStateMachine, snapshot: Snap, event: Ev): string | undefined {
  const guards = machine.implementations.guards as Record<string, (a: unknown, p: unknown) => boolean>;
  for (const t of getNextTransitions(snapshot)) {
    if (t.eventType !== event.type) continue;
    const guard = t.guard as string | { type: string; params?: unknown } | undefined;
    const name = typeof guard === 'string' ? guard : guard?.type;
    const params = typeof guard === 'object' ? guard.params : undefined;
    const passes = name === undefined || (guards[name]?.({ context: snapshot.context, event }, params) ?? false);
    if (!passes) continue;
    const list = t.source.transitions.get(event.type) ?? [];
    return `${t.source.path.join('.')}|${event.type}|${list.indexOf(t)}`;
  }
  return undefined;
}

export interface Exploration<S, E> {
  readonly states: readonly S[];
  readonly edges: readonly { readonly from: S; readonly event: E; readonly to: S }[];
  /** Event labels of each generated path (type#variant), to be realised on concrete dates. */
  readonly paths: readonly (readonly string[])[];
}

/** Labels events by their position in the generator's list, so a path is independent of dates. */
export function labelled<S, E extends Ev>(make: (snapshot: S) => readonly E[]): { events: (s: S) => E[]; label: (e: E) => string } {
  const labels = new WeakMap<E, string>();
  return {
    events: (snapshot) => make(snapshot).map((event, index) => {
      labels.set(event, `${event.type}#${index}`);
      return event;
    }),
    label: (event) => labels.get(event) ?? JSON.stringify(event),
  };
}

/**
 * Breadth-first exploration under an abstract state key: every edge from the adjacency map
 * (all events, back-dated ones included), and the simple paths through the machine
 * (`pathEvents`: events dated after everything, so a path replays on any concrete dates).
 */
export function explore<S extends Snap, E extends Ev>(
  machine: AnyStateMachine,
  allEvents: (snapshot: S) => readonly E[],
  pathEvents: (snapshot: S) => readonly E[],
  serializeState: (snapshot: S) => string,
  pathGenerator: typeof getSimplePaths = getSimplePaths,
): Exploration<S, E> {
  const adjacencyOptions = { events: allEvents, serializeState, serializeEvent: (e: E) => JSON.stringify(e) } as never;
  const adjacency = getAdjacencyMap(machine, adjacencyOptions) as unknown as Record<string, { state: S; transitions: Record<string, { event: E; state: S }> }>;
  const edges = Object.values(adjacency).flatMap(({ state, transitions }) =>
    Object.values(transitions).filter((t) => t.state !== state).map((t) => ({ from: state, event: t.event, to: t.state })),
  );
  const { events, label } = labelled(pathEvents);
  const pathOptions = { events, serializeState, serializeEvent: label } as never;
  const paths = (pathGenerator(machine, pathOptions) as unknown as { steps: { event: E }[] }[]).map((p) =>
    p.steps.map((s) => s.event).filter((e) => e.type !== 'xstate.init').map(label),
  );
  return { states: Object.values(adjacency).map((a) => a.state), edges, paths };
}

/** Replays a labelled path on concrete dates, generating each event from the snapshot it meets. */
export function realise<S, E extends Ev>(
  start: S,
  labels: readonly string[],
  pathEvents: (snapshot: S) => readonly E[],
  apply: (snapshot: S, event: E) => { ok: true; snapshot: S } | { ok: false; refusal: { message: string } },
): { snapshot: S; events: E[] } {
  let snapshot = start;
  const events: E[] = [];
  for (const wanted of labels) {
    const [type, index] = wanted.split('#');
    const event = pathEvents(snapshot)[Number(index)];
    if (event === undefined || event.type !== type) throw new Error(`no event ${wanted} for this snapshot`);
    const result = apply(snapshot, event);
    if (!result.ok) throw new Error(`path step ${wanted} refused: ${result.refusal.message}`);
    snapshot = result.snapshot;
    events.push(event);
  }
  return { snapshot, events };
}
