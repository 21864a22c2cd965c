import { REVIEW_DECISIONS } from '@workflows/child-protection';
import type { FieldError } from '../http/errors';
import { fieldOf, formSpec, occurredAtFrom, summaryOf, validatedBody, type FormSpec } from './forms';

/**
 * The review conference form in the shape its unit tests know (the first form the pages had);
 * it is one of the generic forms (`forms.ts`), and these delegate to them.
 */
export interface ReviewForm {
  readonly instanceId: string;
  readonly day: string;
  readonly month: string;
  readonly year: string;
  readonly decision: string;
  readonly key: string;
}

export const DECISIONS = REVIEW_DECISIONS;
const REVIEW = formSpec('case', 'review-conference') as FormSpec;

const valuesOf = (form: ReviewForm) => ({ day: form.day, month: form.month, year: form.year, time: '', key: form.key, fields: { instanceId: form.instanceId, decision: form.decision } });

/** The date typed in the GOV.UK date input as the api's instant (midday UTC of that date), or a field error. */
export function occurredAtOf(form: ReviewForm): string | FieldError {
  return occurredAtFrom(valuesOf(form), REVIEW.dateMissing);
}

/** The body the api's endpoint takes, validated by the very body class and pipe the JSON endpoint uses. */
export function validatedReviewBody(form: ReviewForm): Promise<{ body: object } | { errors: readonly FieldError[] }> {
  return validatedBody(REVIEW, valuesOf(form));
}

/** A field error as the GOV.UK error summary lists it (links to the field). */
export function summaryItem(error: FieldError): { text: string; href: string } {
  return summaryOf(REVIEW, error);
}

/** The form field a domain error's field belongs to (the case names the date it checks `occurredOn`). */
export function formFieldOf(field: unknown): string {
  return fieldOf(REVIEW, field);
}
