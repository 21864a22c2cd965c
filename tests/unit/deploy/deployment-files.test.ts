import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { ENV, loadConfig } from '@csc/config';

const root = path.resolve(__dirname, '../../..');
const known = new Set<string>(Object.values(ENV));

interface Service {
  image?: string;
  command?: string[];
  environment?: Record<string, string | number>;
  healthcheck?: { test: string[] };
  volumes?: string[];
}
const compose = parse(fs.readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
};
const service = (name: string): Service => {
  const found = compose.services[name];
  if (!found) throw new Error(`docker-compose.yml has no ${name} service`);
  return found;
};

describe('docker-compose.yml', () => {
  it('has the event store, Redis, the api and the worker, each with a health check', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['api', 'eventstore', 'redis', 'worker']);
    for (const [name, svc] of Object.entries(compose.services)) expect([name, svc.healthcheck?.test.length ?? 0]).toEqual([name, expect.any(Number)]);
    for (const svc of Object.values(compose.services)) expect(svc.healthcheck?.test.length).toBeGreaterThan(0);
  });

  it('runs EventStoreDB (KurrentDB) with its data on a volume', () => {
    expect(service('eventstore').image).toMatch(/kurrentdb/);
    expect(service('eventstore').volumes).toContain('eventstore-data:/var/lib/kurrentdb');
    expect(Object.keys(compose.volumes)).toContain('eventstore-data');
  });

  it('runs Redis with AOF persistence and no eviction', () => {
    const command = service('redis').command?.join(' ') ?? '';
    expect(command).toContain('--appendonly yes');
    expect(command).toContain('--maxmemory-policy noeviction');
  });

  it.each(['api', 'worker'])('gives the %s only settings the engine reads, and a configuration it accepts', (name) => {
    const env = service(name).environment ?? {};
    const engineEnv = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, String(v)]));
    for (const key of Object.keys(engineEnv)) expect(known).toContain(key);
    expect(() => loadConfig(engineEnv)).not.toThrow();
    expect(loadConfig(engineEnv).eventStore).toMatch(/^esdb:\/\/eventstore:2113/);
  });

  it('starts the api and the worker from their own entry points', () => {
    expect(service('api').command).toEqual(['node', 'dist/apps/api/src/main.js']);
    expect(service('worker').command).toEqual(['node', 'dist/apps/worker/src/main.js']);
  });
});

describe('.env.example', () => {
  const lines = fs
    .readFileSync(path.join(root, '.env.example'), 'utf8')
    .split('\n')
    .filter((line) => /^[A-Z_]+=/.test(line));
  const documented = Object.fromEntries(lines.map((line) => line.split('=', 2) as [string, string]));

  it('documents every setting, and nothing else', () => {
    expect(Object.keys(documented).sort()).toEqual([...known].sort());
  });

  it('shows the defaults the engine really uses', () => {
    expect(loadConfig(documented)).toEqual(loadConfig({}));
  });
});
