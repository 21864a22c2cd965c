import type { AnyStateMachine, StateNode } from 'xstate';

/** One transition of a machine definition, as data (for docs and coverage checks). */
export interface TransitionRow {
  readonly source: string;
  readonly event: string;
  readonly guard: string | undefined;
  readonly targets: readonly string[];
  readonly actions: readonly { readonly type: string; readonly params: unknown }[];
}

type AnyNode = StateNode<never, never>;

function nodePath(node: { readonly path: readonly string[] }): string {
  return node.path.join('.');
}

function guardName(guard: unknown): string | undefined {
  if (typeof guard === 'string') return guard;
  if (guard !== null && typeof guard === 'object' && 'type' in guard) return String(guard.type);
  return undefined;
}

function actionRow(action: unknown): { type: string; params: unknown } {
  if (typeof action === 'string') return { type: action, params: undefined };
  if (action !== null && typeof action === 'object' && 'type' in action) {
    return { type: String(action.type), params: 'params' in action ? action.params : undefined };
  }
  return { type: 'inline', params: undefined };
}

function rowsOf(node: AnyNode): TransitionRow[] {
  const own = [...node.transitions.values(), node.always ?? []].flat().map((t) => ({
    source: nodePath(node),
    event: String(t.eventType),
    guard: guardName(t.guard),
    targets: (t.target ?? []).map(nodePath),
    actions: t.actions.map(actionRow),
  }));
  return [...own, ...Object.values(node.states).flatMap((child) => rowsOf(child))];
}

/** Every transition of the machine, depth first, in definition order. */
export function transitionCatalogue(machine: AnyStateMachine): readonly TransitionRow[] {
  return rowsOf(machine.root as unknown as AnyNode);
}

/** State paths ('onPlan.active') with their `meta`, for every node of the machine. */
export function stateMetas(machine: AnyStateMachine): ReadonlyMap<string, unknown> {
  const result = new Map<string, unknown>();
  const visit = (node: AnyNode): void => {
    if (node.path.length > 0) result.set(nodePath(node), node.meta);
    Object.values(node.states).forEach((child) => visit(child));
  };
  visit(machine.root as unknown as AnyNode);
  return result;
}
