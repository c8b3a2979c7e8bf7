// Frame rate of the request animation in headless Debian Chromium: the default scenario, 100 requests sent
// from the "Send request" form (so ~50 packets are in flight at once), frames counted with
// requestAnimationFrame while the packets move. Prints figures; not a timed test.
// Run: `npx tsx bench/browser-fps.ts` (builds first when dist/ is missing). BENCH_PORT / BENCH_DIST as bench/browser.ts.
import { spawn, execSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chromium } from '@playwright/test'

const PORT = process.env.BENCH_PORT ?? '4173'
const DIST = process.env.BENCH_DIST ?? 'dist'
const URL = `http://127.0.0.1:${PORT}/`
const SECONDS = Number(process.env.BENCH_FPS_SECONDS ?? 5)
const RUNS = Number(process.env.BENCH_FPS_RUNS ?? 3)

async function serverUp(): Promise<boolean> {
  try { return (await fetch(URL)).ok } catch { return false }
}

// Page-side code as a string (tsx would wrap named functions in a helper the page does not have).
const COUNT_FRAMES = `(seconds) => new Promise((resolve) => {
  const inFlight = () => Number(document.querySelector('.packet-layer')?.dataset.inFlight ?? document.querySelectorAll('.packet-layer .packet-dot:not(.is-hidden)').length)
  const gaps = []; const flying = []
  let last = performance.now(); const start = last
  const frame = (now) => {
    gaps.push(now - last); last = now; if (gaps.length % 10 === 1) flying.push(inFlight())
    if (now - start < seconds * 1000) requestAnimationFrame(frame)
    else resolve({ frames: gaps.length, ms: now - start, gaps, flying })
  }
  requestAnimationFrame(frame)
})`

const WAIT_IN_FLIGHT = `(n) => new Promise((resolve) => {
  const check = () => Number(document.querySelector('.packet-layer')?.dataset.inFlight ?? document.querySelectorAll('.packet-layer .packet-dot:not(.is-hidden)').length) >= n ? resolve(true) : requestAnimationFrame(check)
  check()
})`

interface Run { idleFps: number; fps: number; p95FrameMs: number; worstFrameMs: number; inFlightMin: number; inFlightAvg: number }

async function main(): Promise<void> {
  let server: ReturnType<typeof spawn> | null = null
  if (!(await serverUp())) {
    if (!existsSync(`${DIST}/index.html`)) execSync(`npx vite build --logLevel warn --outDir ${DIST}`, { stdio: 'inherit' })
    server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', PORT, '--strictPort', '--outDir', DIST], { stdio: 'ignore', detached: true })
    for (let i = 0; i < 100 && !(await serverUp()); i++) await new Promise((r) => setTimeout(r, 100))
  }
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] })
  const runs: Run[] = []
  try {
    for (let i = 0; i < RUNS; i++) {
      const page = await browser.newPage({ viewport: { width: 1600, height: 950 } })
      await page.goto(URL)
      await page.getByRole('group', { name: /^Pod default\/kubia-/ }).first().waitFor()
      // The same page with nothing moving: what this machine's headless Chromium manages at all right now.
      await page.waitForTimeout(1000)
      const idle = await page.evaluate(`(${COUNT_FRAMES})(2)`) as { frames: number; ms: number }
      await page.getByRole('button', { name: 'Send request' }).click()
      const form = page.getByRole('dialog', { name: 'Send request' })
      await form.getByRole('combobox', { name: 'Count' }).selectOption('100')
      await form.getByRole('button', { name: 'Send' }).click()
      await page.evaluate(`(${WAIT_IN_FLIGHT})(50)`)
      const r = await page.evaluate(`(${COUNT_FRAMES})(${SECONDS})`) as { frames: number; ms: number; gaps: number[]; flying: number[] }
      const gaps = [...r.gaps].sort((a, b) => a - b)
      runs.push({
        idleFps: (idle.frames / idle.ms) * 1000,
        fps: (r.frames / r.ms) * 1000,
        p95FrameMs: gaps[Math.floor(gaps.length * 0.95)],
        worstFrameMs: gaps[gaps.length - 1],
        inFlightMin: Math.min(...r.flying),
        inFlightAvg: r.flying.reduce((a, b) => a + b, 0) / r.flying.length,
      })
      await page.close()
    }
  } finally {
    await browser.close()
    if (server?.pid) process.kill(-server.pid)
  }
  console.log(`request animation, default scenario, 100 requests (${SECONDS} s measured per run, ${RUNS} runs, headless Chromium)`)
  console.log('run  idle fps  fps    p95 frame ms  worst frame ms  packets in flight (min/avg)')
  runs.forEach((r, i) => console.log(`${String(i + 1).padEnd(4)} ${r.idleFps.toFixed(1).padEnd(9)} ${r.fps.toFixed(1).padEnd(6)} ${r.p95FrameMs.toFixed(1).padEnd(13)} ${r.worstFrameMs.toFixed(1).padEnd(15)} ${r.inFlightMin}/${r.inFlightAvg.toFixed(0)}`))
  const fps = runs.map((r) => r.fps).sort((a, b) => a - b)
  console.log(`median fps ${fps[Math.floor(fps.length / 2)].toFixed(1)} (budget ≥ 55 with ≥ 50 in flight); load average ${(await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' ')}`)
}

void main()
