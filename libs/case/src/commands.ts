import type { IsoInstant } from '@workflows/shared';
import type { PathwayCommand } from './pathways/registry';

/** Open a child's case: its stream begins. */
export interface OpenCase {
  readonly type: 'OpenCase';
  readonly caseId: string;
  readonly teamRef: string;
  /** The council's rulebook by name ('national', 'enfield'); default: the decide option. */
  readonly rulebook?: string;
  readonly occurredAt: IsoInstant;
}

/** Allocate an IRO (replacing any allocated one). */
export interface AllocateIro {
  readonly type: 'AllocateIro';
  readonly caseId: string;
  readonly iroRef: string;
  readonly occurredAt: IsoInstant;
}

export interface DeallocateIro {
  readonly type: 'DeallocateIro';
  readonly caseId: string;
  readonly iroRef: string;
  readonly occurredAt: IsoInstant;
}

export interface ChangeTeam {
  readonly type: 'ChangeTeam';
  readonly caseId: string;
  readonly teamRef: string;
  readonly occurredAt: IsoInstant;
}

export type CaseLevelCommand = OpenCase | AllocateIro | DeallocateIro | ChangeTeam;

/** Every command over a child's case, in the imperative: case-level ones and each pathway's. */
export type CaseCommand = CaseLevelCommand | PathwayCommand;

export const CASE_LEVEL_COMMAND_TYPES: readonly CaseLevelCommand['type'][] = ['OpenCase', 'AllocateIro', 'DeallocateIro', 'ChangeTeam'];
