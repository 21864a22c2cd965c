import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { mintDevToken } from '@csc/auth';
import { at, attendance, type CaseApi } from './case-api';

/** One bad request and the answer it must get. */
export interface BadRequest {
  readonly name: string;
  readonly method?: 'get' | 'post' | 'put';
  readonly path: string;
  readonly token: keyof Tokens | null;
  readonly body?: unknown;
  /** Raw body text with its content type (malformed or non-JSON bodies). */
  readonly raw?: { readonly type: string; readonly text: string };
  readonly headers?: Readonly<Record<string, string>>;
  /** Send no Idempotency-Key (commands get a fresh one otherwise). */
  readonly noIdempotencyKey?: boolean;
  readonly status: number;
  readonly code: string;
  /** A field the problem's errors must name. */
  readonly field?: string;
}

export type Tokens = Awaited<ReturnType<typeof mintTokens>>;

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Tokens good and bad. Team A's child is allocated to iro-1; team B is another team. */
export async function mintTokens(api: CaseApi) {
  const now = Math.floor(Date.now() / 1000);
  const claims = { iss: 'urn:csc:dev', aud: api.audience, sub: 'sw-1', roles: ['recorder'], teams: ['team-a'], iat: now, exp: now + 600 };
  const forgedKey = await generateKeyPair('ES256');
  const recorder = await api.token('recorder', 'sw-1', ['team-a']);
  const [header, , signature] = recorder.split('.');
  return {
    recorder,
    recorderB: await api.token('recorder', 'sw-9', ['team-b']),
    managerA: await api.token('team-manager', 'tm-1', ['team-a']),
    managerB: await api.token('team-manager', 'tm-9', ['team-b']),
    iro: await api.token('iro', 'iro-1', []),
    otherIro: await api.token('iro', 'iro-2', []),
    lado: await api.token('lado', 'lado-1', []),
    auditor: await api.token('auditor', 'qa-1', []),
    admin: await api.token('admin', 'ops-1', []),
    noRole: await mintDevToken(api.key, { userId: 'sw-2', roles: [], teams: ['team-a'], ttlSeconds: 600, audience: api.audience, now: new Date() }),
    expired: await mintDevToken(api.key, { userId: 'sw-1', roles: ['recorder'], teams: ['team-a'], ttlSeconds: 60, audience: api.audience, now: new Date(Date.now() - 3_600_000) }),
    wrongAudience: await mintDevToken(api.key, { userId: 'sw-1', roles: ['recorder'], teams: ['team-a'], ttlSeconds: 600, audience: 'someone-else', now: new Date() }),
    algNone: `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`,
    hs256: await new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(new TextEncoder().encode(JSON.stringify(api.key.publicJwks))),
    forged: await new SignJWT(claims).setProtectedHeader({ alg: 'ES256', typ: 'JWT', kid: api.key.privateJwk.kid ?? 'k' }).sign(forgedKey.privateKey),
    tampered: `${header}.${b64({ ...claims, roles: ['team-manager'], teams: ['team-a', 'team-b'] })}.${signature}`,
    forgedJwkInHeader: await new SignJWT(claims).setProtectedHeader({ alg: 'ES256', typ: 'JWT', jwk: await exportJWK(forgedKey.publicKey) }).sign(forgedKey.privateKey),
  };
}

const strategy = { occurredAt: at('2025-03-04'), attendance, decision: 'section-47', rationaleRef: 'doc-2', initiatesS47: true };
const reconvene = { ...strategy, instanceId: 'cp-1', decision: 'reconvene', initiatesS47: false };
const icpc = { instanceId: 'cp-1', occurredAt: at('2025-03-20'), outcome: 'plan', category: 'neglect', preBirth: false };
const care = { occurredAt: at('2025-03-05'), legalStatus: 'V2', placement: { placementRef: 'pl-1', placementType: 'U4', visitRegime: 'standard' } };
const interview = { instanceId: 'mis-1', occurredAt: at('2025-03-05'), interviewerRole: 'iro', interviewerRef: 'iro-1', pushFactors: [], pullFactors: [], risks: [] };
const patch = (body: object, change: object) => ({ ...body, ...change });
const without = (body: object, key: string) => Object.fromEntries(Object.entries(body).filter(([name]) => name !== key));

const A = '/cases/child-a';
const ALG = '/allegations/alg-a';
const cmd = (name: string) => `${A}/commands/${name}`;
const SD = cmd('record-strategy-discussion');
const IC = cmd('record-initial-conference');

const auth = (name: string, token: keyof Tokens | null, code: string, status: number, path = SD, method: BadRequest['method'] = 'post'): BadRequest => ({
  name, token, path, method, body: method === 'post' ? reconvene : undefined, status, code,
});
const field = (name: string, path: string, body: unknown, fieldName: string, code = 'VALIDATION_FAILED', status = 400): BadRequest => ({ name, token: 'recorder', path, body, field: fieldName, status, code });

export const BAD_REQUESTS: readonly BadRequest[] = [
  // Authentication: 401 whatever the request.
  auth('no Authorization header', null, 'UNAUTHENTICATED', 401),
  { ...auth('a Basic credential', null, 'UNAUTHENTICATED', 401), headers: { Authorization: 'Basic c3ctMTpwYXNz' } },
  { ...auth('a bearer that is not a JWT', null, 'UNAUTHENTICATED', 401), headers: { Authorization: 'Bearer not-a-token' } },
  auth('an alg: none token', 'algNone', 'UNAUTHENTICATED', 401),
  auth('an alg: none token on a query', 'algNone', 'UNAUTHENTICATED', 401, A, 'get'),
  auth('an HS256 token keyed with the public key', 'hs256', 'UNAUTHENTICATED', 401),
  auth('a token signed by another key with the real kid', 'forged', 'UNAUTHENTICATED', 401),
  auth('a token carrying its own jwk', 'forgedJwkInHeader', 'UNAUTHENTICATED', 401),
  auth('a token whose claims were edited', 'tampered', 'UNAUTHENTICATED', 401),
  auth('an expired token', 'expired', 'UNAUTHENTICATED', 401),
  auth('an expired token on the history', 'expired', 'UNAUTHENTICATED', 401, `${A}/history`, 'get'),
  auth('a token for another audience', 'wrongAudience', 'UNAUTHENTICATED', 401),
  // Authorisation: 403, naming the rule.
  auth('a token granting no engine role', 'noRole', 'FORBIDDEN', 403),
  auth("another team's recorder recording", 'recorderB', 'FORBIDDEN', 403),
  auth("another team's recorder reading the case", 'recorderB', 'FORBIDDEN', 403, A, 'get'),
  auth("another team's recorder reading the history", 'recorderB', 'FORBIDDEN', 403, `${A}/history`, 'get'),
  auth("another team's recorder reading the deadlines", 'recorderB', 'FORBIDDEN', 403, `${A}/deadlines`, 'get'),
  auth("another team's manager recording", 'managerB', 'FORBIDDEN', 403),
  { ...auth("another team's manager allocating an IRO", 'managerB', 'FORBIDDEN', 403, cmd('allocate-iro')), body: { occurredAt: at('2025-03-04'), iroRef: 'iro-9' } },
  auth('an IRO the child is not allocated to, recording', 'otherIro', 'FORBIDDEN', 403),
  auth('an IRO the child is not allocated to, reading', 'otherIro', 'FORBIDDEN', 403, A, 'get'),
  { ...auth('the allocated IRO allocating an IRO (a manager command)', 'iro', 'FORBIDDEN', 403, cmd('allocate-iro')), body: { occurredAt: at('2025-03-04'), iroRef: 'iro-9' } },
  { ...auth('the allocated IRO opening a case', 'iro', 'FORBIDDEN', 403, '/cases/child-new/commands/open-case'), body: { occurredAt: at('2025-03-04'), teamRef: 'team-a' } },
  { ...auth('a recorder changing the team (a manager command)', 'recorder', 'FORBIDDEN', 403, cmd('change-team')), body: { occurredAt: at('2025-03-04'), teamRef: 'team-b' } },
  { ...auth("a recorder opening a case for another team", 'recorder', 'FORBIDDEN', 403, '/cases/child-new/commands/open-case'), body: { occurredAt: at('2025-03-04'), teamRef: 'team-b' } },
  auth('an auditor recording', 'auditor', 'FORBIDDEN', 403),
  auth('an admin reading a case', 'admin', 'FORBIDDEN', 403, A, 'get'),
  auth('an admin recording', 'admin', 'FORBIDDEN', 403),
  auth("the LADO reading a child's case", 'lado', 'FORBIDDEN', 403, A, 'get'),
  auth("the LADO recording on a child's case", 'lado', 'FORBIDDEN', 403),
  auth('a recorder reading the access log', 'recorder', 'FORBIDDEN', 403, `${A}/access-log`, 'get'),
  auth('the allocated IRO reading the access log', 'iro', 'FORBIDDEN', 403, `${A}/access-log`, 'get'),
  // LADO allegations: the LADO role alone.
  auth('an IRO reading an allegation', 'iro', 'FORBIDDEN', 403, ALG, 'get'),
  auth("an IRO reading an allegation's history", 'iro', 'FORBIDDEN', 403, `${ALG}/history`, 'get'),
  auth('an auditor reading an allegation', 'auditor', 'FORBIDDEN', 403, ALG, 'get'),
  auth("an auditor reading an allegation's access log", 'auditor', 'FORBIDDEN', 403, `${ALG}/access-log`, 'get'),
  auth("a manager reading an allegation's deadlines", 'managerA', 'FORBIDDEN', 403, `${ALG}/deadlines`, 'get'),
  { ...auth('an IRO recording on an allegation', 'iro', 'FORBIDDEN', 403, `${ALG}/commands/record-cps-decision`), body: { occurredAt: at('2025-03-05'), decision: 'charge' } },
  { ...auth('a recorder recording on an allegation', 'recorder', 'FORBIDDEN', 403, `${ALG}/commands/start-investigation`), body: { occurredAt: at('2025-03-05'), kind: 'police' } },
  { name: 'the LADO on an unknown allegation', token: 'lado', path: '/allegations/alg-none/commands/start-investigation', body: { occurredAt: at('2025-03-05'), kind: 'police' }, status: 404, code: 'ALLEGATION_NOT_FOUND' },
  { name: 'the LADO opening an allegation twice', token: 'lado', path: `${ALG}/commands/open-allegation`, body: { occurredAt: at('2025-03-05'), ladoRef: 'lado-1' }, status: 409, code: 'ALLEGATION_ALREADY_OPEN' },
  { name: 'an allegation naming a child by name', token: 'lado', path: `${ALG}/commands/record-allegation-known-to-employer`, body: { occurredAt: at('2025-03-05'), subject: { adultRef: 'a-1', employerRef: 'e-1', childRefs: ['Jane Doe'], category: 'physical', setting: 'education' } }, status: 400, code: 'VALIDATION_FAILED', field: 'subject.childRefs' },
  // Wrong types, missing and unknown fields: 400 naming each field.
  field('occurredAt missing', SD, without(reconvene, 'occurredAt'), 'occurredAt'),
  field('occurredAt a number', SD, patch(reconvene, { occurredAt: 1741082400000 }), 'occurredAt'),
  field('occurredAt a date only', SD, patch(reconvene, { occurredAt: '2025-03-04' }), 'occurredAt'),
  field('occurredAt without an offset', SD, patch(reconvene, { occurredAt: '2025-03-04T10:00:00' }), 'occurredAt'),
  field('occurredAt on 30 February', SD, patch(reconvene, { occurredAt: '2025-02-30T10:00:00Z' }), 'occurredAt'),
  field('occurredAt at 25 o\'clock', SD, patch(reconvene, { occurredAt: '2025-03-04T25:00:00Z' }), 'occurredAt'),
  field('occurredAt with a +25:00 offset', SD, patch(reconvene, { occurredAt: '2025-03-04T10:00:00+25:00' }), 'occurredAt'),
  field('occurredAt in words', SD, patch(reconvene, { occurredAt: 'last Tuesday' }), 'occurredAt'),
  field('occurredAt in the future', SD, patch(reconvene, { occurredAt: '2099-03-04T10:00:00Z' }), 'occurredAt', 'INVALID_FIELD'),
  field('decision outside the code set', SD, patch(reconvene, { decision: 'lock-them-up' }), 'decision'),
  field('decision in the wrong case', SD, patch(reconvene, { decision: 'Reconvene' }), 'decision'),
  field('initiatesS47 as a string', SD, patch(reconvene, { initiatesS47: 'false' }), 'initiatesS47'),
  field('attendance missing', SD, without(reconvene, 'attendance'), 'attendance'),
  field('attendance a list', SD, patch(reconvene, { attendance: [attendance] }), 'attendance'),
  field('attendance.police a string', SD, patch(reconvene, { attendance: { ...attendance, police: 'yes' } }), 'attendance.police'),
  field('attendance.others naming a person', SD, patch(reconvene, { attendance: { ...attendance, others: ['John Smith'] } }), 'attendance.others'),
  field('attendance.others not a list', SD, patch(reconvene, { attendance: { ...attendance, others: 'police' } }), 'attendance.others'),
  field('attendance with an unknown field', SD, patch(reconvene, { attendance: { ...attendance, notes: 'x' } }), 'attendance.notes'),
  field('an unknown top-level field', SD, patch(reconvene, { childName: 'Jane' }), 'childName'),
  field('caseId in the body', SD, patch(reconvene, { caseId: 'child-b' }), 'caseId'),
  field('type in the body', SD, patch(reconvene, { type: 'OpenCase' }), 'type'),
  field('a constructor field', SD, patch(reconvene, { constructor: { name: 'x' } }), 'constructor'),
  { name: 'a __proto__ field', token: 'recorder', path: SD, raw: { type: 'application/json', text: JSON.stringify(reconvene).replace('{', '{"__proto__":{"roles":["admin"]},') }, status: 400, code: 'VALIDATION_FAILED', field: '__proto__' },
  field('a nested constructor field', SD, patch(reconvene, { attendance: { ...attendance, constructor: { prototype: {} } } }), 'attendance.constructor'),
  field('rationaleRef with a script tag', SD, patch(reconvene, { rationaleRef: '<script>alert(1)</script>' }), 'rationaleRef'),
  field('rationaleRef with SQL', SD, patch(reconvene, { rationaleRef: "doc'; DROP TABLE events;--" }), 'rationaleRef'),
  field('rationaleRef empty', SD, patch(reconvene, { rationaleRef: '' }), 'rationaleRef'),
  field('rationaleRef of 200 characters', SD, patch(reconvene, { rationaleRef: 'd'.repeat(200) }), 'rationaleRef'),
  field('rationaleRef with a right-to-left override', SD, patch(reconvene, { rationaleRef: 'doc\u202Efdp.exe' }), 'rationaleRef'),
  field('rationaleRef with a NUL byte', SD, patch(reconvene, { rationaleRef: 'doc\u0000-1' }), 'rationaleRef'),
  field('rationaleRef a path traversal', SD, patch(reconvene, { rationaleRef: '../../etc/passwd' }), 'rationaleRef'),
  field('instanceId null', SD, patch(reconvene, { instanceId: null }), 'instanceId'),
  field('instanceId an object', SD, patch(reconvene, { instanceId: { $ne: null } }), 'instanceId'),
  field('category outside Annex A list 7', IC, patch(icpc, { category: 'neglected' }), 'category'),
  field('preBirth missing', IC, without(icpc, 'preBirth'), 'preBirth'),
  field('outcome a number', IC, patch(icpc, { outcome: 1 }), 'outcome'),
  field('a plan with no category', IC, without(icpc, 'category'), 'category', 'INVALID_FIELD'),
  field('legalStatus not an SSDA903 code', cmd('record-became-looked-after'), patch(care, { legalStatus: 'XX' }), 'legalStatus'),
  field('placementType in lower case', cmd('record-became-looked-after'), patch(care, { placement: { ...care.placement, placementType: 'u4' } }), 'placement.placementType'),
  field('visitRegime outside the set', cmd('record-became-looked-after'), patch(care, { placement: { ...care.placement, visitRegime: 'monthly' } }), 'placement.visitRegime'),
  field('placement missing', cmd('record-became-looked-after'), without(care, 'placement'), 'placement'),
  field('pushFactors repeated', cmd('record-return-interview'), patch(interview, { pushFactors: ['bullying', 'bullying'] }), 'pushFactors'),
  field('pushFactors outside the set', cmd('record-return-interview'), patch(interview, { pushFactors: ['boredom'] }), 'pushFactors'),
  field('risks not a list', cmd('record-return-interview'), patch(interview, { risks: 'county-lines' }), 'risks'),
  field('reviewNumber zero', cmd('complete-lac-review-record'), { instanceId: 'lac-1', occurredAt: at('2025-03-05'), reviewNumber: 0 }, 'reviewNumber'),
  field('reviewNumber a fraction', cmd('complete-lac-review-record'), { instanceId: 'lac-1', occurredAt: at('2025-03-05'), reviewNumber: 1.5 }, 'reviewNumber'),
  field('reviewNumber a string', cmd('complete-lac-review-record'), { instanceId: 'lac-1', occurredAt: at('2025-03-05'), reviewNumber: '1' }, 'reviewNumber'),
  field('scheduledFor in month 13', cmd('schedule-lac-review'), { instanceId: 'lac-1', occurredAt: at('2025-03-05'), scheduledFor: '2025-13-01' }, 'scheduledFor'),
  field('an empty body', SD, {}, 'occurredAt'),
  field('a list for a body', SD, [reconvene], 'occurredAt'),
  field('a case id with a script tag', '/cases/%3Cscript%3E/commands/record-strategy-discussion', reconvene, 'caseId'),
  field('a case id of 200 characters', `/cases/${'c'.repeat(200)}/commands/record-strategy-discussion`, reconvene, 'caseId'),
  { ...field('a malformed If-Match', SD, reconvene, 'If-Match'), headers: { 'If-Match': 'yesterday' } },
  { name: 'an asOf that is not an instant', token: 'recorder', method: 'get', path: `${A}/deadlines?asOf=tomorrow`, status: 400, code: 'VALIDATION_FAILED', field: 'asOf' },
  { name: 'an unknown query parameter', token: 'recorder', method: 'get', path: `${A}/deadlines?limit=5`, status: 400, code: 'VALIDATION_FAILED', field: 'limit' },
  { name: 'a status outside open|all', token: 'recorder', method: 'get', path: `${A}/deadlines?status=late`, status: 400, code: 'VALIDATION_FAILED', field: 'status' },
  { name: 'a 300-character reason', token: 'recorder', method: 'get', path: `${A}/history?reason=${'x'.repeat(300)}`, status: 400, code: 'VALIDATION_FAILED', field: 'reason' },
  { name: 'a reason with a control character', token: 'recorder', method: 'get', path: `${A}/history`, headers: { 'X-Access-Reason': 'audit\tnow' }, status: 400, code: 'VALIDATION_FAILED', field: 'X-Access-Reason' },
  // Bodies and headers.
  { name: 'no Idempotency-Key', token: 'recorder', path: SD, body: reconvene, noIdempotencyKey: true, status: 400, code: 'IDEMPOTENCY_KEY_MISSING' },
  { name: 'an Idempotency-Key with spaces', token: 'recorder', path: SD, body: reconvene, headers: { 'Idempotency-Key': 'my key' }, status: 400, code: 'IDEMPOTENCY_KEY_INVALID' },
  { name: 'broken JSON', token: 'recorder', path: SD, raw: { type: 'application/json', text: '{"occurredAt": ' }, status: 400, code: 'MALFORMED_BODY' },
  { name: 'a JSON string for a body', token: 'recorder', path: SD, raw: { type: 'application/json', text: '"reconvene"' }, status: 400, code: 'MALFORMED_BODY' },
  { name: 'a form-encoded body', token: 'recorder', path: SD, raw: { type: 'application/x-www-form-urlencoded', text: 'decision=reconvene' }, status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { name: 'a body over 64 kB', token: 'recorder', path: SD, body: patch(reconvene, { rationaleRef: 'd'.repeat(70_000) }), status: 413, code: 'PAYLOAD_TOO_LARGE' },
  // The case and its pathways' states.
  { name: 'a command on an unknown case', token: 'recorder', path: '/cases/child-none/commands/record-strategy-discussion', body: strategy, status: 404, code: 'CASE_NOT_FOUND' },
  { name: 'reading an unknown case', token: 'auditor', method: 'get', path: '/cases/child-none', status: 404, code: 'CASE_NOT_FOUND' },
  { name: 'the history of an unknown case', token: 'auditor', method: 'get', path: '/cases/child-none/history', status: 404, code: 'CASE_NOT_FOUND' },
  { name: 'an unknown command', token: 'recorder', path: cmd('record-pizza-order'), body: reconvene, status: 404, code: 'NOT_FOUND' },
  { name: 'a command sent with PUT', token: 'recorder', method: 'put', path: SD, body: reconvene, status: 404, code: 'NOT_FOUND' },
  { name: 'an unknown instance', token: 'iro', path: IC, body: patch(icpc, { instanceId: 'cp-9' }), status: 404, code: 'UNKNOWN_INSTANCE' },
  { name: 'a care instance the child does not have', token: 'recorder', path: cmd('complete-lac-review-record'), body: { instanceId: 'lac-1', occurredAt: at('2025-03-05'), reviewNumber: 1 }, status: 404, code: 'UNKNOWN_INSTANCE' },
  { name: 'a review conference before the ICPC', token: 'iro', path: cmd('record-review-conference'), body: { instanceId: 'cp-1', occurredAt: at('2025-03-05'), decision: 'continue-plan' }, status: 409, code: 'NOT_ALLOWED_IN_STATE' },
  { name: 'ending a plan that has not begun', token: 'recorder', path: cmd('end-plan'), body: { instanceId: 'cp-1', occurredAt: at('2025-03-05'), reason: 'moved-away' }, status: 409, code: 'NOT_ALLOWED_IN_STATE' },
  { name: 'a second enquiry while the first runs', token: 'recorder', path: SD, body: strategy, status: 409, code: 'INSTANCE_STILL_ACTIVE' },
  { name: 'opening the case twice', token: 'managerA', path: cmd('open-case'), body: { occurredAt: at('2025-03-04'), teamRef: 'team-a' }, status: 409, code: 'CASE_ALREADY_OPEN' },
  { name: 'an ICPC dated before its strategy discussion', token: 'iro', path: IC, body: patch(icpc, { occurredAt: at('2025-02-01') }), status: 422, code: 'OUT_OF_ORDER' },
  { name: 'deallocating an IRO who is not allocated', token: 'managerA', path: cmd('deallocate-iro'), body: { occurredAt: at('2025-03-04'), iroRef: 'iro-2' }, status: 400, code: 'INVALID_FIELD', field: 'iroRef' },
  { name: 'an unknown rulebook', token: 'managerA', path: '/cases/child-new/commands/open-case', body: { occurredAt: at('2025-03-04'), teamRef: 'team-a', rulebook: 'atlantis' }, status: 400, code: 'INVALID_FIELD', field: 'rulebook' },
  { name: 'a stale If-Match', token: 'recorder', path: SD, body: reconvene, headers: { 'If-Match': '"0"' }, status: 412, code: 'PRECONDITION_FAILED' },
];
