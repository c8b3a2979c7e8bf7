/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'vite'

const monacoEsm = fileURLToPath(new URL('./node_modules/monaco-editor/esm/vs/', import.meta.url))

// Parsing ELK's 1.6 MB worker and building the engine's cluster are the slowest steps to the first topology:
// start both workers before the main bundle has even loaded. src/ui/topology/elkLayouter.ts and
// src/ui/startEngine.ts adopt them (or create their own, as in dev).
function startWorkersEarly(): Plugin {
  return {
    name: 'kubehop:start-workers-early',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const files = Object.keys(ctx.bundle ?? {})
        const elk = files.find((file) => /elk-worker\.min-[\w-]+\.js$/.test(file))
        const engine = files.find((file) => /engine\.worker-[\w-]+\.js$/.test(file))
        const lines = [
          // The engine first: it builds the default cluster while the main bundle downloads.
          engine && `globalThis.__kubehopEngineWorker = new Worker(${JSON.stringify('/' + engine)}, { type: 'module', name: 'kubehop-engine' })`,
          elk && `globalThis.__kubehopElkWorker = new Worker(${JSON.stringify('/' + elk)})`,
        ].filter(Boolean)
        return lines.length ? [{ tag: 'script', injectTo: 'head-prepend', children: lines.join('\n') }] : []
      },
    },
  }
}

export default defineConfig({
  plugins: [react(), startWorkersEarly()],
  // monaco-editor>=0.56 "exports" map breaks 'monaco-editor/esm/vs/...' deep imports (monaco-worker-manager uses them).
  resolve: { alias: [{ find: /^monaco-editor\/esm\/vs\//, replacement: monacoEsm }] },
  worker: { format: 'es' },
  // Dev: pre-bundle the late-discovered worker dependency so the first cold load does not reload the page.
  optimizeDeps: { include: ['monaco-yaml/yaml.worker.js'] },
  build: { chunkSizeWarningLimit: 4600 }, // the lazy Monaco chunk is large by nature; first paint is measured separately
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  // keeps vitest off Playwright's e2e/; statistical and whole-cluster tests need room on a busy 2-core machine
  test: { include: ['src/**/*.test.ts'], environment: 'node', testTimeout: 60_000 },
})
