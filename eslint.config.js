// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import importPlugin from 'eslint-plugin-import';

export default tseslint.config(
  {
    ignores: [
      'dist',
      'node_modules',
      '.data',
      'backups',
      'coverage',
      'src/lib/database.types.ts',
      'test-results',
      'playwright-report',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y, import: importPlugin },
    settings: { 'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      // One-way layering (CONVENTIONS.md): sync core knows no UI, features do not import each other.
      'import/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './src/sync', from: ['./src/features', './src/app', './src/components'] },
            { target: './src/lib', from: ['./src/features', './src/app'] },
            { target: './src/components', from: ['./src/features', './src/app'] },
            {
              target: './src/features/board',
              from: ['./src/features/pipelines', './src/features/auth', './src/app'],
            },
            {
              target: './src/features/pipelines',
              from: ['./src/features/board', './src/features/auth', './src/app'],
            },
            {
              target: './src/features/auth',
              from: ['./src/features/board', './src/features/pipelines', './src/app'],
            },
            { target: './server', from: ['./src/features', './src/app', './src/components'] },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
