/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'vite'
import { DOC_KEY, DOC_KEY_V1 } from './src/ui/storageKeys.ts'

const monacoEsm = fileURLToPath(new URL('./node_modules/monaco-editor/esm/vs/', import.meta.url))

// For a saved or shared document, building the engine's cluster is the slowest step to the first topology: start
// its worker before the main bundle has even loaded (src/ui/startEngine.ts adopts it, or creates its own). ELK's worker is not
// started here: the first layout comes from the build-time table below, and ELK's 1.6 MB parse would only
// compete with the engine for the two cores.
function startWorkersEarly(): Plugin {
  return {
    name: 'kubehop:start-workers-early',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const files = Object.keys(ctx.bundle ?? {})
        const engine = files.find((file) => /engine\.worker-[\w-]+\.js$/.test(file))
        // The editor's chunk, which src/ui/editor/preloadEditor.ts fetches (without running it) once the app is up.
        const editor = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'chunk' && c.facadeModuleId?.endsWith('/src/ui/editor/MonacoEditor.tsx'))
        const editorCss = editor?.type === 'chunk' ? [...(editor.viteMetadata?.importedCss ?? [])] : []
        const lines = [
          // A saved or shared document needs the engine for its first screen: start it while the main bundle
          // downloads. The default document's first snapshot is precomputed, and main.tsx starts the engine later.
          engine && `try { if (location.hash.length > 1 || localStorage.getItem(${JSON.stringify(DOC_KEY)}) || localStorage.getItem(${JSON.stringify(DOC_KEY_V1)})) globalThis.__kubehopEngineWorker = new Worker(${JSON.stringify('/' + engine)}, { type: 'module', name: 'kubehop-engine' }) } catch {}`,
          editor && `globalThis.__kubehopEditorAssets = ${JSON.stringify({ js: '/' + editor.fileName, css: editorCss.map((f) => '/' + f) })}`,
        ].filter(Boolean)
        return lines.length ? [{ tag: 'script', injectTo: 'head-prepend', children: lines.join('\n') }] : []
      },
    },
  }
}

// `virtual:kubehop/precomputed`: the default scenario's first snapshot and ELK layout, computed by running the
// engine in Node at build time (scripts/precompute-layout.ts), so they always match the engine and toElkGraph.
function precomputed(): Plugin {
  const id = 'virtual:kubehop/precomputed'
  return {
    name: 'kubehop:precomputed-layouts',
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    async load(resolved) {
      if (resolved !== `\0${id}`) return undefined
      const script = fileURLToPath(new URL('./scripts/precompute-layout.ts', import.meta.url))
      const { tsImport } = await import('tsx/esm/api')
      const { precompute } = await tsImport(script, import.meta.url) as typeof import('./scripts/precompute-layout.ts')
      const { layouts, first } = await precompute()
      // JSON.parse of a string literal is faster to load than the same object literal.
      return `export const layouts = ${JSON.stringify(layouts)}\nexport const first = JSON.parse(${JSON.stringify(JSON.stringify(first))})`
    },
  }
}

export default defineConfig({
  plugins: [react(), startWorkersEarly(), precomputed()],
  // monaco-editor>=0.56 "exports" map breaks 'monaco-editor/esm/vs/...' deep imports (monaco-worker-manager uses them).
  resolve: { alias: [{ find: /^monaco-editor\/esm\/vs\//, replacement: monacoEsm }] },
  worker: { format: 'es' },
  // Dev: pre-bundle the late-discovered worker dependency so the first cold load does not reload the page.
  // dev: pre-bundle what the optimizer's scan misses (the engine worker's imports, the lazily loaded editor and
  // console) so a cold first visit does not re-optimise and reload
  optimizeDeps: { include: [
    'pure-rand/distribution/uniformInt',
    'pure-rand/generator/xoroshiro128plus',
    'yaml',
    'fflate',
    'monaco-yaml/yaml.worker.js',
    'monaco-editor/editor',
    'monaco-yaml',
    '@monaco-editor/react',
    '@xterm/xterm',
    '@xterm/addon-fit',
    'monaco-editor/features/codicon/register',
    'monaco-editor/features/hover/register',
    'monaco-editor/editor/contrib/suggest/browser/suggestController',
    'monaco-editor/features/snippet/register',
    'monaco-editor/features/gotoLine/register',
    'monaco-editor/features/gotoError/register',
    'monaco-editor/features/find/register',
    'monaco-editor/features/clipboard/register',
    'monaco-editor/features/contextmenu/register',
    'monaco-editor/features/comment/register',
    'monaco-editor/features/folding/register',
    'monaco-editor/features/bracketMatching/register',
    'monaco-editor/features/format/register',
    'monaco-editor/features/indentation/register',
    'monaco-editor/features/linesOperations/register',
    'monaco-editor/features/wordOperations/register',
    'monaco-editor/features/multicursor/register',
    'monaco-editor/features/cursorUndo/register',
    'monaco-editor/features/wordHighlighter/register',
    'monaco-editor/languages/definitions/yaml/register',
  ] },
  build: { chunkSizeWarningLimit: 4600 }, // the lazy Monaco chunk is large by nature; first paint is measured separately
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  test: {
    // keeps vitest off Playwright's e2e/
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    // The hang guard of every test (no test times itself): statistical and whole-cluster tests need room on a busy
    // 2-core machine, and a test over this fails.
    testTimeout: 60_000,
    // Expected files are never written by a test run, CI or not: a missing or changed transcript or trace fails.
    // Writing them is a separate, deliberate command whose diff a person reads: `npm run test:update` (vitest -u).
    update: 'none',
    // A stray `.only` would quietly skip the rest of the suite.
    allowOnly: false,
  },
})
