import { EngineProcess } from '../../support/engine-process';
import { TEST_REDIS_URL } from '../../support/services';
import { uniqueIdentifier } from '../../support/unique';
import { eventually } from '../../support/wait';

describe('csc start (the README run command) on its embedded defaults', () => {
  let engine: EngineProcess;

  beforeAll(async () => {
    engine = await EngineProcess.start({ CSC_REDIS_URL: TEST_REDIS_URL, CSC_REDIS_PREFIX: uniqueIdentifier('e2e') });
    await engine.ready();
  }, 90_000);

  afterAll(async () => {
    await engine?.stop();
  });

  it('prints where the api and the worker listen', () => {
    expect(engine.text).toContain(`http://localhost:${engine.apiPort}/health/ready`);
    expect(engine.text).toContain(`http://localhost:${engine.workerPort}/health/ready`);
    expect(engine.text).toContain(`the embedded store in ${engine.dataDir}`);
  });

  it.each(['apiPort', 'workerPort'] as const)('serves readiness on the %s: ready once the embedded store has opened', async (port) => {
    // The embedded store opens in the background (PGlite creates its files on first run).
    const response = await eventually(async () => {
      const answer = await fetch(`http://127.0.0.1:${engine[port]}/health/ready`);
      return answer.status === 200 ? answer : undefined;
    }, 'readiness', 60_000);
    const body = (await response.json()) as { status: string; info: Record<string, { status: string }> };
    expect(body).toMatchObject({ status: 'ok', info: { redis: { status: 'up' }, eventStore: { status: 'up' } } });
  }, 70_000);

  it('gives every response a request id, echoing a well-formed one the caller sent', async () => {
    const mine = await fetch(`http://127.0.0.1:${engine.apiPort}/health/live`, { headers: { 'X-Request-Id': 'gateway-1234abcd' } });
    expect(mine.headers.get('x-request-id')).toBe('gateway-1234abcd');
    const fresh = await fetch(`http://127.0.0.1:${engine.apiPort}/health/live`, { headers: { 'X-Request-Id': 'bad id <script>' } });
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('logs structured JSON lines', () => {
    const jsonLines = engine.text.split('\n').filter((line) => line.startsWith('{'));
    expect(jsonLines.length).toBeGreaterThan(0);
    for (const line of jsonLines) expect(JSON.parse(line)).toEqual(expect.objectContaining({ level: expect.any(String), service: expect.any(String) }));
  });

  it('stops cleanly on SIGTERM', async () => {
    expect(await engine.stop()).toBe(0);
  });
});

describe('csc start with a bad configuration', () => {
  it('refuses to start, naming the setting, with exit code 78', async () => {
    const engine = await EngineProcess.start({ CSC_EVENT_STORE: 'mysql://nope' });
    const code = await new Promise<number | null>((resolve) => {
      const poll = () => (engine.text.includes('CSC_EVENT_STORE') ? resolve(engine.stop()) : setTimeout(poll, 20));
      poll();
    });
    expect(code).toBe(78);
    expect(engine.text).toContain('CSC_EVENT_STORE="mysql://nope": must be "embedded", a postgres:// URL or an esdb:// URL');
  }, 90_000);
});
