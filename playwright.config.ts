import { defineConfig } from '@playwright/test'

// Debian's chromium (scripts/ensure-chromium.sh), never a Playwright browser download.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
// E2E_PORT and E2E_OUT_DIR let several people run the suite at once on one machine without sharing a server or dist/.
const port = Number(process.env.E2E_PORT ?? 4173)
const baseURL = `http://127.0.0.1:${port}`
const outDir = process.env.E2E_OUT_DIR ? ` --outDir ${process.env.E2E_OUT_DIR}` : ''

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  outputDir: process.env.E2E_RESULTS_DIR ?? 'test-results',
  fullyParallel: false,
  workers: process.env.CI ? 1 : 2,
  retries: process.env.CI ? 1 : 0,
  // A stray `.only` would quietly skip the rest of the suite, on CI or anywhere else.
  forbidOnly: true,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: 'list',
  use: {
    baseURL,
    browserName: 'chromium',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  // Tests run against the built app, like users get it; the build runs first so dist/ is never stale
  // (E2E_SKIP_BUILD=1 when the build just ran: scripts/test-all.sh builds once for the budgets and these tests).
  webServer: {
    command: `${process.env.E2E_SKIP_BUILD ? '' : `npx vite build --logLevel warn${outDir}${outDir && ' --emptyOutDir'} && `}npx vite preview --host 127.0.0.1 --port ${port} --strictPort${outDir}`,
    url: baseURL,
    // Never a server that happens to be on the port (an older build, someone else's): --strictPort then fails loudly.
    reuseExistingServer: false,
    timeout: 60_000,
  },
})
