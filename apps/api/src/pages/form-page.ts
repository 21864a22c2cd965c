import type { Request, Response } from 'express';
import type { Principal } from '@csc/auth';
import type { FieldError } from '../http/errors';
import type { AuthenticatedRequest } from '../http/principal';
import { fieldOf, summaryOf, type FieldSpec, type FormSpec, type FormValues } from './forms';
import { nav } from './nav';
import { renderPage } from './render';
import { csrfTokenFor } from './session';

/** A field as the template draws it: its value as typed, its choices ticked, its error. */
function fieldView(field: FieldSpec, values: FormValues, errors: Readonly<Record<string, string>>) {
  const value = values.fields[field.name] ?? '';
  const chosen = new Set(Array.isArray(value) ? value : [value]);
  return {
    ...field,
    value: Array.isArray(value) ? '' : value,
    items: 'choices' in field ? field.choices.map((c) => ({ value: c.value, text: c.text, ...(c.hint ? { hint: { text: c.hint } } : {}), checked: chosen.has(c.value) })) : [],
    error: errors[field.name] === undefined ? false : { text: errors[field.name] },
  };
}

export interface FormPage {
  readonly spec: FormSpec;
  /** Where the form posts (and where it is shown). */
  readonly action: string;
  /** "Case c-1" above the heading, and the link back. */
  readonly caption: string;
  readonly back: string;
  /** "Back to case c-1". */
  readonly backText: string;
  readonly user: Principal;
  readonly values: FormValues;
  readonly errors?: readonly FieldError[];
}

/** Renders a recording form, with the GOV.UK error summary when there are errors. */
export function renderForm(request: Request, response: Response, page: FormPage, status = 200): void {
  const errors = page.errors ?? [];
  const byField: Record<string, string> = {};
  for (const e of errors) {
    const name = fieldOf(page.spec, e.field);
    byField[name] = byField[name] === undefined ? e.message : `${byField[name]}. ${e.message}`;
  }
  renderPage(response, 'record.njk', {
    title: `${errors.length > 0 ? 'Error: ' : ''}${page.spec.title}`, nav: nav(page.user, ''), user: page.user, csrf: csrfTokenFor(request, response),
    spec: page.spec, action: page.action, caption: page.caption, back: page.back, backText: page.backText, values: page.values,
    fields: page.spec.fields.map((f) => fieldView(f, page.values, byField)),
    dateError: byField.occurredAt === undefined ? false : { text: byField.occurredAt },
    errors: errors.length > 0 ? errors.map((e) => summaryOf(page.spec, e)) : undefined,
  }, status);
}

/** The case's refusals a form shows in its error summary (anything else: forbidden, not found, store down, is the error page's). */
const FORM_REFUSALS = new Set(['INVALID_FIELD', 'NOT_ALLOWED_IN_STATE', 'OUT_OF_ORDER', 'UNKNOWN_INSTANCE', 'INSTANCE_STILL_ACTIVE', 'VALIDATION_FAILED']);

export function formErrorOf(spec: FormSpec, error: unknown): { errors: FieldError[]; status: number } | undefined {
  const domain = error as { code?: unknown; field?: unknown; message?: string } | null;
  if (typeof domain?.code !== 'string' || !FORM_REFUSALS.has(domain.code)) return undefined;
  return { errors: [{ field: fieldOf(spec, domain.field), message: domain.message ?? domain.code }], status: domain.code === 'NOT_ALLOWED_IN_STATE' || domain.code === 'INSTANCE_STILL_ACTIVE' ? 409 : 400 };
}

/**
 * The request the command runners read: the page user as principal, the form's idempotency
 * key (one per form shown, so a double submit records once) and the request id.
 */
export function commandRequest(user: Principal, request: Request, key: string): AuthenticatedRequest {
  const idempotencyKey = /^[\x21-\x7e]{1,200}$/.test(key) ? key : crypto.randomUUID();
  return Object.assign(Object.create(request) as AuthenticatedRequest, {
    principal: user,
    header: (name: string) => (name.toLowerCase() === 'idempotency-key' ? idempotencyKey : undefined),
  });
}
