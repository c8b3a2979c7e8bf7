/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

const monacoEsm = fileURLToPath(new URL('./node_modules/monaco-editor/esm/vs/', import.meta.url))

export default defineConfig({
  plugins: [react()],
  // monaco-editor>=0.56 "exports" map breaks 'monaco-editor/esm/vs/...' deep imports (monaco-worker-manager uses them).
  resolve: { alias: [{ find: /^monaco-editor\/esm\/vs\//, replacement: monacoEsm }] },
  worker: { format: 'es' },
  // Dev: pre-bundle the late-discovered worker dependency so the first cold load does not reload the page.
  optimizeDeps: { include: ['monaco-yaml/yaml.worker.js'] },
  build: { chunkSizeWarningLimit: 4600 }, // the lazy Monaco chunk is large by nature; first paint is measured separately
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  test: { include: ['src/**/*.test.ts'], environment: 'node' }, // keeps vitest off Playwright's e2e/
})
