import type { Applied, DeadlineIntent, Refusal } from '@workflows/shared';

/** The pure surface of a pathway, as the tests drive it. */
export interface PathwayUnderTest<S, E extends { type: string }> {
  readonly start: () => S;
  readonly apply: (snapshot: S, event: E) => Applied<S>;
  /** The bare machine transition (no wrapper): must refuse what `apply` refuses. */
  readonly raw: (snapshot: S, event: E) => S;
  readonly state: (snapshot: S) => string;
}

/** One line per intent: 'open rcpc-2 CP-09 @2026-09-01', 'open rhi-offered MIS-01/offered @...', 'meet icpc @2026-06-05', ... */
export function describeIntent(i: DeadlineIntent): string {
  switch (i.kind) {
    case 'open': {
      const qualifiers = i.qualifiers.length > 0 ? ` [${i.qualifiers.join(',')}]` : '';
      const anchors = Object.entries(i.anchors).map(([k, v]) => ` ${k}=${String(v)}`).join('');
      const clock = i.clock === undefined ? '' : `/${i.clock}`;
      return `open ${i.key} ${i.ruleId}${clock} @${i.trigger.on}${qualifiers}${anchors}`;
    }
    case 'meet':
      return `meet ${i.key} @${i.by.on}`;
    case 'cancel':
      return `cancel ${i.key} (${i.reason}) @${i.by.on}`;
    case 'lapse':
      return `lapse ${i.key} @${i.by.on}`;
    default: {
      const unhandled: never = i;
      return unhandled;
    }
  }
}

export function fold<S, E extends { type: string }>(p: PathwayUnderTest<S, E>, events: readonly E[]): S {
  return events.reduce((snapshot, event, index) => {
    const result = p.apply(snapshot, event);
    if (!result.ok) throw new Error(`given[${index}] ${event.type} was refused: ${result.refusal.message}`);
    return result.snapshot;
  }, p.start());
}

export function givenWhenThen<S, E extends { type: string }>(p: PathwayUnderTest<S, E>) {
  return (...history: readonly E[]) => ({
    when: (event: E) => {
      const before = fold(p, history);
      const result = p.apply(before, event);
      return {
        /** The state after, and exactly these intents in this order. */
        then(state: string, intents: readonly string[]): S {
          if (!result.ok) throw new Error(`${event.type} was refused: ${result.refusal.message}`);
          expect(p.state(result.snapshot)).toBe(state);
          expect(result.intents.map(describeIntent)).toEqual(intents);
          return result.snapshot;
        },
        /** Refused with this reason; the machine itself refuses too, and nothing changes. */
        thenRefused(expected: Partial<Refusal>): Refusal {
          if (result.ok) throw new Error(`${event.type} was accepted into '${p.state(result.snapshot)}'`);
          expect(result.refusal).toMatchObject(expected);
          expect(p.raw(before, event)).toBe(before);
          return result.refusal;
        },
      };
    },
  });
}
