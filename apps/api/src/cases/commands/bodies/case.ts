import { bodyClass, code, optional, ref } from '../fields';
import { occurred } from './common';

const RULEBOOK = /^[a-z][a-z0-9-]{0,62}$/;

/** Case-level commands: opening a child's case, allocation and transfer. */
export const CASE_BODIES = {
  OpenCase: bodyClass('OpenCaseBody', {
    ...occurred,
    teamRef: ref('The team that holds the case'),
    rulebook: optional(code(RULEBOOK, "The council's rulebook (national, enfield); default: the engine's CSC_RULEBOOK", 'national')),
  }),
  AllocateIro: bodyClass('AllocateIroBody', { ...occurred, iroRef: ref('The IRO allocated to the child') }),
  DeallocateIro: bodyClass('DeallocateIroBody', { ...occurred, iroRef: ref('The IRO currently allocated') }),
  ChangeTeam: bodyClass('ChangeTeamBody', { ...occurred, teamRef: ref('The team the case moves to') }),
};
