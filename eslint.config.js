// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Layering, after VS Code: shared/ is runtime-neutral (no electron, no Node, no DOM, no UI
 * library); the renderer never reaches into electron, Node or the main process; main and
 * preload never import the renderer. The per-folder tsconfigs back this up with their types.
 */
const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'https',
  'net',
  'url',
  'stream',
  'buffer',
  'util',
  'worker_threads',
];

function restrictImports(patterns, message) {
  return ['error', { patterns: [{ group: patterns, message }] }];
}

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'out/',
      'dist/',
      'dist-web/',
      'dist-e2e-*/',
      'renderer/dist-e2e-*/',
      'test-results-*/',
      'release/',
      'test-results/',
      'playwright-report/',
      'data/',
      'bench/.profile/',
      'bench/.results/',
      'bench/dist/',
      'bench/.scratch/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.es2023 } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': restrictImports(
        [
          'electron',
          ...nodeBuiltins,
          'react',
          'react-dom',
          'antd',
          'dexie',
          '**/renderer/**',
          '**/main/**',
          '**/preload/**',
          '**/server/**',
        ],
        'shared/ runs everywhere: it may not import a runtime (electron, Node, DOM), a UI library or another layer.',
      ),
      'no-restricted-globals': [
        'error',
        ...[
          'window',
          'document',
          'localStorage',
          'sessionStorage',
          'navigator',
          'indexedDB',
          'location',
          'process',
          'Buffer',
          'require',
          '__dirname',
        ].map((name) => ({ name, message: 'shared/ is runtime-neutral: pass what you need in as an argument.' })),
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite-options.ts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The React Compiler rules assume the compiler; this project does not use it.
      'react-hooks/refs': 'off',
      'react-hooks/set-state-in-effect': 'off',
      'react-hooks/static-components': 'off',
      'react-hooks/preserve-manual-memoization': 'off',
      'react-hooks/immutability': 'off',
      'react-hooks/incompatible-library': 'off',
      'react-hooks/purity': 'off',
      'no-restricted-imports': restrictImports(
        ['electron', ...nodeBuiltins, '**/main/**', '**/preload/**', '**/server/**'],
        'The renderer talks to its host only through DesktopApi (renderer/platform).',
      ),
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'No Node in the renderer.' },
        { name: 'require', message: 'No Node in the renderer.' },
      ],
      // The screens know the deliverables through the docx-free catalogue; the builders and docx
      // (1.3 MB) are loaded only in the document Web Worker (issue 16). Types may be imported.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['docx'],
              allowTypeImports: true,
              message: 'docx is loaded only in the document worker (document-worker.ts).',
            },
            {
              // Anything of shared/documents but the catalogue and three docx-free helpers.
              regex: '/shared/documents(?!/catalogue(/|$)|/checks$|/parts/plan-progress$|/house-template-check$)',
              allowTypeImports: true,
              message:
                'Screens import shared/documents/catalogue; the builders and docx belong to the document worker (document-worker.ts).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/features/deliverables/document-worker.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': 'off' },
  },
  {
    files: ['main/**/*.ts', 'preload/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': restrictImports(
        ['**/renderer/**', 'react', 'react-dom', 'antd', 'dexie'],
        'main/ and preload/ never import the renderer.',
      ),
    },
  },
  {
    files: ['server/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': restrictImports(
        ['electron', '**/renderer/**', '**/main/**', '**/preload/**', 'react', 'antd', 'dexie'],
        'The server shares only shared/ with the app.',
      ),
    },
  },
  {
    files: [
      'test/**/*.{ts,tsx}',
      'bench/**/*.{ts,mjs,js}',
      'scripts/**/*.{mjs,js,ts}',
      '*.config.{ts,js}',
      'renderer/vite-options.ts',
    ],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
