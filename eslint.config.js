import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'dist-firefox/', 'dist-cli/', 'release/', 'node_modules/', 'demo-output/', 'bench-results/', 'test/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'webextension-polyfill', message: 'Import browser from src/shared/browser.ts.' }],
        },
      ],
    },
  },
  {
    files: ['src/shared/browser.ts', 'test/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src/engine/**'],
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'chrome', 'browser'],
    },
  },
);
