// Type-aware lint for the whole repo, plus the boundary that keeps the core pure
// (.eslint/boundaries.cjs): workflows/ and the pure libs may not reach for
// frameworks, I/O, the clock or apps/.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import boundaries from './.eslint/boundaries.cjs';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-output/**', 'data/**', '*.config.js', '*.config.mjs', '.eslint/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['workflows/*/*.ts', 'scripts/*.mjs'] }, tsconfigRootDir: import.meta.dirname },
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
  boundaries.boundaryConfig,
  {
    // The pages' progressive-enhancement scripts run in the browser, as plain scripts.
    files: ['apps/api/src/pages/static/**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['apps/api/src/pages/static/**/*.js'],
    languageOptions: { sourceType: 'script', globals: { window: 'readonly', document: 'readonly', DOMParser: 'readonly', EventSource: 'readonly' } },
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
