import { REVIEW_DECISIONS } from '@workflows/child-protection';
import { createValidationPipe } from '../http/validation';
import { RequestValidationError, type FieldError } from '../http/errors';
import { COMMAND_BODIES } from '../cases/commands/catalogue';

/** The review conference form's fields as typed (strings), echoed back when there are errors. */
export interface ReviewForm {
  readonly instanceId: string;
  readonly day: string;
  readonly month: string;
  readonly year: string;
  readonly decision: string;
  readonly key: string;
}

export const DECISIONS = REVIEW_DECISIONS;

export function reviewFormOf(body: Record<string, unknown>): ReviewForm {
  const text = (name: string) => (typeof body[name] === 'string' ? body[name].trim() : '');
  return { instanceId: text('instanceId'), day: text('occurredAt-day'), month: text('occurredAt-month'), year: text('occurredAt-year'), decision: text('decision'), key: text('idempotencyKey') };
}

/** The date typed in the GOV.UK date input as the api's instant (midday UTC of that date), or a field error. */
export function occurredAtOf(form: ReviewForm): string | FieldError {
  if (form.day === '' && form.month === '' && form.year === '') return { field: 'occurredAt', message: 'Enter the date the review conference was held' };
  if (!/^\d{1,2}$/.test(form.day) || !/^\d{1,2}$/.test(form.month) || !/^\d{4}$/.test(form.year)) return { field: 'occurredAt', message: 'The date must be a real date, for example 27 3 2026' };
  const iso = `${form.year}-${form.month.padStart(2, '0')}-${form.day.padStart(2, '0')}`;
  const date = new Date(`${iso}T12:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso) return { field: 'occurredAt', message: 'The date must be a real date, for example 27 3 2026' };
  return `${iso}T12:00:00+00:00`;
}

/**
 * The body the api's endpoint takes, validated by the very body class and
 * pipe the JSON endpoint uses, so the page shows the api's own messages.
 */
export async function validatedReviewBody(form: ReviewForm): Promise<{ body: object } | { errors: readonly FieldError[] }> {
  const occurredAt = occurredAtOf(form);
  const raw: Record<string, unknown> = { instanceId: form.instanceId, decision: form.decision === '' ? undefined : form.decision, occurredAt: typeof occurredAt === 'string' ? occurredAt : undefined };
  const dateErrors = typeof occurredAt === 'string' ? [] : [occurredAt];
  try {
    const body = (await createValidationPipe().transform(JSON.parse(JSON.stringify(raw)), { type: 'body', metatype: COMMAND_BODIES.RecordReviewConference })) as object;
    return dateErrors.length > 0 ? { errors: dateErrors } : { body };
  } catch (error) {
    if (!(error instanceof RequestValidationError)) throw error;
    return { errors: [...dateErrors, ...error.errors.filter((e) => !(e.field === 'occurredAt' && dateErrors.length > 0))] };
  }
}

/** A field error as the GOV.UK error summary lists it (links to the field). */
export function summaryItem(error: FieldError): { text: string; href: string } {
  const anchor = error.field === 'occurredAt' ? 'occurredAt-day' : error.field === 'decision' || error.field === 'instanceId' ? error.field : 'instanceId';
  return { text: `${labelOf(error.field)} ${error.message}`.trim(), href: `#${anchor}` };
}

function labelOf(field: string): string {
  return ({ decision: 'Decision:', instanceId: 'Plan:' } as Record<string, string>)[field] ?? '';
}

/** The form field a domain error's field belongs to (the case names the date it checks `occurredOn`). */
export function formFieldOf(field: unknown): string {
  if (field === 'occurredAt' || field === 'occurredOn') return 'occurredAt';
  return field === 'decision' ? 'decision' : 'instanceId';
}
