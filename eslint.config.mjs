import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'out/', 'node_modules/', 'server/generated/', '.test-env/', '.vscode-test/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.mjs', '**/*.js', '**/*.cjs'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', require: 'readonly', module: 'writable', __dirname: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', URL: 'readonly', Buffer: 'readonly', window: 'readonly', document: 'readonly' },
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // The engine is pure: it runs in the Node server, the CLI and a browser worker, and reaches files
    // and settings only through its host interface (server/src/engine/host.ts).
    files: ['server/src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'url', 'os', 'child_process', 'http', 'https', 'crypto'], message: 'The engine has no Node dependency: read through EngineHost.' },
            { group: ['vscode', 'vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageclient', 'vscode-languageclient/*'], message: 'The engine knows neither VS Code nor the LSP connection.' },
            { group: ['**/lsp/**', '**/cli/**', '**/node/**', '**/request/**', '**/client/**'], message: 'The engine imports nothing from its adapters.' },
          ],
        },
      ],
    },
  },
  {
    // Tests edit manifests as loose JSON objects; typing every nesting level would hide the intent.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
