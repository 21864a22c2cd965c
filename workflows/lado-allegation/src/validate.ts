import {
  checkOccurrence, codeList, firstRefusal, flag, invalidField, notBeforeOpen, oneOf, reference, referenceList, type Refusal,
} from '@workflows/shared';
import { RESOLUTION_SERIES, unconcluded, type LadoContext, type LadoSeries } from './context';
import {
  ALLEGATION_CATEGORIES, ALLEGATION_OUTCOMES, ASV_AGENCIES, ASV_MEETING_KINDS, CONSIDERATION_DECISIONS, CONSIDERATION_ROUTES,
  CPS_DECISIONS, EMPLOYER_ACTIONS, INVESTIGATION_KINDS, REFERRER_TYPES, WORK_SETTINGS,
  type AllegationSubject, type InitialConsiderationHeld, type InvestigationStarted, type LadoEvent,
} from './events';

function subject(s: AllegationSubject | undefined): Refusal | undefined {
  if (s === undefined || s === null || typeof s !== 'object') return invalidField('subject', 'adultRef, employerRef, childRefs, category and setting');
  return firstRefusal(
    () => reference(s.adultRef, 'subject.adultRef'),
    () => reference(s.employerRef, 'subject.employerRef'),
    () => referenceList(s.childRefs, 'subject.childRefs'),
    () => oneOf(s.category, ALLEGATION_CATEGORIES, 'subject.category'),
    () => oneOf(s.setting, WORK_SETTINGS, 'subject.setting'),
  );
}

function consideration(e: InitialConsiderationHeld): Refusal | undefined {
  return firstRefusal(
    () => oneOf(e.decision, CONSIDERATION_DECISIONS, 'decision'),
    () => reference(e.ladoRef, 'ladoRef'),
    () => (e.decision === 'threshold-met' ? oneOf(e.route, CONSIDERATION_ROUTES, 'route') : undefined),
    () => (e.decision === 'below-threshold' && e.route !== undefined ? invalidField('route', 'no route for a consultation below the threshold') : undefined),
  );
}

function investigationStart(c: LadoContext, e: InvestigationStarted): Refusal | undefined {
  return firstRefusal(
    () => oneOf(e.kind, INVESTIGATION_KINDS, 'kind'),
    () => (c.investigations[e.kind] === undefined ? undefined : invalidField('kind', `an investigation not already started (the ${e.kind} one was)`)),
    () => (e.kind === 'employer-disciplinary' ? flag(e.hearingWithoutFurtherInvestigation, 'hearingWithoutFurtherInvestigation') : undefined),
  );
}

const policeIs = (c: LadoContext, status: 'running' | 'awaiting-cps', what: string): Refusal | undefined =>
  c.investigations.police === status ? undefined : invalidField('type', `an event for a police investigation ${what} (${c.investigations.police ?? 'none was started'})`);

const closes = (c: LadoContext, e: LadoEvent, series: readonly LadoSeries[] | undefined) => notBeforeOpen(c.ledger, e.occurredOn, series);

function fields(c: LadoContext, e: LadoEvent): Refusal | undefined {
  switch (e.type) {
    case 'AllegationKnownToEmployer':
      return subject(e.subject);
    case 'ReferredToLado':
      return firstRefusal(
        () => oneOf(e.referrerType, REFERRER_TYPES, 'referrerType'),
        () => (e.subject !== undefined || c.subject === undefined ? subject(e.subject) : undefined),
        () => closes(c, e, ['lado-notification']),
      );
    case 'InitialConsiderationHeld':
      return firstRefusal(() => consideration(e), () => closes(c, e, RESOLUTION_SERIES));
    case 'AsvMeetingHeld':
      return firstRefusal(
        () => oneOf(e.kind, ASV_MEETING_KINDS, 'kind'),
        () => codeList(e.agencies, ASV_AGENCIES, 'agencies', true),
        () => (e.kind === 'review' && c.asvMeetings === 0 ? invalidField('kind', "'initial': no ASV meeting has been held yet") : undefined),
      );
    case 'InvestigationStarted':
      return investigationStart(c, e);
    case 'ReferredToCps':
      return policeIs(c, 'running', 'in progress');
    case 'CpsDecisionMade':
      return firstRefusal(() => oneOf(e.decision, CPS_DECISIONS, 'decision'), () => policeIs(c, 'awaiting-cps', 'awaiting a CPS decision'));
    case 'InvestigationConcluded':
      return firstRefusal(
        () => oneOf(e.kind, INVESTIGATION_KINDS, 'kind'),
        () => (c.investigations[e.kind] === 'running' ? undefined : invalidField('kind', `an investigation in progress (${e.kind}: ${c.investigations[e.kind] ?? 'not started'})`)),
        () => closes(c, e, ['disciplinary-hearing']),
      );
    case 'ActionTaken':
      return firstRefusal(() => oneOf(e.action, EMPLOYER_ACTIONS, 'action'), () => closes(c, e, ['employer-action']));
    case 'OutcomeRecorded':
      return firstRefusal(() => oneOf(e.outcome, ALLEGATION_OUTCOMES, 'outcome'), () => closes(c, e, [...RESOLUTION_SERIES, 'early-resolution']));
    case 'AllegationClosed': {
      const running = unconcluded(c);
      return firstRefusal(
        () => (running.length === 0 ? undefined : invalidField('type', `an allegation whose investigations have concluded (still open: ${running.join(', ')})`)),
        () => closes(c, e, undefined),
      );
    }
    default: {
      const unhandled: never = e;
      return unhandled;
    }
  }
}

/** Why the allegation would refuse this event: a missing or invalid field, or a date out of order. */
export function validateLado(c: LadoContext, e: LadoEvent): Refusal | undefined {
  return firstRefusal(() => checkOccurrence(e, c.startedOn), () => fields(c, e));
}
