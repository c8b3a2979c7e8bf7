// Browser benchmark of the built app in headless Debian Chromium: first load to a drawn topology, editor
// ready, keystroke → updated topology (default scenario and 200 pods), and the JavaScript of the first paint.
// Run: `npx tsx bench/browser.ts` (builds first when dist/ is missing; prints a table), or through
// `npm run bench`, which takes `browserFigures` from here.
import { spawn, execSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { chromium, type Page } from '@playwright/test'
import { budget, median, percentile, type Figure, type FigureSource } from './figures.ts'

// BENCH_PORT / BENCH_DIST: measure a build elsewhere than dist/ on 4173 (e.g. while others use those).
const PORT = process.env.BENCH_PORT ?? '4173'
const DIST = process.env.BENCH_DIST ?? 'dist'
const URL = `http://127.0.0.1:${PORT}/`
const RUNS = Number(process.env.BENCH_LOADS ?? 5)
const EDITS = Number(process.env.BENCH_EDITS ?? 20)


function firstPaintJs(): { entryKb: number; withWorkersKb: number } {
  const html = readFileSync(`${DIST}/index.html`, 'utf8')
  const gz = (file: string) => gzipSync(readFileSync(`${DIST}${file}`)).length / 1024
  const entry = [...html.matchAll(/<script type="module"[^>]*src="([^"]+)"/g), ...html.matchAll(/<link rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1])
  const workers = [...html.matchAll(/new Worker\("([^"]+)"/g)].map((m) => m[1])
  const entryKb = entry.reduce((n, f) => n + gz(f), 0)
  return { entryKb: Math.round(entryKb), withWorkersKb: Math.round(entryKb + workers.reduce((n, f) => n + gz(f), 0)) }
}

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try { if ((await fetch(URL)).ok) return } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error('vite preview did not start')
}

const mark = (page: Page, name: string) => page.evaluate(`performance.getEntriesByName(${JSON.stringify(name)})[0]?.startTime ?? NaN`) as Promise<number>

/** Replaces line 6 (`  replicas: N`) through Monaco's go-to-line, like a person typing. */
export async function setReplicas(page: Page, n: number): Promise<void> {
  await page.getByRole('textbox', { name: /YAML manifest/ }).focus()
  await page.keyboard.press('Control+G')
  await page.keyboard.insertText('6')
  await page.keyboard.press('Enter')
  await page.keyboard.press('Home')
  await page.keyboard.press('Shift+End')
  await page.keyboard.insertText(`replicas: ${n}`)
}

// Page-side code as a string: tsx would wrap named functions in a `__name` helper the page does not have.
const WAIT_FOR_PODS = `({ n, keyAt }) => new Promise((resolve) => {
  const check = () => {
    // Live pod cards, plus the pods counted in kubia's workload boxes (a node's group of more than 4 is one box). A
    // scaled-down pod shows as Terminating for its 30 s grace period: the edit is painted once it shows so.
    let shown = document.querySelectorAll('[aria-label^="Pod default/kubia-"]:not([aria-label*=", Terminating"])').length
    for (const el of document.querySelectorAll('.react-flow__node-workload[aria-label^="Deployment default/kubia "] [data-pods]')) shown += Number(el.getAttribute('data-pods')) - Number(el.getAttribute('data-ending') ?? 0)
    if (shown === n) {
      requestAnimationFrame(() => {
        const sent = performance.getEntriesByName('kubehop:apply-sent').pop().startTime
        resolve({ fromApply: performance.now() - sent, fromKey: performance.now() - keyAt })
      })
    } else requestAnimationFrame(check)
  }
  check()
})`

/** ms from the end of the typing debounce (the apply leaves for the worker) to the painted topology with n kubia pods; and from the keystroke. */
async function timeEdit(page: Page, n: number): Promise<{ fromApply: number; fromKey: number }> {
  const keyAt = await page.evaluate('performance.now()') as number
  await setReplicas(page, n)
  const fn = await page.evaluateHandle(WAIT_FOR_PODS)
  return (await fn.evaluate((f, arg) => (f as unknown as (a: typeof arg) => Promise<{ fromApply: number; fromKey: number }>)(arg), { n, keyAt }))
}

async function measure(): Promise<Figure[]> {
  if (!existsSync(`${DIST}/index.html`)) execSync(`npx vite build --logLevel warn --outDir ${DIST}`, { stdio: 'inherit' })
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', PORT, '--strictPort', '--outDir', DIST], { stdio: 'ignore', detached: true })
  try {
    await waitForServer()
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] })
    const topology: number[] = []
    const editor: number[] = []
    const snapshot: number[] = []
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } }) // cold: no saved layout or document
      const page = await context.newPage()
      await page.goto(URL)
      await page.getByRole('textbox', { name: /YAML manifest/ }).waitFor()
      await page.waitForFunction(`performance.getEntriesByName('kubehop:topology-drawn').length > 0`)
      // The engine starts once the editor is up (the first screen is precomputed): its first snapshot comes last.
      await page.waitForFunction(`performance.getEntriesByName('kubehop:snapshot').length > 0`)
      topology.push(await mark(page, 'kubehop:topology-drawn'))
      editor.push(await mark(page, 'kubehop:editor-ready'))
      snapshot.push(await mark(page, 'kubehop:snapshot'))
      await context.close()
    }
    const edits = async (base: number) => {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
      const page = await context.newPage()
      await page.goto(URL)
      await page.getByRole('textbox', { name: /YAML manifest/ }).waitFor()
      if (base !== 3) await timeEdit(page, base)
      const fromApply: number[] = []
      const fromKey: number[] = []
      for (let i = 0; i < EDITS; i++) {
        const r = await timeEdit(page, i % 2 ? base : base + 1)
        fromApply.push(r.fromApply)
        fromKey.push(r.fromKey)
      }
      await context.close()
      return { fromApply, fromKey }
    }
    const small = await edits(3)
    const large = await edits(200)
    await browser.close()
    const js = firstPaintJs()
    const p95 = (xs: number[]) => percentile(xs, 95)
    const g = 'browser'
    return [
      { group: g, name: 'first load → engine snapshot (median)', value: median(snapshot), unit: 'ms', note: `${RUNS} cold loads` },
      { group: g, name: 'first load → drawn topology (median)', value: median(topology), unit: 'ms', ...budget(median(topology), 1000, 'ms'), note: `p95 ${p95(topology).toFixed(0)} ms` },
      { group: g, name: 'first load → editor ready (median)', value: median(editor), unit: 'ms', ...budget(median(editor), 1500, 'ms'), note: `p95 ${p95(editor).toFixed(0)} ms` },
      { group: g, name: 'edit → topology, default scenario (p95)', value: p95(small.fromApply), unit: 'ms', ...budget(p95(small.fromApply), 50, 'ms'), note: `after the 250 ms debounce; median ${median(small.fromApply).toFixed(0)} ms; from the keystroke p95 ${p95(small.fromKey).toFixed(0)} ms` },
      { group: g, name: 'edit → topology, 200 pods (p95)', value: p95(large.fromApply), unit: 'ms', ...budget(p95(large.fromApply), 150, 'ms'), note: `after the debounce; median ${median(large.fromApply).toFixed(0)} ms; from the keystroke p95 ${p95(large.fromKey).toFixed(0)} ms` },
      { group: g, name: 'first-paint JS, main thread (gzip)', value: js.entryKb, unit: 'KB', ...budget(js.entryKb, 500, 'KB'), note: `with the engine and ELK workers the first topology needs: ${js.withWorkersKb} KB` },
    ]
  } finally {
    if (server.pid) process.kill(-server.pid)
  }
}

export const browserFigures: FigureSource[] = [{ name: 'browser (headless Chromium, built app)', run: measure }]

if (process.argv[1]?.endsWith('bench/browser.ts')) {
  const figures = await measure()
  const w = Math.max(...figures.map((f) => f.name.length))
  console.log(`${'figure'.padEnd(w)}  ${'value'.padStart(9)}  ${'target'.padEnd(12)}  note`)
  for (const f of figures) {
    console.log(`${f.name.padEnd(w)}  ${`${f.value.toFixed(0)} ${f.unit}`.padStart(9)}  ${(f.target ? `${f.target} ${f.withinTarget ? '✓' : '✗'}` : '').padEnd(12)}  ${f.note ?? ''}`)
  }
}
