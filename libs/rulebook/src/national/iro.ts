import type { RuleDefinition } from '../types';
import { IN_FORCE } from './define';

const HANDBOOK = 'IRO Handbook (DCSF 2010) ch.6 "Resolving problems"; Children Act 1989 s.25B(3) (referral to CAFCASS)';
const LOCAL = 'no national timescale: the IRO sets one right for the child; stage timescales are set by each council\'s dispute resolution protocol';

/** IRO dispute resolution (not in TIMESCALES.md section 1): present so that councils can give the stages clocks. */
export const IRO_RULES: readonly RuleDefinition[] = [
  {
    id: 'IRO-01', title: 'IRO dispute: informal stage', pathway: 'iro', effectiveFrom: IN_FORCE.carePlanningRegs2010,
    trigger: "IRO raises a problem with the child's plan with the social worker or team manager",
    deadline: 'Problem resolved informally, or escalated to the formal stages',
    clocks: [], noClock: LOCAL, source: HANDBOOK, status: ['SG', 'LOCAL'], evidence: 'R',
  },
  {
    id: 'IRO-02', title: 'IRO dispute: formal stage response', pathway: 'iro', effectiveFrom: IN_FORCE.carePlanningRegs2010,
    trigger: 'IRO escalates the problem to a formal stage of the dispute resolution process', deadline: 'Manager at that stage responds',
    clocks: [], noClock: LOCAL, source: HANDBOOK, status: ['SG', 'LOCAL'], evidence: 'R',
    notes: 'Clock keys stage-1, stage-2, stage-3 (one per internal stage) when an overlay sets them; CAFCASS after the last.',
  },
];
