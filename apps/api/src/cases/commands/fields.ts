import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsObject, IsString, Matches, Max, MaxLength, Min, ValidateBy, ValidateIf, ValidateNested,
  buildMessage, isISO8601,
} from 'class-validator';
import { isLocalDate, type IsoInstant, type LocalDate } from '@workflows/shared';

/**
 * One field of a request body: its validation and its OpenAPI description
 * come from the same spec, so the document cannot drift from what is
 * enforced. `T` is the value's type once valid (checked against the command).
 */
export interface Field<T, Optional extends boolean = false> {
  readonly optional: Optional;
  readonly decorators: readonly PropertyDecorator[];
  readonly api: ApiPropertyOptions;
  /** Phantom: the field's type. */
  readonly type?: T;
}

const field = <T>(api: ApiPropertyOptions, ...decorators: PropertyDecorator[]): Field<T> => ({ optional: false, decorators, api });

/** A reference id (of a person, team, document or record): never a name or free text. */
export const REFERENCE = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}$/;
const REFERENCE_MESSAGE = 'must be a reference id: 1 to 128 letters, digits and . _ : / - (never a name or free text)';

export const ref = (description: string): Field<string> =>
  field({ type: String, description, pattern: REFERENCE.source, maxLength: 128, example: 'ref-123' }, IsString(), Matches(REFERENCE, { message: REFERENCE_MESSAGE }));

/** A short code (an SSDA903 or CIN census code, an agency code) matching `pattern`. */
export const code = (pattern: RegExp, description: string, example: string): Field<string> =>
  field({ type: String, description, pattern: pattern.source, example }, IsString(), Matches(pattern, { message: `must be a code matching ${pattern.source}` }));

const INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/** An ISO 8601 instant with a UTC offset (Z or ±hh:mm), naming a real day and time. */
export function isInstantWithOffset(value: unknown): value is IsoInstant {
  if (typeof value !== 'string') return false;
  const match = INSTANT.exec(value);
  if (!match || !isLocalDate(match[1])) return false;
  const [hours, minutes, seconds, offsetHours, offsetMinutes] = match.slice(2).map((part) => Number(part ?? 0));
  const inRange = (hours ?? 0) < 24 && (minutes ?? 0) < 60 && (seconds ?? 0) < 60 && (offsetHours ?? 0) <= 14 && (offsetMinutes ?? 0) < 60;
  return inRange && isISO8601(value, { strict: true, strictSeparator: true });
}

const IsInstant = (): PropertyDecorator =>
  ValidateBy({
    name: 'isInstant',
    validator: {
      validate: (value) => isInstantWithOffset(value),
      defaultMessage: buildMessage((prefix) => `${prefix}$property must be an ISO 8601 instant with an offset, e.g. 2026-03-02T10:00:00+00:00 or 2026-03-02T10:00Z`),
    },
  });

const IsLocalDate = (): PropertyDecorator =>
  ValidateBy({
    name: 'isLocalDate',
    validator: { validate: (value) => isLocalDate(value), defaultMessage: buildMessage((prefix) => `${prefix}$property must be a real date as YYYY-MM-DD`) },
  });

export const instant = (description: string): Field<IsoInstant> =>
  field({ type: String, format: 'date-time', description, example: '2026-03-02T10:00:00+00:00' }, IsString(), IsInstant());

export const localDate = (description: string): Field<LocalDate> =>
  field({ type: String, format: 'date', description, example: '2026-03-16' }, IsString(), IsLocalDate());

/** One value of a statutory code set (exported by the workflow). */
export const oneOf = <const V extends readonly (string | number)[]>(values: V, description: string): Field<V[number]> =>
  field({ enum: [...values], description }, IsIn([...values], { message: `must be one of: ${values.join(', ')}` }));

/** A list of distinct values of a code set. */
export const listOf = <const V extends readonly string[]>(values: V, description: string): Field<V[number][]> =>
  field(
    { enum: [...values], isArray: true, description },
    IsArray(),
    IsIn([...values], { each: true, message: `each must be one of: ${values.join(', ')}` }),
    ArrayUnique({ message: 'must not repeat a value' }),
    ArrayMaxSize(values.length),
  );

/** A list of distinct codes matching `pattern`. */
export const codeList = (pattern: RegExp, max: number, description: string): Field<string[]> =>
  field(
    { type: [String], description, maxItems: max },
    IsArray(),
    IsString({ each: true }),
    Matches(pattern, { each: true, message: `each must be a code matching ${pattern.source}` }),
    ArrayUnique({ message: 'must not repeat a value' }),
    ArrayMaxSize(max),
  );

export const bool = (description: string): Field<boolean> => field({ type: Boolean, description }, IsBoolean());

export const int = (min: number, max: number, description: string): Field<number> =>
  field({ type: 'integer', minimum: min, maximum: max, description }, IsInt(), Min(min), Max(max));

/** A nested object, itself a body class. */
export const nested = <T extends object>(cls: new () => T, description: string): Field<T> =>
  field({ type: () => cls, description }, IsObject({ message: 'must be an object' }), ValidateNested(), Type(() => cls));

/** A short free-text reason (access log); no control characters. */
export const note = (max: number, description: string): Field<string> =>
  field({ type: String, description, maxLength: max }, IsString(), MaxLength(max), Matches(/^[\p{L}\p{N}\p{P}\p{S} ]+$/u, { message: 'must be printable text on one line' }));

export const optional = <T>(spec: Field<T>): Field<T | undefined, true> => ({ ...spec, optional: true });

type Fields = Readonly<Record<string, Field<unknown, boolean>>>;
type ValueOf<F> = F extends Field<infer T, boolean> ? T : never;
type RequiredKeys<F extends Fields> = { [K in keyof F]: F[K] extends Field<unknown, true> ? never : K }[keyof F];
type OptionalKeys<F extends Fields> = Exclude<keyof F, RequiredKeys<F>>;

/** The instance type of a body class built from fields. */
export type BodyOf<F extends Fields> = { [K in RequiredKeys<F>]: ValueOf<F[K]> } & { [K in OptionalKeys<F>]?: Exclude<ValueOf<F[K]>, undefined> };

export type BodyClass<T> = new () => T;

/**
 * Optional fields may be left out, never sent as null.
 *
 * A request body class built from field specs: class-validator and
 * class-transformer decorators for the global ValidationPipe, and
 * @ApiProperty for the OpenAPI document. `name` is the schema's name.
 */
export function bodyClass<F extends Fields>(name: string, fields: F): BodyClass<BodyOf<F>> {
  const cls = { [name]: class {} }[name] as BodyClass<BodyOf<F>>;
  const specs: [string, Field<unknown, boolean>][] = Object.entries(fields as Fields);
  for (const [key, spec] of specs) {
    const decorators = spec.optional
      ? [ValidateIf((_object: unknown, value: unknown) => value !== undefined), ApiPropertyOptional(spec.api), ...spec.decorators]
      : [ApiProperty(spec.api), ...spec.decorators];
    for (const decorate of decorators) decorate(cls.prototype as object, key);
  }
  return cls;
}
