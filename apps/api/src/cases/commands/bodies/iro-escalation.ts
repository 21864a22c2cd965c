import { ESCALATION_ISSUES, FORMAL_STAGES, PLAN_KINDS, RESOLUTIONS, STAGE_RESPONSES, WITHDRAWAL_REASONS } from '@workflows/iro-escalation';
import { listOf, oneOf, ref } from '../fields';
import { pathwayBody } from './common';

export const IRO_ESCALATION_BODIES = {
  RaiseEscalation: pathwayBody('RaiseEscalation', {
    iroRef: ref('The IRO raising it'),
    teamRef: ref('The team it is raised with'),
    plan: oneOf(PLAN_KINDS, 'The plan disputed'),
    issues: listOf(ESCALATION_ISSUES, 'What the dispute is about'),
  }),
  EscalateToFormalStage: pathwayBody('EscalateToFormalStage', {
    stage: oneOf(FORMAL_STAGES, 'The formal stage (1 service manager, 2 head of service, 3 director)'),
    escalatedToRef: ref('The manager it is escalated to'),
  }),
  RecordFormalStageResponse: pathwayBody('RecordFormalStageResponse', {
    response: oneOf(STAGE_RESPONSES, 'The response'),
    responderRef: ref('Who responded'),
  }),
  ResolveEscalation: pathwayBody('ResolveEscalation', { resolution: oneOf(RESOLUTIONS, 'How it was resolved') }),
  WithdrawEscalation: pathwayBody('WithdrawEscalation', { reason: oneOf(WITHDRAWAL_REASONS, 'Why it was withdrawn') }),
  ReferToCafcass: pathwayBody('ReferToCafcass', { cafcassRef: ref('The CAFCASS referral') }),
};
