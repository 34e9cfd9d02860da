// Lint rules: typescript-eslint's recommended type-aware set, over the sources, tests and scripts;
// layout is Prettier's (`npm run format`), so eslint-config-prettier turns off the rules it covers.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'dist/', 'build/', 'src/generated/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.js', 'scripts/*.js', 'src/db/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['error'] }],
    },
  },
  {
    // The time comes from the injected clock (src/core/clock.ts), so that tests can move it on.
    files: ['src/**'],
    ignores: ['src/core/clock.ts', 'src/cli/**', 'src/dev/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Read the time from the clock (services.clock.now()), not new Date().',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Read the time from the clock (services.clock.now()), not Date.now().',
        },
      ],
    },
  },
  {
    // Command-line tools talk to their user on standard output.
    files: ['src/cli/**', 'src/main.ts', 'scripts/**', 'test/bench/**', 'test/multiprocess/**'],
    rules: { 'no-console': 'off' },
  },
  {
    // The build scripts are plain JavaScript for Node (typed by JSDoc); TypeScript checks names there.
    files: ['scripts/**'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  prettier,
);
