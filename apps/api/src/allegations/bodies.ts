import {
  ALLEGATION_CATEGORIES, ALLEGATION_OUTCOMES, ASV_AGENCIES, ASV_MEETING_KINDS, CONSIDERATION_DECISIONS, CONSIDERATION_ROUTES, CPS_DECISIONS,
  EMPLOYER_ACTIONS, INVESTIGATION_KINDS, REFERRER_TYPES, WORK_SETTINGS,
} from '@workflows/lado-allegation';
import { occurred } from '../cases/commands/bodies/common';
import { bodyClass, bool, code, codeList, listOf, nested, oneOf, optional, ref, REFERENCE } from '../cases/commands/fields';

const SubjectBody = bodyClass('AllegationSubjectBody', {
  adultRef: ref('The adult the allegation is about'),
  employerRef: ref('Their employer or the organisation they volunteer for'),
  childRefs: codeList(REFERENCE, 50, 'The children concerned, by reference (their case ids)'),
  category: oneOf(ALLEGATION_CATEGORIES, 'Category, as the LADO annual report counts them'),
  setting: oneOf(WORK_SETTINGS, 'The sector the adult works or volunteers in'),
});

const body = <F extends Parameters<typeof bodyClass>[1]>(command: string, fields: F) => bodyClass(`${command}Body`, { ...occurred, ...fields });

/** The LADO's commands over an allegation's own stream (`allegation-<id>`). */
export const ALLEGATION_BODIES = {
  OpenAllegation: body('OpenAllegation', {
    ladoRef: ref('The LADO who holds the allegation'),
    rulebook: optional(code(/^[a-z][a-z0-9-]{0,62}$/, "The council's rulebook; default: the engine's CSC_RULEBOOK", 'national')),
  }),
  RecordAllegationKnownToEmployer: body('RecordAllegationKnownToEmployer', { subject: nested(SubjectBody, 'Whom it is about and whom it concerns') }),
  ReferToLado: body('ReferToLado', {
    referrerType: oneOf(REFERRER_TYPES, 'Who referred it'),
    subject: optional(nested(SubjectBody, 'Whom it is about (required when nothing came before)')),
  }),
  RecordInitialConsideration: body('RecordInitialConsideration', {
    decision: oneOf(CONSIDERATION_DECISIONS, 'Threshold met or not'),
    route: optional(oneOf(CONSIDERATION_ROUTES, 'What follows when the threshold is met')),
    ladoRef: ref('The LADO who considered it'),
  }),
  RecordAsvMeeting: body('RecordAsvMeeting', { kind: oneOf(ASV_MEETING_KINDS, 'Initial or review meeting'), agencies: listOf(ASV_AGENCIES, 'Agencies present') }),
  StartInvestigation: body('StartInvestigation', {
    kind: oneOf(INVESTIGATION_KINDS, 'Police, social care or employer disciplinary'),
    hearingWithoutFurtherInvestigation: optional(bool('Employer disciplinary only: a hearing without further investigation (LADO-05)')),
  }),
  ReferToCps: body('ReferToCps', {}),
  RecordCpsDecision: body('RecordCpsDecision', { decision: oneOf(CPS_DECISIONS, "The CPS's decision") }),
  ConcludeInvestigation: body('ConcludeInvestigation', { kind: oneOf(INVESTIGATION_KINDS, 'The investigation concluded') }),
  RecordEmployerAction: body('RecordEmployerAction', { action: oneOf(EMPLOYER_ACTIONS, "The employer's action") }),
  RecordAllegationOutcome: body('RecordAllegationOutcome', { outcome: oneOf(ALLEGATION_OUTCOMES, 'KCSIE Part four outcome') }),
  CloseAllegation: body('CloseAllegation', {}),
};
