// The boundary that keeps the core pure: workflows/ and the pure libs may not
// reach for frameworks, I/O, the clock or apps/. Shared by eslint.config.mjs
// and by the unit test that proves the rule.

/** Libraries with no I/O and no clock. */
const PURE_LIBS = ['libs/calendar', 'libs/rulebook', 'libs/case', 'libs/reporting', 'libs/synthetic'];

const CORE_FILES = ['workflows/**/*.ts', ...PURE_LIBS.map((lib) => `${lib}/**/*.ts`)];

const BUILTIN = 'The pure core may not use Node built-ins (I/O, clock, process).';

const FORBIDDEN_IMPORTS = {
  patterns: [
    { group: ['@nestjs/*'], message: 'The pure core may not depend on NestJS: translate at the edge (apps/).' },
    { group: ['bullmq', 'bullmq/*'], message: 'The pure core may not schedule jobs: return a Schedule value for an adapter to carry out.' },
    { group: ['ioredis', 'ioredis/*'], message: 'The pure core may not talk to Redis.' },
    { group: ['@eventstore/*', '@kurrent/*'], message: 'The pure core may not talk to the event store.' },
    { group: ['pg', 'pg/*', '@electric-sql/*'], message: 'The pure core may not talk to a database.' },
    { group: ['node:*'], message: BUILTIN },
    {
      group: ['**/apps/**', '@csc/runtime', '@csc/redis', '@csc/health', '@csc/event-store', '@csc/logging', '@csc/config', '@csc/metrics'],
      message: 'The pure core may not import apps/ or I/O libs.',
    },
  ],
  paths: ['fs', 'path', 'os', 'child_process', 'http', 'https', 'net', 'crypto', 'process', 'timers', 'worker_threads', 'cluster', 'dns'].map(
    (name) => ({ name, message: BUILTIN }),
  ),
};

const TIME = 'Time is an input: take `now` as a parameter.';
const CLOCK_READS = [
  { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: TIME },
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: TIME },
  { selector: "MemberExpression[object.name='DateTime'][property.name=/^(now|local)$/]", message: TIME },
  { selector: "MemberExpression[object.name='performance'][property.name='now']", message: TIME },
  { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'Randomness is an input: take ids or a seeded generator as parameters.' },
];

/** The flat-config block that enforces the boundary. */
const boundaryConfig = {
  files: CORE_FILES,
  rules: {
    'no-restricted-imports': ['error', FORBIDDEN_IMPORTS],
    'no-restricted-syntax': ['error', ...CLOCK_READS],
  },
};

module.exports = { PURE_LIBS, CORE_FILES, boundaryConfig };
