import { workingDays } from './national/define';
import type { RuleOverride, RulebookRelease } from './types';

const SEED = 'Enfield IRO annual report (2017/18) and local procedures, TIMESCALES.md 6a';
const from = '2018-04-01';

/** Enfield's overlay, release 1: the local rules of TIMESCALES.md section 6a over national release 1. */
export const ENFIELD_1: RulebookRelease = {
  name: 'enfield',
  version: 1,
  publishedOn: '2026-11-23',
  description: 'London Borough of Enfield: local rules from the IRO annual report, over national@1',
  base: { name: 'national', version: 1 },
  rules: [
    {
      id: 'ENF-01', title: "Social worker's report for a LAC review", pathway: 'looked-after', effectiveFrom: from,
      trigger: 'LAC review date (as scheduled)', deadline: "Social worker's report available to the IRO",
      clocks: [{ key: 'default', label: 'Report available', duration: workingDays(5), direction: 'before' }],
      source: SEED, status: ['LOCAL'], evidence: 'V3',
    },
    {
      id: 'ENF-02', title: 'LAC review record uploaded', pathway: 'looked-after', effectiveFrom: from,
      trigger: 'LAC review held', deadline: 'IRO uploads the outcome and record of the review',
      clocks: [{ key: 'default', label: 'Review record uploaded', duration: workingDays(20) }],
      source: SEED, status: ['LOCAL'], evidence: 'V3',
      notes: 'Measure both: review held on time (LAC-03/04/05) and record completed on time (this rule).',
    },
    {
      id: 'ENF-03', title: 'Manager queries on review decisions', pathway: 'looked-after', effectiveFrom: from,
      trigger: 'Review decisions circulated', deadline: 'Operational managers raise queries before the decisions are finalised',
      clocks: [{ key: 'default', label: 'Queries raised', duration: { unit: 'calendar-days', amount: 5 } }],
      source: SEED, status: ['LOCAL'], evidence: 'V3',
      notes: 'The report says "5 days", not working days.',
    },
  ],
  overrides: [
    {
      overrides: 'MIS-01', effectiveFrom: from,
      changes: {
        status: ['SG', 'LOCAL'],
        notes: 'Enfield: for children looked after or on CP plans, return interviews are done by IROs (independent of the carers), offered within 72 hours; push/pull factors recorded, quarterly trend reports.',
      },
      reason: SEED,
    },
    {
      overrides: 'LADO-02', effectiveFrom: from,
      changes: {
        title: 'Allegations against Staff and Volunteers (ASV) meeting',
        deadline: 'ASV meeting held (review ASV meetings follow for complex cases)',
        noClock: 'local: no numeric timescale in the seed reports; consultations below the LADO threshold are counted separately',
        status: ['LOCAL'],
      },
      reason: `${SEED}; London Safeguarding Children Procedures`,
    },
  ],
  settings: [],
};

const DISPUTE = `${SEED} section 10 (informal resolution first, then the local dispute resolution process)`;
const ASSUMED = 'The seed reports give no stage timescales: 5 working days per stage is assumed (common in London protocols) and must be confirmed with the council [R].';
const stage = (n: number) => ({ key: `stage-${n}`, label: `Stage ${n} manager responds`, duration: workingDays(5) });

/** IRO dispute resolution timescales (enfield@2). */
const IRO_OVERRIDES: readonly RuleOverride[] = [
  {
    overrides: 'IRO-01', effectiveFrom: from,
    changes: { clocks: [{ key: 'default', label: 'Resolved informally or escalated', duration: workingDays(5) }], status: ['LOCAL'], notes: ASSUMED },
    reason: DISPUTE,
  },
  {
    overrides: 'IRO-02', effectiveFrom: from,
    changes: { clocks: [stage(1), stage(2), stage(3)], status: ['LOCAL'], notes: `Stage 1 service manager, 2 head of service, 3 director. ${ASSUMED}` },
    reason: DISPUTE,
  },
];

/** Enfield's overlay, release 2: release 1's local rules over national@2, plus IRO dispute resolution stage timescales. */
export const ENFIELD_2: RulebookRelease = {
  ...ENFIELD_1,
  version: 2,
  publishedOn: '2026-11-23',
  description: 'London Borough of Enfield: release 1 plus IRO dispute resolution stage timescales, over national@2',
  base: { name: 'national', version: 2 },
  overrides: [...ENFIELD_1.overrides, ...IRO_OVERRIDES],
};
