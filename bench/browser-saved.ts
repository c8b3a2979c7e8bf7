// First load of a returning visitor (a saved document) against a first visit, in headless Debian Chromium: the
// workspace is read from IndexedDB before the first render, where the one-slot save was a synchronous
// localStorage read. Run on any build: `BENCH_DIST=dist BENCH_PORT=4174 npx tsx bench/browser-saved.ts`.
import { spawn } from 'node:child_process'
import { chromium, type Page } from '@playwright/test'
import { median, percentile } from './figures.ts'
import { setReplicas } from './browser.ts'

const PORT = process.env.BENCH_PORT ?? '4174'
const DIST = process.env.BENCH_DIST ?? 'dist'
const URL = `http://127.0.0.1:${PORT}/`
const RUNS = Number(process.env.BENCH_LOADS ?? 7)

const mark = (page: Page, name: string) => page.evaluate(`performance.getEntriesByName(${JSON.stringify(name)})[0]?.startTime ?? NaN`) as Promise<number>

async function load(page: Page): Promise<{ drawn: number; editor: number }> {
  await page.getByRole('textbox', { name: /YAML manifest/ }).waitFor()
  await page.waitForFunction(`performance.getEntriesByName('kubehop:topology-drawn').length > 0`)
  return { drawn: await mark(page, 'kubehop:topology-drawn'), editor: await mark(page, 'kubehop:editor-ready') }
}

async function main(): Promise<void> {
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', PORT, '--strictPort', '--outDir', DIST], { stdio: 'ignore', detached: true })
  try {
    for (let i = 0; i < 100; i++) { try { if ((await fetch(URL)).ok) break } catch { /* not yet */ } await new Promise((r) => setTimeout(r, 100)) }
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] })
    const cold = { drawn: [] as number[], editor: [] as number[] }
    const saved = { drawn: [] as number[], editor: [] as number[] }
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
      const page = await context.newPage()
      await page.goto(URL)
      const first = await load(page)
      cold.drawn.push(first.drawn)
      cold.editor.push(first.editor)
      // Save an edited document (4 replicas), as a returning visitor has one, then come back in a new tab.
      await setReplicas(page, 4)
      await page.waitForTimeout(1500) // past the autosave's debounce
      const again = await context.newPage()
      await page.close()
      await again.goto(URL)
      const back = await load(again)
      await again.getByText('replicas: 4').waitFor()
      saved.drawn.push(back.drawn)
      saved.editor.push(back.editor)
      await context.close()
    }
    await browser.close()
    const show = (what: string, xs: number[]) => console.log(`${what}: median ${median(xs).toFixed(0)} ms, p95 ${percentile(xs, 95).toFixed(0)} ms (${xs.map((x) => x.toFixed(0)).join(', ')})`)
    show('first visit → drawn topology', cold.drawn)
    show('first visit → editor ready', cold.editor)
    show('saved document → drawn topology', saved.drawn)
    show('saved document → editor ready', saved.editor)
  } finally {
    if (server.pid) process.kill(-server.pid)
  }
}

await main()
