import { PATHWAYS, type AnyPathway, type CaseState } from '@csc/case';
import { ASSESSMENT_OUTCOMES, DELAY_REASONS, ENDED_REASONS, REFERRAL_DECISIONS } from '@workflows/assessment';
import { CP_CATEGORIES, NOT_HELD_REASONS, PLAN_END_REASONS, REVIEW_DECISIONS } from '@workflows/child-protection';
import { ESCALATION_ISSUES, PLAN_KINDS, RESOLUTIONS, STAGE_RESPONSES, WITHDRAWAL_REASONS as ESC_WITHDRAWALS } from '@workflows/iro-escalation';
import {
  EARLY_REVIEW_REASONS, LEGAL_STATUSES, PARTICIPATION_CODES, SIGNIFICANT_CHANGES, VISIT_REGIMES,
} from '@workflows/looked-after';
import {
  CHILD_STATUSES, EPISODE_KINDS, INTERVIEWER_ROLES, NOT_POSSIBLE_REASONS, PULL_FACTORS, PUSH_FACTORS, RETURN_ROUTES, RISKS,
  WITHDRAWAL_REASONS as MIS_WITHDRAWALS,
} from '@workflows/missing-episode';
import { Chooser, mutate, type Step } from './steps';

/** What a field maker may look at: the instance's open deadline keys and machine context, the command's date. */
export interface MakerContext {
  readonly on: string;
  readonly openKeys: readonly string[];
  readonly context: Readonly<Record<string, unknown>>;
}
export type FieldMaker = (ch: Chooser, x: MakerContext) => Record<string, unknown>;

const PLACE_CODES = ['U1', 'U4', 'K2', 'P1', 'R1', 'Q1'];
const placement = (ch: Chooser) => ({ placementRef: ch.one(['pl-1', 'pl-2', 'pl-3']), placementType: ch.one(PLACE_CODES), visitRegime: ch.one(VISIT_REGIMES) });
const ref = (ch: Chooser, prefix: string) => `${prefix}-${ch.nat(3) + 1}`;
const STRATEGY_VARIANTS = [
  { decision: 'section-47', initiatesS47: true }, { decision: 'reconvene', initiatesS47: false }, { decision: 'section-47', initiatesS47: false },
  { decision: 'child-in-need', initiatesS47: false }, { decision: 'no-further-action', initiatesS47: false },
] as const;
const conference = (ch: Chooser) => (ch.nat(4) === 0 ? { outcome: 'no-plan' } : { outcome: 'plan', category: ch.one(CP_CATEGORIES) });
const addDays = (on: string, days: number) => new Date(Date.parse(`${on}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The review number of an open deadline of a series ('review-record-2' -> 2), else a guess. */
function reviewNumber(ch: Chooser, x: MakerContext, series: string): number {
  const open = x.openKeys.filter((k) => k.startsWith(`${series}-`)).map((k) => Number(k.slice(series.length + 1)));
  return open.length > 0 && ch.nat(5) > 0 ? ch.one(open) : ch.nat(3) + 1;
}

/** Plausible, mostly valid fields of each case pathway event (keyed by event type). */
export const CASE_FIELD_MAKERS: Readonly<Record<string, FieldMaker>> = {
  StrategyDiscussionHeld: (ch) => ({
    attendance: { police: ch.bool(), health: ch.bool(), education: ch.bool(), others: ch.some(['probation', 'housing']) },
    rationaleRef: ref(ch, 'doc'), ...ch.one(STRATEGY_VARIANTS),
  }),
  InitialConferenceHeld: (ch) => ({ ...conference(ch), preBirth: ch.nat(5) === 0 }),
  InitialConferenceNotRequired: (ch) => ({ decisionRef: ref(ch, 'dec') }),
  InitialConferenceNotHeld: (ch) => ({ reason: ch.one(NOT_HELD_REASONS) }),
  TransferInNotified: (ch) => ({ fromAuthorityRef: ref(ch, 'la') }),
  TransferInConferenceHeld: (ch) => conference(ch),
  TransferInConferenceNotHeld: (ch) => ({ reason: ch.one(NOT_HELD_REASONS) }),
  ChildBorn: (ch) => ({ motherMedicallyFit: ch.bool() }),
  CoreGroupHeld: () => ({}),
  ReviewConferenceHeld: (ch) => ({ decision: ch.one(REVIEW_DECISIONS), ...(ch.bool() ? { category: ch.one(CP_CATEGORIES) } : {}) }),
  PlanEnded: (ch) => ({ reason: ch.one(PLAN_END_REASONS) }),
  BecameLookedAfter: (ch) => ({ legalStatus: ch.one(LEGAL_STATUSES), placement: placement(ch) }),
  LegalStatusChanged: (ch) => ({ legalStatus: ch.one(LEGAL_STATUSES) }),
  PlacementChanged: (ch) => ({ placement: placement(ch) }),
  LacVisitMade: (ch) => ({ seenAlone: ch.bool() }),
  CarePlanPrepared: (ch) => ({ carePlanRef: ref(ch, 'cpl') }),
  HealthAssessmentCompleted: (ch, x) => ({
    kind: x.openKeys.includes('initial-health-assessment') === ch.nat(6) > 0 ? 'initial' : 'review', childUnderFive: ch.bool(),
  }),
  InitialHealthAssessmentNotRequired: (ch) => ({ previousAssessmentRef: ref(ch, 'ha') }),
  PepCompleted: (ch) => ({ pepRef: ref(ch, 'pep') }),
  LacReviewScheduled: (ch, x) => ({ scheduledFor: addDays(x.on, ch.nat(40) - 2) }),
  SocialWorkerReportSubmitted: (ch) => ({ reportRef: ref(ch, 'rep') }),
  LacReviewHeld: (ch) => {
    const timing = ch.one(['scheduled', 'scheduled', 'early', 'before-significant-change'] as const);
    return { participation: ch.one(PARTICIPATION_CODES), timing, ...(timing === 'early' ? { earlyReason: ch.one(EARLY_REVIEW_REASONS) } : {}), iroRef: ref(ch, 'iro') };
  },
  LacReviewAdjourned: (ch) => ({ iroRef: ref(ch, 'iro') }),
  LacReviewRecordCompleted: (ch, x) => ({ reviewNumber: reviewNumber(ch, x, 'review-record') }),
  LacReviewDecisionsQueried: (ch, x) => ({ reviewNumber: reviewNumber(ch, x, 'review-decisions'), queryRef: ref(ch, 'q') }),
  LacReviewDecisionsFinalised: (ch, x) => ({ reviewNumber: reviewNumber(ch, x, 'review-decisions') }),
  SignificantChangeProposed: (ch) => ({ change: ch.one(SIGNIFICANT_CHANGES) }),
  SignificantChangeWithdrawn: (ch) => ({ change: ch.one(SIGNIFICANT_CHANGES) }),
  CeasedLookedAfter: (ch) => ({ reason: ch.one(['E13', 'E4A', 'E11', 'E2']) }),
  MissingReported: (ch) => ({ kind: ch.one(EPISODE_KINDS), childStatus: ch.one(CHILD_STATUSES) }),
  ChildReturned: (ch) => ({ timeKnown: ch.nat(4) > 0, childStatus: ch.one(CHILD_STATUSES), returnedHow: ch.one(RETURN_ROUTES) }),
  ChildStatusChanged: (ch) => ({ childStatus: ch.one(CHILD_STATUSES) }),
  ReturnInterviewOffered: (ch) => ({ interviewerRole: ch.one(INTERVIEWER_ROLES), interviewerRef: ref(ch, 'iw') }),
  ReturnInterviewCompleted: (ch) => ({
    interviewerRole: ch.one(INTERVIEWER_ROLES), interviewerRef: ref(ch, 'iw'), pushFactors: ch.some(PUSH_FACTORS), pullFactors: ch.some(PULL_FACTORS), risks: ch.some(RISKS),
  }),
  ReturnInterviewDeclined: () => ({}),
  ReturnInterviewNotPossible: (ch) => ({ reason: ch.one(NOT_POSSIBLE_REASONS) }),
  MissingReportWithdrawn: (ch) => ({ reason: ch.one(MIS_WITHDRAWALS) }),
  ReferralReceived: (ch) => ({ source: ch.one(['5A', '3A', '1B', '10', '4']) }),
  ReferralDecisionMade: (ch) => ({ decision: ch.one(REFERRAL_DECISIONS), decidedByRef: ref(ch, 'mgr') }),
  AssessmentStarted: (ch) => ({ workerRef: ref(ch, 'sw') }),
  AssessmentCompleted: (ch) => ({ workerRef: ref(ch, 'sw') }),
  AssessmentReturnedForRework: (ch) => ({ managerRef: ref(ch, 'mgr') }),
  AssessmentAuthorised: (ch) => ({ managerRef: ref(ch, 'mgr'), outcome: ch.one(ASSESSMENT_OUTCOMES), ...(ch.nat(3) === 0 ? { delayReason: ch.one(DELAY_REASONS) } : {}) }),
  AssessmentEnded: (ch) => ({ reason: ch.one(ENDED_REASONS) }),
  EscalationRaised: (ch) => ({ iroRef: ref(ch, 'iro'), teamRef: ref(ch, 'team'), plan: ch.one(PLAN_KINDS), issues: ch.some(ESCALATION_ISSUES, true) }),
  EscalatedToFormalStage: (ch, x) => {
    const stages = Array.isArray(x.context.stages) ? x.context.stages.length : 0;
    return { stage: ch.nat(5) > 0 ? stages + 1 : ch.one([1, 2, 3, 4]), escalatedToRef: ref(ch, 'mgr') };
  },
  FormalStageResponded: (ch) => ({ response: ch.one(STAGE_RESPONSES), responderRef: ref(ch, 'mgr') }),
  EscalationResolved: (ch) => ({ resolution: ch.one(RESOLUTIONS) }),
  EscalationWithdrawn: (ch) => ({ reason: ch.one(ESC_WITHDRAWALS) }),
  ReferredToCafcass: (ch) => ({ cafcassRef: ref(ch, 'cafcass') }),
};

const commandOf = (pathway: AnyPathway, eventType: string): string =>
  Object.entries(pathway.commands).find(([, type]) => type === eventType)?.[0] ?? eventType;

const ledgerOpenKeys = (pathway: AnyPathway, snapshot: unknown): string[] => Object.keys(pathway.ledger(snapshot).open);
const contextOf = (snapshot: unknown): Record<string, unknown> => {
  const context = (snapshot as { context?: unknown }).context;
  return typeof context === 'object' && context !== null ? (context as Record<string, unknown>) : {};
};

type Target = { readonly kind: 'instance'; readonly instanceId: string } | { readonly kind: 'new'; readonly pathway: AnyPathway } | { readonly kind: 'case-level' };

/** Where a step may go: active instances weighted up, so that pathways run deep. */
function targetsOf(state: CaseState): Target[] {
  const active = (kind: string) => Object.values(state.instances).some((i) => i.pathway === kind && PATHWAYS.find((p) => p.kind === kind)?.active(i.snapshot) === true);
  const instances = Object.values(state.instances).flatMap((i): Target[] => {
    const target: Target = { kind: 'instance', instanceId: i.instanceId };
    return Array.from({ length: active(i.pathway) && PATHWAYS.find((p) => p.kind === i.pathway)?.active(i.snapshot) === true ? 4 : 1 }, () => target);
  });
  const starts = PATHWAYS.flatMap((pathway): Target[] => Array.from({ length: active(pathway.kind) ? 1 : 2 }, () => ({ kind: 'new', pathway })));
  return [...instances, ...starts, { kind: 'case-level' }];
}

function caseLevel(ch: Chooser, state: CaseState, caseId: string): Record<string, unknown> {
  switch (ch.nat(5)) {
    case 0:
      return { type: 'OpenCase', caseId, teamRef: ref(ch, 'team') };
    case 1:
      return { type: 'DeallocateIro', caseId, iroRef: state.iroRef ?? ref(ch, 'iro') };
    case 2:
      return { type: 'ChangeTeam', caseId, teamRef: ref(ch, 'team') };
    default:
      return { type: 'AllocateIro', caseId, iroRef: ref(ch, 'iro') };
  }
}

/**
 * The concrete command a step makes against the case as it stands: before the case is opened, an
 * OpenCase; then mostly a command some instance's state allows (or one that starts an instance,
 * or a case-level one), built with plausible fields, then mutated as the step says.
 */
export function caseCommand(step: Step, state: CaseState, caseId: string, occurredAt: string, now: string): unknown {
  const ch = new Chooser(step.choices);
  const on = occurredAt.slice(0, 10);
  const ids = Object.keys(state.instances);
  let wrongStateType: string | undefined;
  let base: Record<string, unknown>;
  const target = state.opened ? targetsOf(state)[step.target % targetsOf(state).length] : undefined;
  if (target === undefined) {
    base = { type: 'OpenCase', caseId, teamRef: ref(ch, 'team'), ...(ch.bool() ? { rulebook: ch.one(['national', 'enfield']) } : {}) };
  } else if (target.kind === 'case-level') {
    base = caseLevel(ch, state, caseId);
  } else if (target.kind === 'new') {
    const { pathway } = target;
    const eventType = pathway.starts[step.pick % pathway.starts.length] ?? '';
    const assessments = ids.filter((id) => state.instances[id]?.pathway === 'assessment');
    const link = pathway.kind === 'child-protection' && assessments.length > 0 && ch.bool() ? { linkedTo: ch.one(assessments) } : {};
    const fields = CASE_FIELD_MAKERS[eventType]?.(ch, { on, openKeys: [], context: {} }) ?? {};
    base = { type: commandOf(pathway, eventType), caseId, ...link, ...fields };
    wrongStateType = Object.keys(pathway.commands).find((c) => !pathway.starts.includes(pathway.commands[c] ?? ''));
  } else {
    const instance = state.instances[target.instanceId];
    const pathway = PATHWAYS.find((p) => p.kind === instance?.pathway);
    if (instance === undefined || pathway === undefined) throw new Error(`no instance ${target.instanceId}`);
    const allowed = pathway.allowed(instance.snapshot);
    const all = Object.values(pathway.commands);
    const eventType = (allowed.length > 0 ? allowed : all)[step.pick % (allowed.length > 0 ? allowed.length : all.length)] ?? '';
    const x = { on, openKeys: ledgerOpenKeys(pathway, instance.snapshot), context: contextOf(instance.snapshot) };
    base = { type: commandOf(pathway, eventType), caseId, instanceId: instance.instanceId, ...(CASE_FIELD_MAKERS[eventType]?.(ch, x) ?? {}) };
    const notAllowed = all.filter((t) => !allowed.includes(t));
    wrongStateType = notAllowed.length > 0 ? commandOf(pathway, ch.one(notAllowed)) : undefined;
  }
  const command: Record<string, unknown> = { ...base, occurredAt };
  const otherInstances = ids.filter((id) => id !== command.instanceId);
  return mutate(command, step.mutation, ch, { now, streamKey: 'caseId', otherInstances, wrongStateType });
}
