import type { RuleDefinition } from '../types';
import { IN_FORCE, calendarDays, clock, months, workingDays } from './define';

const WT = 'Working Together 2018 ch.1 (WT 2023 ch.3 retains it [R])';
const from = IN_FORCE.workingTogether2013;

/** TIMESCALES.md 1A. */
export const CHILD_PROTECTION_RULES: readonly RuleDefinition[] = [
  {
    id: 'CP-01', title: 'Referral decision', pathway: 'child-protection', effectiveFrom: from,
    trigger: "Referral received by the local authority's children's social care", deadline: 'Decision on next steps / type of response made',
    clocks: clock('Decision on the referral made', workingDays(1)),
    source: `${WT} "Assessment – Timeliness"`, status: ['SG'], evidence: 'V3',
  },
  {
    id: 'CP-02', title: 'Assessment completed', pathway: 'child-protection', effectiveFrom: from,
    trigger: 'Referral received (the point of referral, not the start of the assessment)', deadline: 'Assessment concluded and authorised',
    clocks: clock('Assessment concluded', workingDays(45)),
    source: `${WT}: "no longer than 45 working days from the point of referral"`, status: ['SG'], evidence: 'V3',
    notes: 'A maximum: reasons must be recorded if exceeded; shorter local timescales are allowed.',
  },
  {
    id: 'CP-03', title: 'Strategy discussion', pathway: 'child-protection', effectiveFrom: from,
    trigger: 'Reasonable cause to suspect significant harm', deadline: 'Strategy discussion or meeting held',
    clocks: [], noClock: 'no national numeric timescale ("as soon as", led by urgency); local rules vary (e.g. 5 working days for a follow-up meeting)',
    source: `${WT} (strategy discussion); local procedures`, status: ['SG', 'LOCAL'], evidence: 'V3',
  },
  {
    id: 'CP-04', title: 'Initial child protection conference', pathway: 'child-protection', effectiveFrom: from,
    trigger: 'Strategy discussion at which the s47 enquiry was initiated (the initiating one if several were held)', deadline: 'Initial child protection conference (ICPC) held',
    clocks: clock('ICPC held', workingDays(15)),
    source: `${WT} "Initial child protection conferences", Flowchart 4`, status: ['SG'], evidence: 'V3',
    notes: 'Later strategy discussions on the same enquiry do not restart the clock.',
  },
  {
    id: 'CP-05', title: 'CP plan start', pathway: 'child-protection', effectiveFrom: from,
    trigger: 'ICPC decides the child needs a child protection plan', deadline: 'CP plan start date',
    clocks: clock('Plan starts on the ICPC date', calendarDays(0)),
    source: 'WT 2018/2023 (outline plan at ICPC); CIN census validation rule 2885', status: ['SG', 'DATA'], evidence: 'V3',
  },
  {
    id: 'CP-06', title: 'First core group meeting', pathway: 'child-protection', effectiveFrom: from,
    trigger: 'ICPC at which the plan was made', deadline: 'First core group meeting held',
    clocks: clock('First core group held', workingDays(10)),
    source: `${WT}, Flowchart 5`, status: ['SG'], evidence: 'V3',
  },
  {
    id: 'CP-07', title: 'Subsequent core group meetings', pathway: 'child-protection', effectiveFrom: from,
    trigger: 'Previous core group meeting', deadline: 'Next core group meeting held',
    clocks: [], noClock: 'local only (every 4 weeks, monthly, or no less than every 6 weeks): set by a council overlay',
    source: 'Local procedures (Newcastle, Sefton, Tees)', status: ['LOCAL'], evidence: 'V3',
  },
  {
    id: 'CP-08', title: 'First review child protection conference', pathway: 'child-protection', effectiveFrom: from,
    trigger: 'ICPC date', deadline: 'First review child protection conference (RCPC) held',
    clocks: clock('First RCPC held', months(3)),
    source: `${WT} "Child protection review conference", Flowchart 5`, status: ['SG'], evidence: 'V3',
  },
  {
    id: 'CP-09', title: 'Subsequent review child protection conferences', pathway: 'child-protection', effectiveFrom: from,
    trigger: 'Date the previous RCPC was actually held', deadline: 'Next RCPC held',
    clocks: clock('Next RCPC held', months(6)),
    source: `${WT} "Child protection review conference"`, status: ['SG'], evidence: 'V3',
    notes: 'Chains from the actual date of the previous review, never its due date.',
  },
  {
    id: 'CP-10', title: 'Review after the birth of a baby on a pre-birth plan', pathway: 'child-protection', effectiveFrom: IN_FORCE.londonProcedures2017,
    trigger: 'Birth of a baby subject of a pre-birth CP plan', deadline: 'RCPC or core group held',
    clocks: [
      { key: 'default', label: 'RCPC or core group held', duration: calendarDays(10) },
      { key: 'mother-not-fit', label: 'RCPC or core group held (mother not medically fit)', duration: calendarDays(20) },
    ],
    source: 'London Child Protection Procedures para 4.1.22 (as amended after the 2017 consultation)', status: ['LOCAL'], evidence: 'V3',
    notes: 'The London text says "10 days", not working days; other areas differ. RCPCs then follow CP-09.',
  },
  {
    id: 'CP-11', title: 'CP statutory visits', pathway: 'child-protection', effectiveFrom: from,
    trigger: 'Previous CP statutory home visit', deadline: 'Next visit (child seen, alone where appropriate)',
    clocks: clock('Next statutory visit', { setting: 'cpVisitFrequency' }),
    source: 'WT (frequency set in the CP plan); local procedures', status: ['LOCAL'], evidence: 'V3',
    notes: 'No national frequency: the rulebook setting cpVisitFrequency gives the minimum.',
  },
  {
    id: 'CP-12', title: 'Transfer-in conference', pathway: 'child-protection', effectiveFrom: from,
    trigger: 'Notification that a child with a CP plan has moved into the area', deadline: 'Transfer-in conference held',
    clocks: clock('Transfer-in conference held', workingDays(15)),
    source: 'Local procedures / London CP Procedures', status: ['LOCAL'], evidence: 'R',
  },
  {
    id: 'CP-13', title: 'CP plan end', pathway: 'child-protection', effectiveFrom: from,
    trigger: 'RCPC decides the child is no longer at continuing risk (or the child moves away, turns 18 or dies)', deadline: 'CP plan end date',
    clocks: [], noClock: 'no timescale; plan duration drives KPIs',
    source: 'WT 2018/2023', status: ['SG'], evidence: 'V3',
  },
];
