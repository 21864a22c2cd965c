import {
  decide, decideAllegation, encodeAllegationEvent, encodeCaseEvent, evolve, evolveAllegation, initialAllegationState, initialCaseState,
  type AllegationCommand, type AllegationState, type CaseCommand, type CaseState,
} from '@csc/case';
import { generateCouncil, PROFILES, type SyntheticCommand } from '@csc/synthetic';

const small = PROFILES['small'];
if (small === undefined) throw new Error('the small profile is missing');

/** Folds every generated command through the real decide, stream by stream, at its recording instant. */
function refusals(commands: readonly SyntheticCommand[]): string[] {
  const cases = new Map<string, CaseState>();
  const allegations = new Map<string, AllegationState>();
  const refused: string[] = [];
  for (const c of commands) {
    if (c.stream === 'case') {
      const state = cases.get(c.id) ?? initialCaseState;
      const decision = decide(c.command as CaseCommand, state, c.recordedAt, { defaultRulebook: 'national' });
      if (!decision.ok) { refused.push(`${c.id} ${c.command.type} at ${c.recordedAt}: ${decision.error.code} ${decision.error.message}`); continue; }
      cases.set(c.id, decision.events.reduce((s, e) => evolve(s, encodeCaseEvent(e)), state));
    } else {
      const state = allegations.get(c.id) ?? initialAllegationState;
      const decision = decideAllegation(c.command as AllegationCommand, state, c.recordedAt, { defaultRulebook: 'national' });
      if (!decision.ok) { refused.push(`${c.id} ${c.command.type}: ${decision.error.code} ${decision.error.message}`); continue; }
      allegations.set(c.id, decision.events.reduce((s, e) => evolveAllegation(s, encodeAllegationEvent(e)), state));
    }
  }
  return refused;
}

describe('synthetic council: every generated command passes decide', () => {
  it.each(['s1', 's2', 's3'])('given the small profile over 2 years with seed %s, when each command is decided at its recording instant, then none is refused', (seed) => {
    const council = generateCouncil({ profile: small, years: 2, seed, until: '2026-06-30T17:00:00Z' });
    expect(council.commands.length).toBeGreaterThan(1000);
    expect(refusals(council.commands).slice(0, 10)).toEqual([]);
  });
});
