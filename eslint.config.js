// Lint, and above all the layering fences of the architecture:
//   shared/   pure TypeScript: no electron, no node:*, no react-dom, no exceljs/lowdb, no other layer
//   renderer/ the React UI: no electron, no node:*, no exceljs/lowdb, no electron/ code (types of the bridge only)
//   electron/ everything that touches the OS: never renderer/
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Bare built-in names are matched exactly (as `paths`), so a local folder called util/ is not caught.
const nodeBuiltinNames = [
  'fs', 'fs/promises', 'path', 'os', 'child_process', 'crypto', 'stream', 'util', 'url', 'zlib', 'events',
  'worker_threads', 'http', 'https', 'net', 'readline', 'buffer', 'process',
];
const nodeBuiltins = ['node:*'];
const builtinPaths = (message) => nodeBuiltinNames.map((name) => ({ name, message }));

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'out/**', 'release/**', 'test-results/**', 'playwright-report/**', '.demo-workspace/**', 'bench/.data/**', 'tests/.artifacts/**', 'scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-new-func': 'error',
      'no-implied-eval': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: builtinPaths('shared/ is pure: no Node built-ins.'),
          patterns: [
            { group: nodeBuiltins, message: 'shared/ is pure: no Node built-ins.' },
            { group: ['electron', 'react-dom', 'react-dom/*', 'exceljs', 'lowdb', 'lowdb/*'], message: 'shared/ is pure: no platform packages.' },
            { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ must not import another layer.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: builtinPaths('renderer/ runs sandboxed: no Node built-ins.'),
          patterns: [
            { group: nodeBuiltins, message: 'renderer/ runs sandboxed: no Node built-ins.' },
            { group: ['electron', 'exceljs', 'lowdb', 'lowdb/*'], message: 'renderer/ talks to the OS only through window.parscore.' },
            { group: ['**/electron/**'], message: 'renderer/ may import only the bridge type (import type).', allowTypeImports: true },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/renderer/**'], message: 'electron/ must not import renderer/.' }] },
      ],
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: builtinPaths('The sandboxed preload can use only electron.'),
          patterns: [
            { group: nodeBuiltins, message: 'The sandboxed preload can use only electron.' },
            { group: ['**/services/**', '**/main/**', '**/cli/**', '**/renderer/**'], message: 'The preload only bridges channels of shared/ipc.' },
          ],
        },
      ],
    },
  },
);
