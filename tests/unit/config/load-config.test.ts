import { ENV, eventStoreKind, loadConfig } from '@csc/config';
import { problemsOf } from '../../support/config';


describe('loadConfig', () => {
  it('uses the embedded defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      eventStore: 'embedded',
      dataDir: './data',
      redisUrl: 'redis://127.0.0.1:6379',
      redisPrefix: 'csc',
      apiPort: 3000,
      workerPort: 3001,
      timeZone: 'Europe/London',
      logLevel: 'info',
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reads every setting from its CSC_ variable and converts ports to numbers', () => {
    const config = loadConfig({
      CSC_EVENT_STORE: 'postgres://postgres@127.0.0.1:5432/test',
      CSC_REDIS_URL: 'redis://10.0.0.1:6380',
      CSC_API_PORT: '8080',
      CSC_WORKER_PORT: '8081',
      CSC_LOG_LEVEL: 'warn',
      CSC_REDIS_PREFIX: 'enfield',
    });
    expect(config.apiPort).toBe(8080);
    expect(config.workerPort).toBe(8081);
    expect(eventStoreKind(config)).toBe('postgres');
    expect(config.redisPrefix).toBe('enfield');
  });

  it.each([
    ['embedded', 'embedded'],
    ['postgresql://u@h/db', 'postgres'],
    ['esdb://localhost:2113?tls=false', 'eventstoredb'],
  ] as const)('recognises %s as the %s store', (value, kind) => {
    expect(eventStoreKind(loadConfig({ CSC_EVENT_STORE: value }))).toBe(kind);
  });

  it('names the variable and the value of each bad setting', () => {
    const problems = problemsOf({ CSC_API_PORT: 'eighty', CSC_EVENT_STORE: 'mysql://x', CSC_REDIS_URL: 'localhost:6379' });
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toContain('CSC_API_PORT="eighty"');
    expect(problems.join('\n')).toContain('CSC_EVENT_STORE="mysql://x": must be "embedded", a postgres:// URL or an esdb:// URL');
    expect(problems.join('\n')).toContain('CSC_REDIS_URL="localhost:6379": must be a redis:// or rediss:// URL');
  });

  it('refuses a time zone other than Europe/London, saying why', () => {
    expect(problemsOf({ CSC_TIME_ZONE: 'UTC' })).toEqual([
      'CSC_TIME_ZONE="UTC": must be Europe/London: statutory timescales are counted on local dates in England',
    ]);
  });

  it('refuses an unknown CSC_ variable, so a typo never falls back to a default silently', () => {
    const [problem] = problemsOf({ CSC_REDIS_ULR: 'redis://x' });
    expect(problem).toMatch(/^CSC_REDIS_ULR: unknown setting/);
  });

  it('has one variable per setting, all prefixed CSC_', () => {
    const names = Object.values(ENV);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^CSC_[A-Z_]+$/);
  });
});
