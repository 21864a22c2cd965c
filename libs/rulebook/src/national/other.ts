import type { RuleDefinition } from '../types';
import { IN_FORCE, clock, hours, months, weeks, workingDays } from './define';

const KCSIE = 'Keeping Children Safe in Education (older edition, Part four)';
const PF = 'Children (Private Arrangements for Fostering) Regulations 2005 (SI 2005/1533)';

/** TIMESCALES.md 1C. */
export const MISSING_RULES: readonly RuleDefinition[] = [
  {
    id: 'MIS-01', title: 'Return home interview', pathway: 'missing', effectiveFrom: IN_FORCE.missingGuidance2014,
    trigger: 'Child found or returns after a missing episode (SSDA903 MISSING = M)', deadline: 'Independent return interview offered and carried out',
    clocks: [
      { key: 'offered', title: 'Return home interview offered', label: 'Return interview offered', duration: hours(72), whenRhiClock: 'offered' },
      { key: 'completed', title: 'Return home interview completed', label: 'Return interview carried out', duration: hours(72), whenRhiClock: 'completed' },
    ],
    source: 'Statutory guidance on children who run away or go missing from home or care (DfE, Jan 2014), "Independent return interviews" (p.14)',
    status: ['SG'], evidence: 'V3',
    notes: 'Elapsed clock hours: weekends and bank holidays are not excluded. "Offered" vs "carried out" is ambiguous: setting rhiClocks.',
  },
  {
    id: 'MIS-02', title: 'Strategy meeting on repeated missing episodes', pathway: 'missing', effectiveFrom: IN_FORCE.missingGuidance2014,
    trigger: 'Repeated missing episodes (e.g. 3 or more in 30 days)', deadline: 'Strategy meeting held',
    clocks: [], noClock: 'local protocols only',
    source: 'Local protocols (e.g. Derbyshire)', status: ['LOCAL'], evidence: 'V3',
  },
];

/** TIMESCALES.md 1D. */
export const LADO_RULES: readonly RuleDefinition[] = [
  {
    id: 'LADO-01', title: 'LADO informed', pathway: 'lado', effectiveFrom: IN_FORCE.workingTogether2015,
    trigger: "Allegation comes to the employer's attention (or is made directly to police)", deadline: 'Designated officer (LADO) informed',
    clocks: clock('LADO informed', workingDays(1)),
    source: 'Working Together 2015 & 2018 ch.2 "Organisational responsibilities"; WT 2023 ch.4 para 223', status: ['SG'], evidence: 'V3',
  },
  {
    id: 'LADO-02', title: 'LADO initial consideration', pathway: 'lado', effectiveFrom: IN_FORCE.workingTogether2015,
    trigger: 'Referral received by the LADO', deadline: 'LADO responds / initial consideration',
    clocks: [], noClock: 'local (e.g. referrer contacted within 1 working day in Medway)',
    source: 'Local procedures; London Safeguarding Children Procedures CP7', status: ['LOCAL'], evidence: 'V3',
  },
  {
    id: 'LADO-03', title: 'Unsubstantiated or malicious allegation resolved', pathway: 'lado', effectiveFrom: IN_FORCE.kcsie2016,
    trigger: 'Initial consideration finds the allegation clearly unsubstantiated or malicious', deadline: 'Case resolved',
    clocks: clock('Case resolved', weeks(1)),
    source: `${KCSIE} para 175`, status: ['SG'], evidence: 'V',
  },
  {
    id: 'LADO-04', title: 'Employer action', pathway: 'lado', effectiveFrom: IN_FORCE.kcsie2016,
    trigger: 'Initial consideration: no possible criminal offence and no formal disciplinary action needed', deadline: 'Employer institutes appropriate action',
    clocks: clock('Employer action instituted', workingDays(3)),
    source: `${KCSIE} para 175`, status: ['SG'], evidence: 'V',
  },
  {
    id: 'LADO-05', title: 'Disciplinary hearing', pathway: 'lado', effectiveFrom: IN_FORCE.kcsie2016,
    trigger: 'Disciplinary hearing required and can be held without further investigation', deadline: 'Hearing held',
    clocks: clock('Hearing held', workingDays(15)),
    source: `${KCSIE} para 175`, status: ['SG'], evidence: 'V',
  },
  {
    id: 'LADO-06', title: 'Allegation resolution targets', pathway: 'lado', effectiveFrom: IN_FORCE.kcsie2016,
    trigger: 'Allegation referred (case opened)', deadline: 'Case resolved',
    clocks: [
      { key: 'within-1-month', title: 'Allegation resolved within 1 month (target)', label: 'Resolved within 1 month (portfolio target)', duration: months(1) },
      { key: 'within-3-months', title: 'Allegation resolved within 3 months (target)', label: 'Resolved within 3 months (portfolio target)', duration: months(3) },
      { key: 'within-12-months', title: 'Allegation resolved within 12 months (target)', label: 'Resolved within 12 months (portfolio target)', duration: months(12) },
    ],
    source: `${KCSIE} para 174 ("Target timescales")`, status: ['SG'], evidence: 'V',
    notes: 'Portfolio targets (setting ladoResolutionTargets), not per-case deadlines; not verified in KCSIE 2023/2024.',
  },
  {
    id: 'LADO-07', title: 'Outcome recorded', pathway: 'lado', effectiveFrom: IN_FORCE.kcsie2016,
    trigger: 'Outcome determination', deadline: 'Outcome category recorded (substantiated, malicious, false, unsubstantiated, unfounded)',
    clocks: [], noClock: 'no timescale: a category',
    source: 'KCSIE Part four "Definitions for outcomes of allegation investigations"', status: ['SG'], evidence: 'V',
  },
];

/** TIMESCALES.md 1E. */
export const PRIVATE_FOSTERING_RULES: readonly RuleDefinition[] = [
  {
    id: 'PF-01', title: 'Notice of a proposed private fostering arrangement', pathway: 'private-fostering', effectiveFrom: IN_FORCE.privateFosteringRegs2005,
    trigger: 'Proposed start of a private fostering arrangement', deadline: 'Proposer notifies the local authority',
    clocks: clock('Local authority notified', weeks(6), { direction: 'before' }),
    source: `${PF} reg 3`, status: ['REG'], evidence: 'V',
    notes: 'Or immediately if the arrangement starts within 6 weeks.',
  },
  {
    id: 'PF-02', title: 'Visit to a proposed private fostering home', pathway: 'private-fostering', effectiveFrom: IN_FORCE.privateFosteringRegs2005,
    trigger: 'Local authority receives notice of a proposal', deadline: 'Officer visits the proposed home',
    clocks: clock('Proposed home visited', workingDays(7)),
    source: `${PF} reg 4`, status: ['REG'], evidence: 'R',
  },
  {
    id: 'PF-03', title: 'Visit to a privately fostered child', pathway: 'private-fostering', effectiveFrom: IN_FORCE.privateFosteringRegs2005,
    trigger: 'Local authority receives notice of (or otherwise becomes aware of) an existing arrangement', deadline: 'Officer visits the child',
    clocks: clock('Child visited', workingDays(7)),
    source: `${PF} reg 7`, status: ['REG'], evidence: 'R',
  },
  {
    id: 'PF-04', title: 'Subsequent private fostering visits', pathway: 'private-fostering', effectiveFrom: IN_FORCE.privateFosteringRegs2005,
    trigger: 'Previous visit (the arrangement is deemed to begin when the local authority becomes aware of it)', deadline: 'Next visit (child spoken to alone unless inappropriate; written report)',
    clocks: [
      { key: 'first-year', label: 'Next visit (first year)', duration: weeks(6) },
      { key: 'later-years', label: 'Next visit (second and later years)', duration: weeks(12) },
    ],
    source: `${PF} reg 8(1), (2), (3), (6)`, status: ['REG'], evidence: 'V',
  },
];
