import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { RequestValidationError, type FieldError } from './errors';

/**
 * The global pipe: DTOs are whitelisted (unknown fields are refused, not
 * dropped), transformed to their classes, and every failure becomes one
 * field-named entry of a 400 problem.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
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
