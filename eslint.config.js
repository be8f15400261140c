// Flat config: typescript-eslint's recommended rules on top of ESLint's, for src, test and scripts.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', '.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Commands must not exit from deep inside: the one handler in cli.ts maps errors to exit codes and
      // src/main.ts, the process entry, exits with it.
      'no-restricted-properties': ['error', { object: 'process', property: 'exit', message: 'Throw a typed error; src/main.ts owns process.exit.' }],
    },
  },
  {
    files: ['src/main.ts', 'bin/**', 'scripts/**', 'test/**'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // Tests read arbitrary JSON off the wire and out of stdout.
    files: ['test/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
