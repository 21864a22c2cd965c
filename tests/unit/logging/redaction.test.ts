import { Writable } from 'node:stream';
import { createLogger, REDACTED } from '@csc/logging';

function capture(): { stream: Writable; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return { stream, lines: () => chunks.join('').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('the structured logger', () => {
  it('writes one JSON object per line with level, service and message', () => {
    const { stream, lines } = capture();
    createLogger({ level: 'info', service: 'api' }, stream).info({ caseRef: 'case-123' }, 'command accepted');
    expect(lines()).toEqual([expect.objectContaining({ level: 'info', service: 'api', msg: 'command accepted', caseRef: 'case-123' })]);
  });

  it('censors personal data at any of the first levels of a log object', () => {
    const { stream, lines } = capture();
    const logger = createLogger({ level: 'info', service: 'api' }, stream);
    logger.info({ name: 'Jane Doe', child: { dateOfBirth: '2015-01-01', ref: 'c1' }, err: { details: { postcode: 'EN1 1AA' } } }, 'x');
    const [line] = lines();
    const text = JSON.stringify(line);
    expect(text).not.toContain('Jane Doe');
    expect(text).not.toContain('2015-01-01');
    expect(text).not.toContain('EN1 1AA');
    expect(line).toMatchObject({ name: REDACTED, child: { dateOfBirth: REDACTED, ref: 'c1' } });
  });

  it('censors request bodies and credentials', () => {
    const { stream, lines } = capture();
    createLogger({ level: 'info', service: 'api' }, stream).info(
      { req: { headers: { authorization: 'Bearer abc.def.ghi', cookie: 's=1' }, body: { rationale: 'free text' } } },
      'request',
    );
    const text = JSON.stringify(lines()[0]);
    expect(text).not.toContain('abc.def.ghi');
    expect(text).not.toContain('free text');
    expect(text).not.toContain('s=1');
  });
});
