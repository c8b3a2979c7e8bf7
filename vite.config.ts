/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'vite'

const monacoEsm = fileURLToPath(new URL('./node_modules/monaco-editor/esm/vs/', import.meta.url))

// Parsing ELK's 1.6 MB worker is the slowest step to the first topology: start it before the main bundle
// has even loaded. src/ui/topology/elkLayouter.ts adopts the worker (or creates one, as in dev).
function startElkWorkerEarly(): Plugin {
  return {
    name: 'kubehop:start-elk-worker-early',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const asset = Object.keys(ctx.bundle ?? {}).find((file) => /elk-worker\.min-[\w-]+\.js$/.test(file))
        if (!asset) return []
        return [{ tag: 'script', injectTo: 'head-prepend',
          children: `globalThis.__kubehopElkWorker = new Worker(${JSON.stringify('/' + asset)})` }]
      },
    },
  }
}

export default defineConfig({
  plugins: [react(), startElkWorkerEarly()],
  // monaco-editor>=0.56 "exports" map breaks 'monaco-editor/esm/vs/...' deep imports (monaco-worker-manager uses them).
  resolve: { alias: [{ find: /^monaco-editor\/esm\/vs\//, replacement: monacoEsm }] },
  worker: { format: 'es' },
  // Dev: pre-bundle the late-discovered worker dependency so the first cold load does not reload the page.
  optimizeDeps: { include: ['monaco-yaml/yaml.worker.js'] },
  build: { chunkSizeWarningLimit: 4600 }, // the lazy Monaco chunk is large by nature; first paint is measured separately
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  test: { include: ['src/**/*.test.ts'], environment: 'node' }, // keeps vitest off Playwright's e2e/
})
