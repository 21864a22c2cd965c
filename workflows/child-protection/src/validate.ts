import {
  checkOccurrence, firstRefusal, flag, invalidField, isBefore, notBeforeOpen, oneOf, outOfOrder, reference,
  type Refusal,
} from '@workflows/shared';
import type { ChildProtectionContext, CpSeries } from './context';
import {
  CONFERENCE_OUTCOMES, CP_CATEGORIES, NOT_HELD_REASONS, PLAN_END_REASONS, REVIEW_DECISIONS, STRATEGY_DECISIONS,
  type Attendance, type ChildProtectionEvent, type ConferenceOutcome, type CpCategory, type StrategyDiscussionHeld,
} from './events';

function attendance(value: Attendance | undefined): Refusal | undefined {
  if (value === undefined || value === null || typeof value !== 'object') return invalidField('attendance', 'police, health, education and others');
  return firstRefusal(
    () => flag(value.police, 'attendance.police'),
    () => flag(value.health, 'attendance.health'),
    () => flag(value.education, 'attendance.education'),
    () => (Array.isArray(value.others) && value.others.every((o) => typeof o === 'string' && o.length > 0)
      ? undefined
      : invalidField('attendance.others', 'a list of agency codes')),
  );
}

function strategy(c: ChildProtectionContext, e: StrategyDiscussionHeld): Refusal | undefined {
  const inEnquiry = c.s47InitiatedOn !== undefined;
  return firstRefusal(
    () => attendance(e.attendance),
    () => oneOf(e.decision, STRATEGY_DECISIONS, 'decision'),
    () => reference(e.rationaleRef, 'rationaleRef'),
    () => flag(e.initiatesS47, 'initiatesS47'),
    () => (inEnquiry && e.initiatesS47
      ? invalidField('initiatesS47', `false: the section 47 enquiry initiated on ${c.s47InitiatedOn} is still open (a new enquiry is a new pathway instance)`)
      : undefined),
    () => (inEnquiry && e.decision !== 'section-47' && e.decision !== 'reconvene'
      ? invalidField('decision', 'section-47 or reconvene during an enquiry (record InitialConferenceNotRequired to end it)')
      : undefined),
    () => (!inEnquiry && e.initiatesS47 !== (e.decision === 'section-47')
      ? invalidField('initiatesS47', 'true exactly when the decision is section-47')
      : undefined),
    () => (c.lastStrategyOn !== undefined && isBefore(e.occurredOn, c.lastStrategyOn)
      ? outOfOrder('occurredOn', e.occurredOn, c.lastStrategyOn, 'the previous strategy discussion')
      : undefined),
  );
}

function conference(outcome: ConferenceOutcome, category: CpCategory | undefined): Refusal | undefined {
  return firstRefusal(
    () => oneOf(outcome, CONFERENCE_OUTCOMES, 'outcome'),
    () => (outcome === 'plan' ? oneOf(category, CP_CATEGORIES, 'category') : undefined),
  );
}

/** The event closes open deadlines of these series (all when undefined): not before their triggers. */
function closes(c: ChildProtectionContext, e: ChildProtectionEvent, series: readonly CpSeries[] | undefined) {
  return notBeforeOpen(c.ledger, e.occurredOn, series);
}

function fields(c: ChildProtectionContext, e: ChildProtectionEvent): Refusal | undefined {
  switch (e.type) {
    case 'StrategyDiscussionHeld':
      return strategy(c, e);
    case 'InitialConferenceHeld':
      return firstRefusal(() => conference(e.outcome, e.category), () => flag(e.preBirth, 'preBirth'), () => closes(c, e, ['icpc']));
    case 'InitialConferenceNotRequired':
      return firstRefusal(() => reference(e.decisionRef, 'decisionRef'), () => closes(c, e, ['icpc']));
    case 'InitialConferenceNotHeld':
      return firstRefusal(() => oneOf(e.reason, NOT_HELD_REASONS, 'reason'), () => closes(c, e, ['icpc']));
    case 'TransferInConferenceNotHeld':
      return firstRefusal(() => oneOf(e.reason, NOT_HELD_REASONS, 'reason'), () => closes(c, e, ['transfer-in-conference']));
    case 'TransferInNotified':
      return reference(e.fromAuthorityRef, 'fromAuthorityRef');
    case 'TransferInConferenceHeld':
      return firstRefusal(() => conference(e.outcome, e.category), () => closes(c, e, ['transfer-in-conference']));
    case 'ChildBorn':
      return firstRefusal(
        () => flag(e.motherMedicallyFit, 'motherMedicallyFit'),
        () => (c.planStartedOn !== undefined && isBefore(e.occurredOn, c.planStartedOn)
          ? outOfOrder('occurredOn', e.occurredOn, c.planStartedOn, 'the pre-birth conference')
          : undefined),
      );
    case 'CoreGroupHeld':
      return closes(c, e, ['core-group', 'post-birth-review']);
    case 'ReviewConferenceHeld':
      return firstRefusal(
        () => oneOf(e.decision, REVIEW_DECISIONS, 'decision'),
        () => (e.category === undefined ? undefined : oneOf(e.category, CP_CATEGORIES, 'category')),
        () => closes(c, e, e.decision === 'end-plan' ? undefined : ['rcpc', 'post-birth-review']),
      );
    case 'PlanEnded':
      return firstRefusal(() => oneOf(e.reason, PLAN_END_REASONS, 'reason'), () => closes(c, e, undefined));
    default: {
      const unhandled: never = e;
      return unhandled;
    }
  }
}

/**
 * Why the pathway would refuse this event whatever its state allows: a missing or invalid
 * field, or a date before what it follows. Every deadline an event closes must have been
 * triggered on or before the event's date, so a closing is never dated before its trigger.
 */
export function validateChildProtection(c: ChildProtectionContext, e: ChildProtectionEvent): Refusal | undefined {
  return firstRefusal(() => checkOccurrence(e, c.startedOn), () => fields(c, e));
}
