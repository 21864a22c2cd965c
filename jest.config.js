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

// No tier forces jest to exit: each must end by itself once its tests are done, so that a client,
// timer or server a test leaves open shows ("Jest did not exit one second after the test run has
// completed"; run the tier with --detectOpenHandles to find it) instead of being hidden. Passing
// runs of every tier exit by themselves. A run whose setup failed can still leave a server open
// and hang: .ci/run bounds the whole test command with a timeout, so CI fails rather than waits.

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
module.exports = tier ? tiers[tier] : { projects: Object.values(tiers) };
