import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      globals: globals.node,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: 'Program > VariableDeclaration[kind="let"]',
          message: 'No module-level mutable state: pass state explicitly.',
        },
      ],
    },
  },
  {
    // The audit core is pure: it never touches files, sockets, the database or the server.
    files: ['src/audit/**/*.ts'],
    ignores: ['src/audit/**/*.test.ts', 'src/audit/io/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:fs', 'node:fs/*', 'fs', 'node:net', 'node:http', 'node:child_process'],
              message:
                'The audit core does no I/O; read files at the edge (src/cli, src/audit/io).',
            },
            {
              group: ['**/server/**', '**/cli/**', '**/web/**', 'kysely', 'fastify'],
              message: 'The audit core imports neither the server, the CLI nor the web app.',
            },
          ],
        },
      ],
    },
  },
  {
    // The static first page's script: plain browser JavaScript, served as it is.
    files: ['web/public/**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: globals.browser, sourceType: 'script' },
  },
  {
    // The web app talks to the server over HTTP only.
    files: ['web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/src/server/**', '**/src/cli/**'],
              message: 'The web app uses the HTTP API, never the server code.',
            },
          ],
        },
      ],
    },
  },
  {
    // HTTP test clients return parsed JSON as the type the test expects, like inject()'s json<T>().
    files: ['src/server/processes.ts'],
    rules: { '@typescript-eslint/no-unnecessary-type-parameters': 'off' },
  },
  {
    files: ['**/*.{js,mjs}'],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
