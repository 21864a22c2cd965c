import type { RuleDefinition } from '../types';
import { IN_FORCE, clock, months, weeks, workingDays } from './define';

const REGS = 'Care Planning, Placement and Case Review (England) Regulations 2010 (SI 2010/959)';
const from = IN_FORCE.carePlanningRegs2010;

/** TIMESCALES.md 1B. */
export const LOOKED_AFTER_RULES: readonly RuleDefinition[] = [
  {
    id: 'LAC-01', title: 'Care plan', pathway: 'looked-after', effectiveFrom: from,
    trigger: 'Start of the first placement', deadline: 'Care plan prepared',
    clocks: clock('Care plan prepared', workingDays(10)),
    source: `${REGS} reg 4(2)`, status: ['REG'], evidence: 'V',
    notes: 'Before the first placement, or if not practicable within 10 working days of its start.',
  },
  {
    id: 'LAC-02', title: 'Placement plan', pathway: 'looked-after', effectiveFrom: from,
    trigger: 'Start of (each) placement', deadline: 'Placement plan prepared',
    clocks: clock('Placement plan prepared', workingDays(5)),
    source: `${REGS} reg 9`, status: ['REG'], evidence: 'R',
  },
  {
    id: 'LAC-03', title: 'First LAC review', pathway: 'looked-after', effectiveFrom: IN_FORCE.reviewRegs1991, effectiveTo: '2011-03-31',
    trigger: 'Date the child becomes looked after (start of the period of care)', deadline: 'First LAC review held',
    clocks: clock('First review held', weeks(4)),
    source: "Review of Children's Cases Regulations 1991 (SI 1991/895): within four weeks", status: ['REG'], evidence: 'V3',
    notes: 'Replaced by 20 working days (SI 2010/959 reg 33(1)) from 1 Apr 2011.',
  },
  {
    id: 'LAC-03', title: 'First LAC review', pathway: 'looked-after', effectiveFrom: from,
    trigger: 'Date the child becomes looked after (start of the period of care; SSDA903 DECOM with RNE = S)', deadline: 'First LAC review held',
    clocks: clock('First review held', workingDays(20)),
    source: `${REGS} reg 33(1); IRO Handbook 2010 ch.3`, status: ['REG'], evidence: 'R',
    notes: 'Placement, legal-status and worker changes do not restart it; a new period of care does.',
  },
  {
    id: 'LAC-04', title: 'Second LAC review', pathway: 'looked-after', effectiveFrom: from,
    trigger: 'Date the first review was held', deadline: 'Second review held',
    clocks: clock('Second review held', months(3)),
    source: `${REGS} reg 33(2)`, status: ['REG'], evidence: 'V3',
  },
  {
    id: 'LAC-05', title: 'Subsequent LAC reviews', pathway: 'looked-after', effectiveFrom: from,
    trigger: 'Date the previous review was actually held', deadline: 'Next review held',
    clocks: clock('Next review held', months(6)),
    source: `${REGS} reg 33(2)`, status: ['REG'], evidence: 'V3',
  },
  {
    id: 'LAC-06', title: 'Early LAC review', pathway: 'looked-after', effectiveFrom: from,
    trigger: 'IRO request; welfare not safeguarded; detention or remand ending; LA proposes to cease accommodating', deadline: 'Earlier review held',
    clocks: [], noClock: '"before the time specified" (as soon as possible)',
    source: `${REGS} reg 33(3)`, status: ['REG'], evidence: 'V3',
  },
  {
    id: 'LAC-07', title: 'Review before a significant change', pathway: 'looked-after', effectiveFrom: from,
    trigger: 'Proposed significant change to the care plan', deadline: 'Review held before the change',
    clocks: [], noClock: 'before the change, unless not reasonably practicable',
    source: `${REGS} reg 32 [R]; IRO Handbook`, status: ['REG', 'SG'], evidence: 'V3',
  },
  {
    id: 'LAC-08', title: 'Short-break reviews', pathway: 'looked-after', effectiveFrom: from,
    trigger: 'First short-break placement (reg 48 scheme); then the previous review', deadline: 'Review held',
    clocks: [
      { key: 'first', label: 'First short-break review held', duration: months(3) },
      { key: 'subsequent', label: 'Next short-break review held', duration: months(6) },
    ],
    source: `${REGS} reg 48`, status: ['REG'], evidence: 'V3',
    notes: 'Short breaks use their own cycle: reg 33(1) does not apply.',
  },
  {
    id: 'LAC-09', title: 'Adjourned review', pathway: 'looked-after', effectiveFrom: from,
    trigger: 'Review meeting opened and adjourned', deadline: 'Adjourned review completed',
    clocks: clock('Adjourned review completed', workingDays(20)),
    source: `${REGS} reg 36`, status: ['REG'], evidence: 'R',
    notes: 'An adjournment does not reset the review cycle.',
  },
  {
    id: 'LAC-10', title: 'Social worker visits', pathway: 'looked-after', effectiveFrom: from,
    trigger: 'Start of any placement, then the previous visit', deadline: 'Social worker visits the child',
    clocks: [
      { key: 'first', label: 'First visit in the placement', duration: weeks(1) },
      { key: 'first-year', label: 'Next visit (first year of the placement)', duration: weeks(6) },
      { key: 'after-first-year-to-18', label: 'Next visit (after the first year; placement intended to last to 18)', duration: months(3) },
      { key: 'after-first-year', label: 'Next visit (after the first year, other placements)', duration: weeks(6) },
      { key: 'weekly', label: 'Next visit (reg 19 / reg 24 placements until the first review)', duration: weeks(1) },
      { key: 'reg24-after-first-review', label: 'Next visit (temporary connected person or ICO with parent, after the first review)', duration: weeks(4) },
    ],
    source: `${REGS} reg 28 (as made)`, status: ['REG'], evidence: 'V',
    notes: 'A placement change restarts the visit clocks. Long-term fostering option (SI 2015/495) not modelled [R].',
  },
  {
    id: 'LAC-11', title: 'Initial health assessment', pathway: 'looked-after', effectiveFrom: from,
    trigger: 'Child becomes looked after', deadline: 'Initial health assessment by a registered medical practitioner',
    clocks: clock('Initial health assessment done (before the first review)', workingDays(20)),
    source: `${REGS} reg 7; Promoting the health and well-being of looked-after children (DfE/DHSC, Mar 2015)`, status: ['REG', 'SG'], evidence: 'V3',
    notes: 'Not required if one was done in the previous 3 months.',
  },
  {
    id: 'LAC-12', title: 'Review health assessment', pathway: 'looked-after', effectiveFrom: IN_FORCE.healthGuidance2015,
    trigger: 'Previous health assessment', deadline: 'Review health assessment',
    clocks: [
      { key: 'under-5', label: 'Review health assessment (child under 5)', duration: months(6) },
      { key: '5-and-over', label: 'Review health assessment (child 5 or over)', duration: months(12) },
    ],
    source: 'Promoting the health and well-being of looked-after children (Mar 2015)', status: ['REG', 'SG'], evidence: 'V3',
  },
  {
    id: 'LAC-13', title: 'Personal education plan', pathway: 'looked-after', effectiveFrom: from,
    trigger: 'Child becomes looked after', deadline: 'PEP initiated, then available for the first review',
    clocks: [
      { key: 'initiated', label: 'PEP initiated (part of the care plan)', duration: workingDays(10) },
      { key: 'available', label: 'PEP available for the first review', duration: workingDays(20) },
    ],
    source: `${REGS} regs 4-5; Promoting the education of looked-after children (DfE, Feb 2018)`, status: ['REG', 'SG', 'LOCAL'], evidence: 'V3',
    notes: 'Reviewed each term or before each LAC review (no fixed clock).',
  },
  {
    id: 'LAC-14', title: 'Pathway needs assessment', pathway: 'looked-after', effectiveFrom: from,
    trigger: 'Eligible child reaches 16, or becomes eligible after 16', deadline: 'Needs assessment for the pathway plan completed',
    clocks: clock('Needs assessment completed', months(3)),
    source: `${REGS} reg 42(1)`, status: ['REG'], evidence: 'V',
  },
  {
    id: 'LAC-15', title: 'Pathway plan', pathway: 'looked-after', effectiveFrom: from,
    trigger: 'Needs assessment completed', deadline: 'Pathway plan prepared',
    clocks: [], noClock: '"as soon as possible"',
    source: `${REGS} reg 43`, status: ['REG'], evidence: 'R',
  },
  {
    id: 'LAC-16', title: 'Pathway plan review', pathway: 'looked-after', effectiveFrom: IN_FORCE.careLeaversRegs2010,
    trigger: 'Previous pathway plan review', deadline: 'Next pathway plan review',
    clocks: clock('Next pathway plan review', months(6)),
    source: 'Care Leavers (England) Regulations 2010 (SI 2010/2571) reg 7 [R]; SI 2010/959 reg 44 [R]', status: ['REG'], evidence: 'R',
    notes: 'For eligible (still looked-after) children, reviewed with LAC reviews.',
  },
];
