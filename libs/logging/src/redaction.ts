/**
 * Field names that could carry personal data about a child, a family member or
 * an adult subject of an allegation. Events hold references, not names, but
 * request bodies, errors and third-party payloads can still carry them, so the
 * logger censors these keys wherever they appear near the top of a log line.
 */
export const PERSONAL_KEYS = [
  'name',
  'firstName',
  'lastName',
  'surname',
  'fullName',
  'givenName',
  'familyName',
  'dateOfBirth',
  'dob',
  'birthDate',
  'address',
  'postcode',
  'email',
  'phone',
  'telephone',
  'nhsNumber',
  'upn',
  'notes',
  'note',
  'rationale',
  'reason',
  'description',
  'freeText',
  'summary',
] as const;

const SECRET_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["idempotency-key"]',
  'res.headers["set-cookie"]',
  'req.body',
  'body',
  'data',
  'password',
  'token',
];

/** pino `redact.paths`: secrets anywhere we know of, personal keys at depth 0 to 3. */
export function redactionPaths(): string[] {
  const personal = PERSONAL_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`, `*.*.*.${key}`]);
  return [...SECRET_PATHS, ...personal];
}

export const REDACTED = '[redacted]';
