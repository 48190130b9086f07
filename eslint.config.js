// @ts-check
import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/**
 * The habits STYLE asks for: typescript-eslint's recommended rules, plus the type-aware ones that
 * keep a promise from failing silently into the host page (no floating or misused promises).
 */
export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', '.reports/', 'bench/results/', 'examples/collector/data/', 'examples/e2e/captured/', '.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { project: ['./tsconfig.json', './tsconfig.sw.json'], tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    // The worker's tests run in Node against the WebWorker-typed handlers: no project covers both.
    files: ['service-worker/**/*.test.ts'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  {
    // What runs in a visitor's browser never reaches for the tools (the CLI, the gallery, the
    // map, the explainers): they are for owners and developers, on their machines. Only the npm
    // entries (src/index.ts, explain.ts, validate.ts) and the tools themselves import them.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/tools/**', 'src/index.ts', 'src/explain.ts', 'src/validate.ts', 'src/**/*.test.ts', 'src/**/*.test.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/tools/*', '**/tools/**'], message: 'the runtime must not import src/tools/ (the CLI, gallery, map and explainers)' }] },
      ],
    },
  },
  {
    // Benchmarks set defaults before a try that may replace them.
    files: ['bench/**'],
    rules: { 'no-useless-assignment': 'off' },
  },
  {
    // Tests and browser specs reach into the page as `any` on purpose.
    files: ['**/*.test.ts', '**/*.test.tsx', 'examples/e2e/**', 'bench/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
)
