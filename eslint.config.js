// Flat config: TypeScript rules everywhere, and a wall around the pure engine.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import globals from 'globals'

const uiPackages = ['react', 'react-dom', 'react/*', 'react-dom/*', '@xyflow/*', 'zustand', 'zustand/*',
  'monaco-editor', 'monaco-editor/*', '@monaco-editor/*', 'monaco-yaml', 'monaco-yaml/*', '@xterm/*', 'elkjs', 'elkjs/*']

export default tseslint.config(
  { ignores: ['dist', '.cache', 'node_modules', 'coverage', 'test-results', 'playwright-report', 'tmp'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    // The simulation runs in a Worker, in Node and in tests: no UI library, no DOM, no Node built-ins.
    files: ['src/engine/**/*.ts', 'src/shell/**/*.ts', 'src/scenarios/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: uiPackages, message: 'src/engine and src/shell must stay free of UI libraries.' },
          { group: ['node:*', 'fs', 'path', 'os', 'child_process'], message: 'src/engine and src/shell run in the browser too: no Node built-ins.' },
          { group: ['**/ui/**', '**/cli/**'], message: 'The engine must not depend on the UI or the CLI.' },
        ],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'process', 'require'],
    },
  },
  {
    // Typed engine and shell: kubernetes-types' shapes, the project's own types, or unknown with narrowing.
    // Tests and their helpers (testing.ts, test-*.ts) may assert on loosely typed objects.
    files: ['src/engine/**/*.ts', 'src/shell/**/*.ts'],
    ignores: ['src/**/*.test.ts', 'src/**/testing.ts', 'src/**/test-*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'error' },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/worker/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
)
