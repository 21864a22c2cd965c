import { createActor, type ActorScope, type AnyStateMachine, type EventFromLogic, type SnapshotFrom } from 'xstate';

/**
 * The bare machine transition for replaying stored events, without XState's per-call setup.
 * `transition(machine, snapshot, event)` builds a fresh inert actor scope on every call, and
 * building it constructs an actor whose constructor computes the machine's whole initial state:
 * about as costly as the transition itself. The pathway machines only assign context (no spawned
 * or invoked actors, no delayed or sent events, nothing registered in the system), and replay
 * discards the actions anyway, so one inert scope per machine, never started, gives the same next
 * snapshot. Snapshots are never mutated by a transition (each one returns new objects).
 */
export function replayer<M extends AnyStateMachine>(machine: M): (snapshot: SnapshotFrom<M>, event: EventFromLogic<M>) => SnapshotFrom<M> {
  const self = createActor(machine);
  const scope = {
    self,
    defer: () => {},
    id: '',
    logger: () => {},
    sessionId: '',
    stopChild: () => {},
    system: self.system,
    emit: () => {},
    actionExecutor: () => {},
  } as unknown as ActorScope<SnapshotFrom<M>, EventFromLogic<M>>;
  return (snapshot, event) => machine.transition(snapshot, event, scope) as SnapshotFrom<M>;
}

/**
 * A pathway's start snapshot, computed once: `initialTransition` is pure and its snapshot is
 * never mutated (transitions return new snapshots), so every new instance can share it.
 */
export function once<S>(start: () => S): () => S {
  let snapshot: S | undefined;
  let made = false;
  return () => {
    if (!made) {
      snapshot = start();
      made = true;
    }
    return snapshot as S;
  };
}
