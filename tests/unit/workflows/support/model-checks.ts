import type { AnyMachineSnapshot, AnyStateMachine } from 'xstate';
import { openDeadlines, type DeadlineLedger, type PathwayContext } from '@workflows/shared';
import { describeIntent, type PathwayUnderTest } from './given-when-then';
import { brokenInvariants } from './invariants';
import { explore, firedTransition, realise, transitionIds } from './model';

type Snap = AnyMachineSnapshot & { readonly context: PathwayContext };
type Ev = { readonly type: string; readonly occurredAt: string; readonly occurredOn: string };

const DAY_MS = 86_400_000;

const ledgerOf = (snapshot: Snap): DeadlineLedger => (snapshot.context as PathwayContext).ledger;

/** The same event dated `days` earlier (both its instant and its local date). */
function backdated<E extends Ev>(event: E, days: number): E {
  const at = new Date(Date.parse(event.occurredAt) - days * DAY_MS).toISOString();
  const on = new Date(Date.parse(`${event.occurredOn}T00:00:00Z`) - days * DAY_MS).toISOString().slice(0, 10);
  return { ...event, occurredAt: at, occurredOn: on };
}

/** The model-based suite, shared by both pathways: paths and edges from @xstate/graph. */
export function modelSuite<S extends Snap, E extends Ev>(
  name: string,
  machine: AnyStateMachine,
  pathway: PathwayUnderTest<S, E>,
  nextDayEvents: (snapshot: S) => readonly E[],
  serializeState: (snapshot: S) => string,
  pathGenerator?: Parameters<typeof explore>[4],
): void {
  const events = (s: S): E[] => [...nextDayEvents(s), ...nextDayEvents(s).map((e) => backdated(e, 10))];
  describe(`${name}: model-based paths`, () => {
    const model = explore(machine, events, nextDayEvents, serializeState, pathGenerator);

    it('explores a non-trivial graph', () => {
      expect(model.states.length).toBeGreaterThan(8);
      expect(model.paths.length).toBeGreaterThanOrEqual(model.states.length - 1);
    });

    it('keeps the deadline invariants after every transition of every explored state', () => {
      const broken = model.edges.flatMap(({ to, event }) => brokenInvariants(ledgerOf(to)).map((p) => `${event.type}: ${p}`));
      expect(broken).toEqual([]);
    });

    it("opens only deadlines its states' meta declares", () => {
      const undeclared = model.edges.flatMap(({ to }) => {
        const metas = Object.values(to.getMeta() as Record<string, { deadlines: readonly string[] } | undefined>);
        return openDeadlines(ledgerOf(to))
          .filter((d) => metas.some((m) => m !== undefined && !m.deadlines.includes(d.series)))
          .map((d) => `${JSON.stringify(to.value)} has ${d.key}`);
      });
      expect(undeclared).toEqual([]);
    });

    it('takes every transition of the machine definition somewhere in the graph', () => {
      const fired = new Set(model.edges.map(({ from, event }) => firedTransition(machine, from, event)));
      const reached = new Set(model.states.map((s) => JSON.stringify(s.value)));
      const missing = transitionIds(machine).filter((id) => {
        const [source, event] = id.split('|');
        if (event !== '') return !fired.has(id);
        return !model.edges.some(({ from, to }) => JSON.stringify(from.value).includes(source ?? '') && to.status === 'done');
      });
      expect(missing).toEqual([]);
      expect(reached.size).toBeGreaterThan(3);
    });

    it('the pure wrapper and the bare machine agree on every event in every explored state', () => {
      const disagreements = model.states.flatMap((state) =>
        events(state)
          .filter((event) => pathway.apply(state, event).ok === (pathway.raw(state, event) === state))
          .map((event) => `${JSON.stringify(state.value)} ${event.type} ${event.occurredOn}`),
      );
      expect(disagreements).toEqual([]);
    });

    it('every generated path keeps the invariants at every step, and replays to the same keys and intents', () => {
      for (const labels of model.paths) {
        const first = realise(pathway.start(), labels, nextDayEvents, (s, e) => {
          const result = pathway.apply(s, e);
          if (result.ok) expect(brokenInvariants(ledgerOf(result.snapshot))).toEqual([]);
          return result;
        });
        const again = first.events.reduce((s, e) => pathway.raw(s, e), pathway.start());
        expect(ledgerOf(again).journal.map(describeIntent)).toEqual(ledgerOf(first.snapshot).journal.map(describeIntent));
        expect(JSON.parse(JSON.stringify(first.snapshot.context))).toEqual(first.snapshot.context);
      }
    });
  });
}
