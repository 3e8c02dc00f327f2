// Lint rules the formatter cannot hold: correctness and the house rules of the code.
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const SQL = '/\\b(SELECT|INSERT INTO|UPDATE|DELETE FROM|CREATE TABLE|ALTER TABLE|DROP TABLE|GROUP BY)\\b/';
const SQL_MESSAGE =
  'SQL outside src/store and src/kql: read with runKql(store, kql) or a typed Store method (an engine-specific need is a Store method or a store.detect hook)';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '**/testdata/**', 'bench/results/**', 'web/dist/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['web/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    // Engine-specific SQL lives only in src/store (the engines) and src/kql (the compiler and its dialects): every
    // other module reads through the Store interface or KQL compiled for store.dialect (runKql).
    files: ['src/**/*.ts', 'web/src/**/*.{ts,tsx}'],
    ignores: [
      'src/store/**',
      'src/kql/dialect/**',
      'src/kql/compile/**',
      'src/kql/test/**',
      '**/*.test.ts',
      '**/*.case.ts',
      '**/*.cases.ts',
    ],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: `Literal[value=${SQL}]`, message: SQL_MESSAGE },
        { selector: `TemplateElement[value.raw=${SQL}]`, message: SQL_MESSAGE },
      ],
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-prototype-builtins': 'error',
      eqeqeq: ['error', 'smart'],
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
);
