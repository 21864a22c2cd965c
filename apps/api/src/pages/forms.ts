import { londonWallTimeToInstant } from '@csc/calendar';
import { REVIEW_DECISIONS } from '@workflows/child-protection';
import { ALLEGATION_OUTCOMES } from '@workflows/lado-allegation';
import { EARLY_REVIEW_REASONS, PARTICIPATION_CODES, REVIEW_TIMINGS } from '@workflows/looked-after';
import { INTERVIEWER_ROLES, PULL_FACTORS, PUSH_FACTORS, RISKS } from '@workflows/missing-episode';
import { ALLEGATION_COMMAND_BODIES } from '../allegations/catalogue';
import { COMMAND_BODIES } from '../cases/commands/catalogue';
import { RequestValidationError, type FieldError } from '../http/errors';
import { createValidationPipe } from '../http/validation';

/**
 * The forms that record the common events. Each posts through the same command path as the
 * api (CommandRunner / AllegationRunner), and its body is validated by the very body class and
 * pipe the JSON endpoint uses, so the page shows the api's own messages (GOV.UK error summary).
 */
export interface Choice {
  readonly value: string;
  readonly text: string;
  readonly hint?: string;
}

export type FieldSpec =
  | { readonly kind: 'instance'; readonly name: 'instanceId'; readonly label: string; readonly hint: string }
  | { readonly kind: 'text'; readonly name: string; readonly label: string; readonly hint?: string; readonly optional?: boolean; readonly defaultToIro?: boolean }
  | { readonly kind: 'radios'; readonly name: string; readonly label: string; readonly hint?: string; readonly choices: readonly Choice[]; readonly optional?: boolean }
  | { readonly kind: 'checkboxes'; readonly name: string; readonly label: string; readonly hint?: string; readonly choices: readonly Choice[] };

export interface FormSpec {
  /** The page's path segment: /app/cases/:caseId/record/<slug> or /app/lado/:allegationId/record/<slug>. */
  readonly slug: string;
  readonly target: 'case' | 'allegation';
  readonly command: string;
  /** "Record a review conference". */
  readonly title: string;
  /** The submit button. */
  readonly button: string;
  /** The success banner: "Review conference recorded". */
  readonly done: string;
  /** The date question, and the message when it is left empty. */
  readonly dateLegend: string;
  readonly dateMissing: string;
  /** Ask for a time too (London): clocks in hours (72 h return interviews) need it. */
  readonly withTime: boolean;
  readonly fields: readonly FieldSpec[];
}

const words = (value: string): string => {
  const text = value.replace(/-/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
};
const choices = (values: readonly string[], texts: Readonly<Record<string, string>> = {}): Choice[] => values.map((value) => ({ value, text: texts[value] ?? words(value) }));

const PARTICIPATION_TEXT: Record<string, string> = {
  PN0: 'PN0: child under 4 at the time of the review',
  PN1: 'PN1: child physically attended and spoke for themselves',
  PN2: 'PN2: child physically attended and an advocate spoke for them',
  PN3: 'PN3: child attended and conveyed their view symbolically',
  PN4: 'PN4: child physically attended but did not speak for themselves or convey their views',
  PN5: 'PN5: child did not attend but briefed an advocate to speak for them',
  PN6: 'PN6: child did not attend but conveyed their feelings by a facilitative medium',
  PN7: 'PN7: child did not attend or contribute to the review',
};

export const FORMS: readonly FormSpec[] = [
  {
    slug: 'review-conference', target: 'case', command: 'RecordReviewConference', title: 'Record a review conference', button: 'Record the review conference',
    done: 'Review conference recorded', dateLegend: 'When was the conference held?', dateMissing: 'Enter the date the review conference was held', withTime: false,
    fields: [
      { kind: 'instance', name: 'instanceId', label: 'Child protection plan', hint: "The plan's instance, for example cp-1" },
      { kind: 'radios', name: 'decision', label: 'What did the conference decide?', choices: choices(REVIEW_DECISIONS, { 'continue-plan': 'Continue the plan', 'end-plan': 'End the plan' }) },
    ],
  },
  {
    slug: 'lac-review', target: 'case', command: 'RecordLacReview', title: 'Record a looked-after child review', button: 'Record the review',
    done: 'Looked-after child review recorded', dateLegend: 'When was the review held?', dateMissing: 'Enter the date the review was held', withTime: false,
    fields: [
      { kind: 'instance', name: 'instanceId', label: 'Period of care', hint: "The period's instance, for example lac-1" },
      { kind: 'text', name: 'iroRef', label: 'IRO who chaired the review', hint: 'Their reference, for example iro-01', defaultToIro: true },
      { kind: 'radios', name: 'timing', label: 'Was the review scheduled or early?', choices: choices(REVIEW_TIMINGS, { scheduled: 'Scheduled', early: 'Early', 'before-significant-change': 'Before a significant change' }) },
      { kind: 'radios', name: 'earlyReason', label: 'If early, why? (regulation 33(3))', optional: true, choices: choices(EARLY_REVIEW_REASONS, { 'iro-request': 'The IRO asked for it' }) },
      { kind: 'radios', name: 'participation', label: "How did the child take part? (SSDA903 code)", choices: choices(PARTICIPATION_CODES, PARTICIPATION_TEXT) },
    ],
  },
  {
    slug: 'return-interview-offered', target: 'case', command: 'OfferReturnInterview', title: 'Record a return home interview offered', button: 'Record the offer',
    done: 'Return home interview offer recorded', dateLegend: 'When was the interview offered?', dateMissing: 'Enter the date the interview was offered', withTime: true,
    fields: [
      { kind: 'instance', name: 'instanceId', label: 'Missing episode', hint: "The episode's instance, for example mis-1" },
      { kind: 'radios', name: 'interviewerRole', label: 'Who will carry out the interview?', choices: choices(INTERVIEWER_ROLES, { iro: 'An IRO', 'independent-worker': 'An independent worker' }) },
      { kind: 'text', name: 'interviewerRef', label: 'Interviewer', hint: 'Their reference, for example rhi-worker-2', defaultToIro: true },
    ],
  },
  {
    slug: 'return-interview', target: 'case', command: 'RecordReturnInterview', title: 'Record a return home interview completed', button: 'Record the interview',
    done: 'Return home interview recorded', dateLegend: 'When did the interview take place?', dateMissing: 'Enter the date the interview took place', withTime: true,
    fields: [
      { kind: 'instance', name: 'instanceId', label: 'Missing episode', hint: "The episode's instance, for example mis-1" },
      { kind: 'radios', name: 'interviewerRole', label: 'Who carried out the interview?', choices: choices(INTERVIEWER_ROLES, { iro: 'An IRO', 'independent-worker': 'An independent worker' }) },
      { kind: 'text', name: 'interviewerRef', label: 'Interviewer', hint: 'Their reference, for example rhi-worker-2', defaultToIro: true },
      { kind: 'checkboxes', name: 'pushFactors', label: 'What drove the child away?', hint: 'Select all that apply', choices: choices(PUSH_FACTORS) },
      { kind: 'checkboxes', name: 'pullFactors', label: 'What drew the child away?', hint: 'Select all that apply', choices: choices(PULL_FACTORS) },
      { kind: 'checkboxes', name: 'risks', label: 'Risks identified', hint: 'Select all that apply', choices: choices(RISKS) },
    ],
  },
  {
    slug: 'outcome', target: 'allegation', command: 'RecordAllegationOutcome', title: 'Record the outcome of an allegation', button: 'Record the outcome',
    done: 'Outcome recorded', dateLegend: 'When was the outcome decided?', dateMissing: 'Enter the date the outcome was decided', withTime: false,
    fields: [
      { kind: 'radios', name: 'outcome', label: 'What was the outcome? (Keeping children safe in education, part four)', choices: choices(ALLEGATION_OUTCOMES) },
    ],
  },
];

export function formSpec(target: FormSpec['target'], slug: string): FormSpec | undefined {
  return FORMS.find((f) => f.target === target && f.slug === slug);
}

/** The forms offered for a pathway instance whose allowed commands are `allowed`. */
export function formsFor(target: FormSpec['target'], allowed: readonly string[]): FormSpec[] {
  return FORMS.filter((f) => f.target === target && allowed.includes(f.command));
}

/** The form as typed (strings; lists for checkboxes), echoed back when there are errors. */
export interface FormValues {
  readonly day: string;
  readonly month: string;
  readonly year: string;
  readonly time: string;
  readonly key: string;
  readonly fields: Readonly<Record<string, string | readonly string[]>>;
}

export function valuesOf(spec: FormSpec, body: Record<string, unknown>): FormValues {
  const text = (name: string) => (typeof body[name] === 'string' ? body[name].trim() : '');
  const list = (name: string): string[] => {
    const raw = body[name];
    return (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter((v): v is string => typeof v === 'string' && v !== '');
  };
  const fields: Record<string, string | string[]> = {};
  for (const field of spec.fields) fields[field.name] = field.kind === 'checkboxes' ? list(field.name) : text(field.name);
  return { day: text('occurredAt-day'), month: text('occurredAt-month'), year: text('occurredAt-year'), time: text('occurredAt-time'), key: text('idempotencyKey'), fields };
}

/** An empty form: the instance prefilled from the link, and an IRO's own reference where the IRO is usually who is named. */
export function blankValues(spec: FormSpec, prefill: { instanceId?: string; iroRef?: string }): FormValues {
  const fields: Record<string, string | string[]> = {};
  for (const field of spec.fields) {
    fields[field.name] = field.kind === 'checkboxes' ? [] : field.kind === 'instance' ? (prefill.instanceId ?? '') : field.kind === 'text' && field.defaultToIro ? (prefill.iroRef ?? '') : '';
  }
  return { day: '', month: '', year: '', time: '', key: crypto.randomUUID(), fields };
}

const REAL_DATE = 'The date must be a real date, for example 27 3 2026';

/**
 * The date (and time) typed as the api's instant: with a time, that London wall time; without,
 * midday UTC of the date (always the same London date). Or a field error naming `occurredAt`.
 */
export function occurredAtFrom(values: Pick<FormValues, 'day' | 'month' | 'year' | 'time'>, missing: string): string | FieldError {
  if (values.day === '' && values.month === '' && values.year === '') return { field: 'occurredAt', message: missing };
  if (!/^\d{1,2}$/.test(values.day) || !/^\d{1,2}$/.test(values.month) || !/^\d{4}$/.test(values.year)) return { field: 'occurredAt', message: REAL_DATE };
  const iso = `${values.year}-${values.month.padStart(2, '0')}-${values.day.padStart(2, '0')}`;
  const date = new Date(`${iso}T12:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso) return { field: 'occurredAt', message: REAL_DATE };
  if (values.time === '') return `${iso}T12:00:00+00:00`;
  const time = /^(\d{1,2})[:.](\d{2})$/.exec(values.time);
  if (time === null || Number(time[1]) > 23 || Number(time[2]) > 59) return { field: 'occurredAt', message: 'Enter the time as hours and minutes on the 24-hour clock, for example 14:30' };
  return londonWallTimeToInstant(`${iso}T${(time[1] as string).padStart(2, '0')}:${time[2] as string}`, 'occurredAt');
}

/** The JSON body the api's endpoint takes, validated by the api's body class; or every field error. */
export async function validatedBody(spec: FormSpec, values: FormValues): Promise<{ body: object } | { errors: readonly FieldError[] }> {
  const occurredAt = occurredAtFrom(values, spec.dateMissing);
  const raw: Record<string, unknown> = { occurredAt: typeof occurredAt === 'string' ? occurredAt : undefined };
  for (const field of spec.fields) {
    const value = values.fields[field.name];
    raw[field.name] = field.kind === 'checkboxes' ? value : value === '' ? undefined : value;
  }
  const dateErrors = typeof occurredAt === 'string' ? [] : [occurredAt];
  const metatype = spec.target === 'case' ? (COMMAND_BODIES as Record<string, unknown>)[spec.command] : (ALLEGATION_COMMAND_BODIES as Record<string, unknown>)[spec.command];
  try {
    const body = (await createValidationPipe().transform(JSON.parse(JSON.stringify(raw)), { type: 'body', metatype: metatype as never })) as object;
    return dateErrors.length > 0 ? { errors: dateErrors } : { body };
  } catch (error) {
    if (!(error instanceof RequestValidationError)) throw error;
    return { errors: [...dateErrors, ...error.errors.filter((e) => !(e.field === 'occurredAt' && dateErrors.length > 0))] };
  }
}

/** The form field an api or domain error belongs to (the case names the date it checks `occurredOn`). */
export function fieldOf(spec: FormSpec, field: unknown): string {
  if (field === 'occurredAt' || field === 'occurredOn') return 'occurredAt';
  const name = typeof field === 'string' ? field.split('.')[0] : undefined;
  return spec.fields.find((f) => f.name === name)?.name ?? spec.fields[0]?.name ?? 'occurredAt';
}

/** A field error as the GOV.UK error summary lists it: the field's short label, linked to the field. */
export function summaryOf(spec: FormSpec, error: FieldError): { text: string; href: string } {
  const name = fieldOf(spec, error.field);
  if (name === 'occurredAt') return { text: error.message, href: '#occurredAt-day' };
  const field = spec.fields.find((f) => f.name === name);
  const label = field === undefined ? '' : shortLabel(field);
  // Radios and checkboxes: their first input has the field's name as id (GOV.UK idPrefix).
  return { text: `${label}${error.message}`.trim(), href: `#${name}` };
}

function shortLabel(field: FieldSpec): string {
  if (field.name === 'decision') return 'Decision: ';
  if (field.kind === 'instance') return `${field.label.replace(/^Child protection plan$/, 'Plan')}: `;
  return `${words(field.name.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase())}: `;
}
