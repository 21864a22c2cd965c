import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { RequestValidationError, type FieldError } from './errors';

/**
 * The global pipe: DTOs are whitelisted (unknown fields are refused, not
 * dropped), transformed to their classes, and every failure becomes one
 * field-named entry of a 400 problem.
 */
export function createValidationPipe(): ValidationPipe {
  return new StrictValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new RequestValidationError(fieldErrors(errors)),
  });
}

/** Flattens class-validator's tree: `attendance[0].role`, messages without the property name. */
export function fieldErrors(errors: readonly ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent === '' ? error.property : /^\d+$/.test(error.property) ? `${parent}[${error.property}]` : `${parent}.${error.property}`;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({ field, message: messageOf(rule, message, error.property) }));
    return [...own, ...fieldErrors(error.children ?? [], field)];
  });
}

function messageOf(rule: string, message: string, property: string): string {
  if (rule === 'whitelistValidation') return 'is not an accepted field';
  return message.startsWith(`${property} `) ? message.slice(property.length + 1) : message;
}

/** Keys that reach for an object's prototype: never a field of ours, refused wherever they appear. */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The ValidationPipe, refusing first the keys class-validator's whitelist
 * cannot see (`constructor` and `__proto__` name members every object has).
 */
class StrictValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const reserved = reservedKeyPaths(value, '');
    if (reserved.length > 0) throw new RequestValidationError(reserved.map((field) => ({ field, message: 'is not an accepted field' })));
    return super.transform(value, metadata) as Promise<unknown>;
  }
}

function reservedKeyPaths(value: unknown, parent: string): string[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.keys(value).flatMap((key) => {
    const field = Array.isArray(value) ? `${parent}[${key}]` : parent === '' ? key : `${parent}.${key}`;
    const own = RESERVED_KEYS.has(key) ? [field] : [];
    return [...own, ...reservedKeyPaths((value as Record<string, unknown>)[key], field)];
  });
}
