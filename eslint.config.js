// Lint rules that keep the architecture honest (see docs/architecture.md):
// domain/ is pure (no Node or DOM API, nothing of ours), and nothing but the composition root (stack/, bin/)
// imports api/ or modeler/.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const noApiOrModeler = {
  group: ['**/api/*', '**/api/**', '**/modeler/*', '**/modeler/**'],
  message: 'Only stack/ and bin/ wire api/ and modeler/; depend on domain/ or storage/ instead.',
};
const nodeMessage = 'domain/ runs in the Temporal sandbox and the browser: no Node API.';
const nodeBuiltins = { group: ['node:*'], message: nodeMessage };
// Bare built-in names are listed as exact paths, so `../process/ir.ts` is not mistaken for `process`.
const nodeBuiltinPaths = ['fs', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url', 'util', 'stream', 'events', 'worker_threads', 'process', 'buffer'].map((name) => ({ name, message: nodeMessage }));
const ours = {
  group: ['**/workflows/**', '**/activities/**', '**/storage/**', '**/runtime/**', '**/demo/**', '**/stack/**', '**/bin/**', '**/tests/**', '**/api/**', '**/modeler/**'],
  message: 'domain/ imports nothing of ours outside domain/.',
};

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.data/', '.tools/', 'test-artifacts/', 'modeler/dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { patterns: [noApiOrModeler] }],
    },
  },
  {
    files: ['domain/**/*.ts'],
    ignores: ['domain/**/*.test.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-imports': ['error', { paths: nodeBuiltinPaths, patterns: [nodeBuiltins, ours] }],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require', 'setTimeout', 'setInterval', 'fetch', 'localStorage', 'navigator', '__dirname'],
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'domain/ has no clock: take `now` as an argument.' }, { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'domain/ has no clock: take `now` as an argument.' }, { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'domain/ has no randomness.' }],
    },
  },
  {
    files: ['modeler/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['stack/**/*.ts', 'bin/**/*.ts', 'tests/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
