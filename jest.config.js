// Three tiers, run separately while iterating (npm run test:unit | test:int | test:e2e)
// and together by `npm test`. Each tier isolates itself by unique names
// (stream ids, Redis key prefixes, database schemas), never by flushing shared state.
const fs = require('node:fs');
const path = require('node:path');

const swc = JSON.parse(fs.readFileSync(path.join(__dirname, '.swcrc.jest.json'), 'utf8'));

const shared = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    '^@csc/([^/]+)$': '<rootDir>/libs/$1/src',
    '^@csc/([^/]+)/(.*)$': '<rootDir>/libs/$1/src/$2',
    '^@workflows/([^/]+)$': '<rootDir>/workflows/$1/src',
  },
  rootDir: __dirname,
};

// The integration and end-to-end tiers talk to real Redis and PostgreSQL, and some tests stop and
// start those services or kill processes: a client left with a reconnect timer or socket after its
// test has finished once kept jest from exiting after every test had passed, and the run hung
// until it was stopped. These tiers exit when their tests are done (jest then prints "Force
// exiting Jest" whether or not anything was left open: run a tier with --detectOpenHandles to
// look). The engine's own clean shutdown is tested apart, by the end-to-end tests that check the
// processes' exit codes after SIGTERM.
const services = { forceExit: true };
const forTier = (name) => (name === 'unit' ? {} : services);

const tiers = {
  unit: { ...shared, displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'] },
  integration: {
    ...shared,
    displayName: 'integration',
    // Verbose, so that a skipped suite (EventStoreDB without EVENTSTORE_URL) is listed with its reason.
    verbose: true,
    testMatch: ['<rootDir>/tests/{integration,contract}/**/*.test.ts'],
  },
  e2e: { ...shared, displayName: 'e2e', verbose: true, testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'] },
};

// TEST_TIER=unit|integration|e2e picks one tier (npm run test:unit -- <path> then filters
// within it); without it, every tier runs as a jest project.
const tier = process.env.TEST_TIER;
if (tier !== undefined && !(tier in tiers)) throw new Error(`TEST_TIER must be one of ${Object.keys(tiers).join(', ')}`);
module.exports = tier ? { ...tiers[tier], ...forTier(tier) } : { projects: Object.values(tiers), ...services };
