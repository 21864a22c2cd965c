import { transition } from 'xstate';
import {
  applyIroEscalation, iroEscalationMachine, iroEscalationState, startIroEscalation,
  type IroEscalationEvent, type IroEscalationSnapshot,
} from '@workflows/iro-escalation';
import { givenWhenThen, type PathwayUnderTest } from './given-when-then';

export const iroEscalation: PathwayUnderTest<IroEscalationSnapshot, IroEscalationEvent> = {
  start: startIroEscalation,
  apply: applyIroEscalation,
  raw: (s, e) => transition(iroEscalationMachine, s, e)[0],
  state: iroEscalationState,
};

export const given = givenWhenThen(iroEscalation);

const at = (on: string) => ({ occurredAt: `${on}T15:00:00Z`, occurredOn: on });

type Of<T extends IroEscalationEvent['type']> = Extract<IroEscalationEvent, { type: T }>;
type Extra<T extends IroEscalationEvent['type']> = Partial<Omit<Of<T>, 'type'>>;

export const iro = {
  raised: (on: string, x: Extra<'EscalationRaised'> = {}): IroEscalationEvent => ({
    type: 'EscalationRaised', ...at(on), iroRef: 'iro-7', teamRef: 'team-north', plan: 'care-plan', issues: ['care-plan-drift'], ...x,
  }),
  escalated: (on: string, stage: Of<'EscalatedToFormalStage'>['stage']): IroEscalationEvent => ({
    type: 'EscalatedToFormalStage', ...at(on), stage, escalatedToRef: `mgr-${stage}`,
  }),
  responded: (on: string, response: Of<'FormalStageResponded'>['response'] = 'not-resolved'): IroEscalationEvent => ({
    type: 'FormalStageResponded', ...at(on), response, responderRef: 'mgr-1',
  }),
  resolved: (on: string): IroEscalationEvent => ({ type: 'EscalationResolved', ...at(on), resolution: 'plan-amended' }),
  withdrawn: (on: string): IroEscalationEvent => ({ type: 'EscalationWithdrawn', ...at(on), reason: 'issue-overtaken' }),
  cafcass: (on: string): IroEscalationEvent => ({ type: 'ReferredToCafcass', ...at(on), cafcassRef: 'cafcass-22' }),
};
