import { LADO_COMMANDS, type AllegationState } from '@csc/case';
import {
  ALLEGATION_CATEGORIES, ALLEGATION_OUTCOMES, ASV_AGENCIES, CONSIDERATION_ROUTES, CPS_DECISIONS, EMPLOYER_ACTIONS, INVESTIGATION_KINDS,
  REFERRER_TYPES, WORK_SETTINGS, allowedLadoEvents, startLadoAllegation, type LadoSnapshot,
} from '@workflows/lado-allegation';
import type { FieldMaker } from './case-commands';
import { Chooser, mutate, type Step } from './steps';

const subject = (ch: Chooser) => ({
  adultRef: `adult-${ch.nat(3) + 1}`, employerRef: `org-${ch.nat(3) + 1}`, childRefs: ch.some(['c-1', 'c-2', 'c-3'], true),
  category: ch.one(ALLEGATION_CATEGORIES), setting: ch.one(WORK_SETTINGS),
});

/** Plausible, mostly valid fields of each LADO event (keyed by event type). */
export const LADO_FIELD_MAKERS: Readonly<Record<string, FieldMaker>> = {
  AllegationKnownToEmployer: (ch) => ({ subject: subject(ch) }),
  ReferredToLado: (ch) => ({ referrerType: ch.one(REFERRER_TYPES), ...(ch.bool() ? { subject: subject(ch) } : {}) }),
  InitialConsiderationHeld: (ch) => (ch.nat(4) === 0 ? { decision: 'below-threshold', ladoRef: 'lado-1' } : { decision: 'threshold-met', route: ch.one(CONSIDERATION_ROUTES), ladoRef: 'lado-1' }),
  AsvMeetingHeld: (ch, x) => ({ kind: x.context.asvMeetings === 0 || ch.nat(3) === 0 ? 'initial' : 'review', agencies: ch.some(ASV_AGENCIES, true) }),
  InvestigationStarted: (ch) => {
    const kind = ch.one(INVESTIGATION_KINDS);
    return { kind, ...(kind === 'employer-disciplinary' ? { hearingWithoutFurtherInvestigation: ch.bool() } : {}) };
  },
  ReferredToCps: () => ({}),
  CpsDecisionMade: (ch) => ({ decision: ch.one(CPS_DECISIONS) }),
  InvestigationConcluded: (ch) => ({ kind: ch.one(INVESTIGATION_KINDS) }),
  ActionTaken: (ch) => ({ action: ch.one(EMPLOYER_ACTIONS) }),
  OutcomeRecorded: (ch) => ({ outcome: ch.one(ALLEGATION_OUTCOMES) }),
  AllegationClosed: () => ({}),
};

const commandOf = (eventType: string): string => Object.entries(LADO_COMMANDS).find(([, type]) => type === eventType)?.[0] ?? eventType;

/** The concrete command a step makes against the allegation: OpenAllegation first, then mostly what its state allows. */
export function ladoCommand(step: Step, state: AllegationState, allegationId: string, occurredAt: string, now: string): unknown {
  const ch = new Chooser(step.choices);
  let base: Record<string, unknown>;
  let wrongStateType: string | undefined;
  if (!state.opened || step.target % 16 === 0) {
    base = { type: 'OpenAllegation', allegationId, ladoRef: 'lado-1', ...(ch.bool() ? { rulebook: ch.one(['national', 'enfield']) } : {}) };
  } else {
    const snapshot = (state.instance?.snapshot ?? startLadoAllegation()) as LadoSnapshot;
    const allowed: readonly string[] = allowedLadoEvents(snapshot);
    const all = Object.values(LADO_COMMANDS) as string[];
    const pool = allowed.length > 0 ? allowed : all;
    const eventType = pool[step.pick % pool.length] ?? '';
    const x = { on: occurredAt.slice(0, 10), openKeys: Object.keys(snapshot.context.ledger.open), context: snapshot.context as unknown as Record<string, unknown> };
    base = { type: commandOf(eventType), allegationId, ...(LADO_FIELD_MAKERS[eventType]?.(ch, x) ?? {}) };
    const notAllowed = all.filter((t) => !allowed.includes(t));
    wrongStateType = notAllowed.length > 0 ? commandOf(ch.one(notAllowed)) : undefined;
  }
  const command: Record<string, unknown> = { ...base, occurredAt };
  return mutate(command, step.mutation, ch, { now, streamKey: 'allegationId', otherInstances: ['lado', 'cp-1'], wrongStateType });
}
