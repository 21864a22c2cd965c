import type { RulebookRelease, RulebookSettings } from '../types';
import { CHILD_PROTECTION_RULES } from './child-protection';
import { workingDays } from './define';
import { IRO_RULES } from './iro';
import { LOOKED_AFTER_RULES } from './looked-after';
import { LADO_RULES, MISSING_RULES, PRIVATE_FOSTERING_RULES } from './other';

/** The national defaults of the settings the sources leave open (TIMESCALES.md 2.1, 1A CP-11, 1C, 1D). */
export const NATIONAL_SETTINGS: RulebookSettings = {
  workingDayCounting: 'day-0',
  rhiClocks: ['offered', 'completed'],
  cpVisitFrequency: workingDays(10),
  ladoResolutionTargets: [
    { clock: 'within-1-month', share: 0.8 },
    { clock: 'within-3-months', share: 0.9 },
    { clock: 'within-12-months', share: null },
  ],
};

/** National rulebook, release 1: every rule of TIMESCALES.md section 1. Immutable once published. */
export const NATIONAL_1: RulebookRelease = {
  name: 'national',
  version: 1,
  publishedOn: '2026-11-23',
  description: 'England: statutory regulations and guidance as specified in TIMESCALES.md section 1',
  rules: [...CHILD_PROTECTION_RULES, ...LOOKED_AFTER_RULES, ...MISSING_RULES, ...LADO_RULES, ...PRIVATE_FOSTERING_RULES],
  overrides: [],
  settings: [
    {
      effectiveFrom: '1900-01-01',
      values: NATIONAL_SETTINGS,
      source: 'TIMESCALES.md: day 0 (DfE C4 bands); both RHI clocks; CP visits every 10 working days (most common local minimum); KCSIE para 174 targets',
    },
  ],
};

/**
 * National rulebook, release 2: release 1 plus the IRO dispute resolution rules (IRO-01, IRO-02),
 * which set no national timescale. It lies over release 1, so every rule of release 1 keeps its
 * definition and rule version (`CP-04/national@1/...`); no due date of release 1 moves.
 */
export const NATIONAL_2: RulebookRelease = {
  name: 'national',
  version: 2,
  publishedOn: '2026-11-23',
  description: 'England: release 1 plus IRO dispute resolution (IRO-01, IRO-02; no national timescale)',
  base: { name: 'national', version: 1 },
  rules: IRO_RULES,
  overrides: [],
  settings: [],
};
