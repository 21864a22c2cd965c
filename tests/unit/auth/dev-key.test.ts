import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { loadConfig } from '@csc/config';
import { AuthenticationError, DEV_KEY_FILE, loadOrCreateDevKey, mintDevToken, NOT_CONFIGURED, parseTtl, verifierFromConfig } from '@csc/auth';

describe('the local development key', () => {
  let dataDir: string;
  const now = new Date('2026-03-02T10:00:00Z');

  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'csc-dev-key-'));
  });

  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('is generated once into the data folder, readable by its owner only, and reused', async () => {
    const [first, second] = await Promise.all([loadOrCreateDevKey(dataDir), loadOrCreateDevKey(dataDir)]);
    expect(first).toEqual(second);
    expect(await loadOrCreateDevKey(dataDir)).toEqual(first);
    expect(statSync(path.join(dataDir, DEV_KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(first.publicJwks.keys[0]).not.toHaveProperty('d');
  });

  it('mints tokens that the api accepts only when CSC_AUTH_DEV_KEYS=true', async () => {
    const key = await loadOrCreateDevKey(dataDir);
    const token = await mintDevToken(key, { userId: 'u1', roles: ['iro'], teams: ['t1'], ttlSeconds: 3600, audience: 'csc-api', now });

    const enabled = await verifierFromConfig(loadConfig({ CSC_DATA_DIR: dataDir, CSC_AUTH_DEV_KEYS: 'true' }), () => now);
    await expect(enabled.verify(token)).resolves.toEqual({ userId: 'u1', roles: ['iro'], teams: ['t1'] });

    const disabled = await verifierFromConfig(loadConfig({ CSC_DATA_DIR: dataDir }), () => now);
    await expect(disabled.verify(token)).rejects.toEqual(new AuthenticationError(NOT_CONFIGURED));
  });

  it('expires its tokens like any other', async () => {
    const key = await loadOrCreateDevKey(dataDir);
    const token = await mintDevToken(key, { userId: 'u1', roles: ['iro'], ttlSeconds: 60, audience: 'csc-api', now });
    const later = await verifierFromConfig(loadConfig({ CSC_DATA_DIR: dataDir, CSC_AUTH_DEV_KEYS: 'true' }), () => new Date(now.getTime() + 120_000));
    await expect(later.verify(token)).rejects.toThrow('the token has expired');
  });

  it.each([
    ['90s', 90],
    ['30m', 1800],
    ['8h', 28_800],
    ['7d', 604_800],
  ])('reads the ttl %s', (text, seconds) => expect(parseTtl(text)).toBe(seconds));

  it.each(['8', '8w', '0s', '8d', '-1h'])('refuses the ttl %s', (text) => expect(() => parseTtl(text)).toThrow(/--ttl/));
});
