// Type-aware lint for the whole repo, plus the boundary that keeps the core pure:
// workflows/ and the pure libs may not reach for frameworks, I/O, the clock or apps/.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Libraries with no I/O and no clock: only workflows/ and these may be imported by the domain. */
export const PURE_LIBS = ['libs/calendar', 'libs/rulebook', 'libs/case', 'libs/domain'];

const FORBIDDEN_IN_CORE = {
  patterns: [
    { group: ['@nestjs/*'], message: 'The pure core may not depend on NestJS: translate at the edge (apps/).' },
    { group: ['bullmq', 'bullmq/*'], message: 'The pure core may not schedule jobs: return a Schedule value for an adapter to carry out.' },
    { group: ['ioredis', 'ioredis/*'], message: 'The pure core may not talk to Redis.' },
    { group: ['@eventstore/*', '@kurrent/*'], message: 'The pure core may not talk to the event store.' },
    { group: ['pg', 'pg/*', '@electric-sql/*'], message: 'The pure core may not talk to a database.' },
    { group: ['node:*'], message: 'The pure core may not use Node built-ins (I/O, clock, process).' },
    { group: ['**/apps/**', '@csc/runtime', '@csc/redis', '@csc/health', '@csc/event-store', '@csc/logging', '@csc/config'], message: 'The pure core may not import apps/ or I/O libs.' },
  ],
  paths: ['fs', 'path', 'os', 'child_process', 'http', 'https', 'net', 'crypto', 'process', 'timers', 'worker_threads', 'cluster', 'dns'].map(
    (name) => ({ name, message: 'The pure core may not use Node built-ins (I/O, clock, process).' }),
  ),
};

const CLOCK_READS = [
  { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Time is an input: take `now` as a parameter.' },
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Time is an input: take `now` as a parameter.' },
  { selector: "MemberExpression[object.name='DateTime'][property.name=/^(now|local)$/]", message: 'Time is an input: take `now` as a parameter.' },
  { selector: "MemberExpression[object.name='performance'][property.name='now']", message: 'Time is an input: take `now` as a parameter.' },
  { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'Randomness is an input: take ids or a seeded generator as parameters.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-output/**', 'data/**', '*.config.js', '*.config.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['workflows/*/*.ts'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/ban-ts-comment': 'error',
    },
  },
  {
    files: ['workflows/**/*.ts', ...PURE_LIBS.map((lib) => `${lib}/**/*.ts`)],
    rules: {
      'no-restricted-imports': ['error', FORBIDDEN_IN_CORE],
      'no-restricted-syntax': ['error', ...CLOCK_READS],
    },
  },
  {
    files: ['tests/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
