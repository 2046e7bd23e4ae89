// ESLint (flat config): typescript-eslint's recommended rules over the scripts and tests, with
// type information; formatting is left to Prettier.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'site/**', '.vitest-tmp/**', 'tests/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  // The site's browser scripts (copied to site/assets as they are).
  { files: ['scripts/lib/site/client/**/*.js'], languageOptions: { globals: { ...globals.browser } } },
  // No function in the pipeline longer than 100 lines, comments and blank lines included.
  { files: ['scripts/**/*.ts'], rules: { 'max-lines-per-function': ['error', { max: 100 }] } },
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' }, rules: { '@typescript-eslint/no-require-imports': 'off' } },
);
