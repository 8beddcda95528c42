// Lint: typescript-eslint with type information, React's hook rules, Next.js's own rules,
// and Factmark's layering (lint/architecture.js; docs/architecture.md says why).
// Formatting is Prettier's job: eslint-config-prettier turns off the rules that overlap.
import js from '@eslint/js'
import nextPlugin from '@next/eslint-plugin-next'
import prettier from 'eslint-config-prettier/flat'
import reactHooks from 'eslint-plugin-react-hooks'
import { defineConfig, globalIgnores } from 'eslint/config'
import globals from 'globals'
import tseslint from 'typescript-eslint'
import architecture from './lint/architecture.js'

const TESTS = ['**/*.test.ts', 'lib/**/testing/**', 'tests/**', 'e2e/**']

export default defineConfig(
  globalIgnores(['lib/generated/', '.next/', '.next-*/', '.data/', 'backups/', 'test-results/', 'playwright-report/', 'next-env.d.ts']),
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: globals.node,
    },
    rules: {
      // Props and options as properties, not methods: checked strictly, and safe to destructure.
      '@typescript-eslint/method-signature-style': ['error', 'property'],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // React calls handlers without awaiting them; the handlers catch their own errors (useSubmit).
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      // A variable a function closes over before its one assignment must stay `let` (TDZ).
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
  { files: ['**/*.{js,mjs,cjs}'], extends: [tseslint.configs.disableTypeChecked] },
  // Declarations describe other packages' APIs as they are.
  { files: ['**/*.d.ts'], rules: { '@typescript-eslint/method-signature-style': 'off' } },
  {
    // Tests read parsed JSON and HTTP answers of any shape (their assertions are the type check),
    // and their async test doubles need not await. The plain-SQL baseline server reads untyped rows.
    files: [...TESTS, 'bench/baselines/**'],
    rules: {
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  { files: ['app/**/*.tsx', 'components/**/*.{ts,tsx}'], extends: [reactHooks.configs.flat['recommended-latest']] },
  { files: ['app/**', 'components/**'], extends: [nextPlugin.configs['core-web-vitals']] },
  { plugins: { architecture }, rules: { 'architecture/server-only': 'error', 'architecture/layers': 'error' } },
  prettier,
)
