import { shippedCalendar } from '@csc/calendar';
import {
  allegationDeadlinesOf, decideAllegation, decodeAllegationEvent, encodeAllegationEvent, evolveAllegationEvent, foldAllegation, initialAllegationState,
  summariseAllegation, type AllegationCommand, type AllegationState, type DecideOptions, type StoredCaseEvent,
} from '@csc/case';
import { check, checkDeadlines, checkDecision, noThrow } from './invariants';
import { ladoCommand } from './lado-commands';
import { minutes, type Step } from './steps';

const calendar = shippedCalendar();
export const ALLEGATION_ID = 'a-fuzz';
const CLOCK_LIMIT = Date.parse('2034-01-01T00:00:00Z');

const fingerprint = (state: AllegationState): string => {
  const { value, context } = (state.instance?.snapshot ?? {}) as { readonly value?: unknown; readonly context?: unknown };
  return JSON.stringify({ ...state, instance: [value, context, state.instance?.lastStep] });
};

function checkDeadlinesAt(state: AllegationState, asOf: string, at: () => string): string {
  const deadlines = noThrow(`allegationDeadlinesOf(${asOf}) ${at()}`, () => allegationDeadlinesOf(state, asOf, { calendar }));
  checkDeadlines(deadlines, asOf, (d) => `allegation-${ALLEGATION_ID}/${d.key}`);
  for (const d of deadlines) check(d.owner.kind === 'lado', () => `${d.id}: owner ${d.owner.kind}, not the LADO ${at()}`);
  return JSON.stringify(deadlines);
}

/** Runs the steps against one allegation stream, checking the invariants after every step. */
export function runAllegation({ start, steps, options }: { readonly start: string; readonly steps: readonly Step[]; readonly options: DecideOptions }): number {
  let state = initialAllegationState;
  const stored: StoredCaseEvent[] = [];
  let now = start;
  steps.forEach((step, index) => {
    if (Date.parse(now) + step.advanceMinutes * 60_000 < CLOCK_LIMIT) now = minutes(now, step.advanceMinutes);
    const command = ladoCommand(step, state, ALLEGATION_ID, minutes(now, -step.lagMinutes), now);
    const at = () => `at step ${index} (now ${now}): ${JSON.stringify(command)}`;
    const before = fingerprint(state);
    const decision = noThrow(`decideAllegation ${at()}`, () => decideAllegation(command as AllegationCommand, state, now, options));
    checkDecision(decision, at);
    check(fingerprint(state) === before, () => `decideAllegation changed the state it was given ${at()}`);
    if (!decision.ok) return;
    for (const event of decision.events) {
      check(event.recordedAt === now && Date.parse(event.occurredAt) <= Date.parse(now), () => `event times wrong ${at()}`);
      const encoded = JSON.parse(JSON.stringify(noThrow(`encodeAllegationEvent ${at()}`, () => encodeAllegationEvent(event)))) as StoredCaseEvent;
      noThrow(`decodeAllegationEvent ${at()}`, () => decodeAllegationEvent(encoded));
      state = noThrow(`evolveAllegationEvent ${at()}`, () => evolveAllegationEvent(state, event));
      stored.push(encoded);
    }
    const mine = checkDeadlinesAt(state, now, at);
    noThrow(`summariseAllegation ${at()}`, () => summariseAllegation(state));
    const replayed = noThrow(`foldAllegation (replay) ${at()}`, () => foldAllegation(stored));
    check(fingerprint(replayed) === fingerprint(state), () => `replayed allegation differs from the incremental fold ${at()}`);
    check(JSON.stringify(allegationDeadlinesOf(replayed, now, { calendar })) === mine, () => `replayed deadlines differ ${at()}`);
  });
  const later = minutes(now, 400 * 24 * 60);
  checkDeadlinesAt(state, later, () => 'at the end');
  return stored.length;
}
