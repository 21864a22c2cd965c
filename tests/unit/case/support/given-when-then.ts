import { decide, encodeCaseEvent, evolveEvent, initialCaseState, type CaseEvent, type CaseState, type DecideOptions } from '@csc/case';
import type { Recorded } from './fixtures';

/** Decide and fold each recorded command in turn; a refusal in the history fails the test. */
export function replay(history: readonly Recorded[], options: DecideOptions = {}): { state: CaseState; events: CaseEvent[] } {
  let state = initialCaseState;
  const events: CaseEvent[] = [];
  history.forEach(({ command, now }, index) => {
    const decision = decide(command, state, now, options);
    if (!decision.ok) throw new Error(`given[${index}] ${command.type} was refused: ${decision.error.code} ${decision.error.message}`);
    for (const event of decision.events) {
      state = evolveEvent(state, event);
      events.push(event);
    }
  });
  return { state, events };
}

/** Events as the store holds them, for compact expectations: `{ type, data }`. */
export const stored = (events: readonly CaseEvent[]) => events.map(encodeCaseEvent);

/**
 * given(history).when(command).then(events) | .thenRefused({ code, field, ... }).
 * A refusal must leave the case exactly as it was (nothing to append).
 */
export function given(...history: readonly Recorded[]) {
  return {
    withOptions: (options: DecideOptions) => whenFor(history, options),
    ...whenFor(history, {}),
  };
}

function whenFor(history: readonly Recorded[], options: DecideOptions) {
  return {
    when: ({ command, now }: Recorded) => {
      const { state } = replay(history, options);
      const decision = decide(command, state, now, options);
      return {
        then(expected: readonly object[]): CaseEvent[] {
          if (!decision.ok) throw new Error(`${command.type} was refused: ${decision.error.code} ${decision.error.message}`);
          expect(stored(decision.events)).toMatchObject(expected);
          expect(decision.events).toHaveLength(expected.length);
          return [...decision.events];
        },
        thenNothingHappened(): void {
          if (!decision.ok) throw new Error(`${command.type} was refused: ${decision.error.message}`);
          expect(decision.events).toEqual([]);
        },
        thenRefused(expected: Record<string, unknown>): Error {
          if (decision.ok) throw new Error(`${command.type} was accepted: ${JSON.stringify(stored(decision.events))}`);
          expect(decision.error.toJSON()).toMatchObject(expected);
          expect(replay(history, options).state).toEqual(state);
          return decision.error;
        },
      };
    },
  };
}
