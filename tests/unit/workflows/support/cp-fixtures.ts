import { transition } from 'xstate';
import {
  applyChildProtection, childProtectionMachine, childProtectionState, startChildProtection,
  type ChildProtectionEvent, type ChildProtectionSnapshot,
} from '@workflows/child-protection';
import { givenWhenThen, type PathwayUnderTest } from './given-when-then';

export const childProtection: PathwayUnderTest<ChildProtectionSnapshot, ChildProtectionEvent> = {
  start: startChildProtection,
  apply: applyChildProtection,
  raw: (s, e) => transition(childProtectionMachine, s, e)[0],
  state: childProtectionState,
};

export const given = givenWhenThen(childProtection);

const at = (on: string) => ({ occurredAt: `${on}T10:00:00Z`, occurredOn: on });
const attendance = { police: true, health: true, education: false, others: ['probation'] };

type Of<T extends ChildProtectionEvent['type']> = Extract<ChildProtectionEvent, { type: T }>;
type Extra<T extends ChildProtectionEvent['type']> = Partial<Omit<Of<T>, 'type'>>;

export const cp = {
  strategy: (on: string, x: Extra<'StrategyDiscussionHeld'> = {}): ChildProtectionEvent => ({
    type: 'StrategyDiscussionHeld', ...at(on), attendance, decision: 'section-47', rationaleRef: 'doc-1', initiatesS47: true, ...x,
  }),
  furtherStrategy: (on: string, x: Extra<'StrategyDiscussionHeld'> = {}): ChildProtectionEvent =>
    cp.strategy(on, { initiatesS47: false, decision: 'reconvene', ...x }),
  icpc: (on: string, x: Extra<'InitialConferenceHeld'> = {}): ChildProtectionEvent => ({
    type: 'InitialConferenceHeld', ...at(on), outcome: 'plan', category: 'neglect', preBirth: false, ...x,
  }),
  icpcNotRequired: (on: string): ChildProtectionEvent => ({ type: 'InitialConferenceNotRequired', ...at(on), decisionRef: 'doc-2' }),
  icpcNotHeld: (on: string, reason: Of<'InitialConferenceNotHeld'>['reason']): ChildProtectionEvent => ({
    type: 'InitialConferenceNotHeld', ...at(on), reason,
  }),
  transferNotified: (on: string): ChildProtectionEvent => ({ type: 'TransferInNotified', ...at(on), fromAuthorityRef: 'la-301' }),
  transferConference: (on: string, x: Extra<'TransferInConferenceHeld'> = {}): ChildProtectionEvent => ({
    type: 'TransferInConferenceHeld', ...at(on), outcome: 'plan', category: 'emotional', ...x,
  }),
  transferNotHeld: (on: string, reason: Of<'TransferInConferenceNotHeld'>['reason']): ChildProtectionEvent => ({
    type: 'TransferInConferenceNotHeld', ...at(on), reason,
  }),
  born: (on: string, motherMedicallyFit = true): ChildProtectionEvent => ({ type: 'ChildBorn', ...at(on), motherMedicallyFit }),
  coreGroup: (on: string): ChildProtectionEvent => ({ type: 'CoreGroupHeld', ...at(on) }),
  rcpc: (on: string, x: Extra<'ReviewConferenceHeld'> = {}): ChildProtectionEvent => ({
    type: 'ReviewConferenceHeld', ...at(on), decision: 'continue-plan', ...x,
  }),
  planEnded: (on: string, reason: Of<'PlanEnded'>['reason'] = 'moved-away'): ChildProtectionEvent => ({ type: 'PlanEnded', ...at(on), reason }),
};
