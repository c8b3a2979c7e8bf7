// Where the main thread's time goes at 1,000 pods: a CPU profile (self time by function) and a trace summary
// (time by top-level event: scripting, style, layout, paint, layerize) for the paste, the edits and the animation.
// Run: `BENCH_DIST=dist BENCH_PORT=4173 npx tsx bench/profile-big.ts [paste|edit|anim]...` (a non-minified build
// names the functions: `npx vite build --minify false --outDir DIR`).
import type { CDPSession, Page } from '@playwright/test'
import { profileTimes, withPreviewPage, type Profile } from './devtools.ts'
import { bigLink, bigManifest, replicasOf } from './big-document.ts'
import { DRAWN, pasteInto, setKubiaReplicas } from './browser-big.ts'

const PORT = process.env.BENCH_PORT ?? '4173'
const DIST = process.env.BENCH_DIST ?? 'dist'
const phases = process.argv.slice(2).length ? process.argv.slice(2) : ['paste', 'edit', 'anim']

const waitDrawn = (page: Page, n: number) => page.waitForFunction(`${DRAWN}() === ${n}`, undefined, { timeout: 180_000, polling: 'raf' })

/** Who calls `name` (CALLERS=name): its callers three frames up, by time. */
function callersOf(profile: Profile, name: string): [string, number][] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const parent = new Map<number, number>()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const out = new Map<string, number>()
  profile.samples.forEach((id, i) => {
    if (byId.get(id)!.callFrame.functionName !== name) return
    const chain: string[] = []
    for (let at = parent.get(id); at !== undefined && chain.length < 3; at = parent.get(at)) {
      const f = byId.get(at)!.callFrame
      chain.push(`${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`)
    }
    const k = chain.join(' < ')
    out.set(k, (out.get(k) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000)
  })
  return [...out].sort((a, b) => b[1] - a[1])
}

interface TraceEvent { name: string; ph: string; dur?: number; tid: number; pid: number; ts: number; args?: { name?: string } }

async function traced<T>(cdp: CDPSession, body: () => Promise<T>): Promise<{ result: T; events: TraceEvent[] }> {
  const events: TraceEvent[] = []
  cdp.on('Tracing.dataCollected', (e) => { for (const v of e.value) events.push(v as unknown as TraceEvent) })
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink', 'cc', 'viz', 'gpu', 'toplevel', 'disabled-by-default-cc.debug.scheduler.frames'] } as never, transferMode: 'ReportEvents' })
  const result = await body()
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r))
  await cdp.send('Tracing.end')
  await done
  return { result, events }
}

function traceSummary(events: TraceEvent[], thread = 'CrRendererMain', top = 22): string {
  // The renderer's threads (main, compositor, raster workers) share the pid of its main thread.
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
  const tids = new Set(events.filter((e) => e.name === 'thread_name' && e.pid === main?.pid && e.args?.name?.startsWith(thread)).map((e) => e.tid))
  const on = events.filter((e) => main && e.pid === main.pid && tids.has(e.tid) && e.ph === 'X' && e.dur)
  const by = new Map<string, { ms: number; n: number }>()
  for (const e of on) { const s = by.get(e.name) ?? { ms: 0, n: 0 }; s.ms += e.dur! / 1000; s.n++; by.set(e.name, s) }
  return [...by].sort((a, b) => b[1].ms - a[1].ms).slice(0, top).map(([k, v]) => `  ${v.ms.toFixed(0).padStart(7)} ms ${String(v.n).padStart(6)}× ${k}`).join('\n')
}

async function profiled<T>(cdp: CDPSession, label: string, body: () => Promise<T>): Promise<T> {
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
  await cdp.send('Profiler.start')
  const { result, events } = await traced(cdp, body)
  const { profile } = await cdp.send('Profiler.stop') as { profile: Profile }
  const wall = (profile.endTime - profile.startTime) / 1000
  console.log(`\n=== ${label}: ${wall.toFixed(0)} ms profiled\n--- main thread trace (top-level events, nested ones counted too)\n${traceSummary(events)}`)
  // Where frames go off the main thread: the compositor (draw, tile management) and the raster workers.
  console.log(`--- compositor thread\n${traceSummary(events, 'Compositor', 10)}`)
  console.log(`--- raster workers\n${traceSummary(events, 'CompositorTileWorker', 8)}`)
  // Every thread of every process (GPU/viz, raster workers included): busy time as the sum of its top-level tasks.
  const names = new Map(events.filter((e) => e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args?.name ?? '?']))
  const busy = new Map<string, number>()
  for (const e of events) if (e.ph === 'X' && e.dur && (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask' || e.name === 'TaskGraphRunner::RunTask')) {
    const k = (names.get(`${e.pid}:${e.tid}`) ?? '?').replace(/\d+$/, '')
    busy.set(k, (busy.get(k) ?? 0) + e.dur / 1000)
  }
  console.log(`--- busy by thread (top-level tasks)\n${[...busy].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([k, v]) => `  ${v.toFixed(0).padStart(7)} ms ${k}`).join('\n')}`)
  const layers = await cdp.send('LayerTree.enable').then(() => new Promise<number>((resolve) => {
    cdp.once('LayerTree.layerTreeDidChange', (e) => resolve((e as { layers?: unknown[] }).layers?.length ?? 0))
    setTimeout(() => resolve(-1), 3000)
  }))
  await cdp.send('LayerTree.disable')
  console.log(`--- composited layers now: ${layers}`)
  console.log('--- self time')
  for (const [k, v] of profileTimes(profile).self.slice(0, 30)) console.log(`  ${v.toFixed(0).padStart(7)} ms ${k}`)
  if (process.env.CALLERS) for (const [k, v] of callersOf(profile, process.env.CALLERS).slice(0, 8)) console.log(`  ${v.toFixed(0).padStart(7)} ms ${process.env.CALLERS} < ${k}`)
  console.log('--- total time')
  for (const [k, v] of profileTimes(profile).total.slice(0, 40)) console.log(`  ${v.toFixed(0).padStart(7)} ms ${k}`)
  return result
}

async function main(): Promise<void> {
  await withPreviewPage(DIST, PORT, async (page, cdp, url) => {
    await page.goto(url + (await bigLink(4, 20)).slice(1))
    const editor = page.getByRole('textbox', { name: /YAML manifest/ })
    await editor.waitFor({ timeout: 60_000 })
    await waitDrawn(page, 4)
    await page.waitForTimeout(500)
    await editor.focus()
    await page.keyboard.press('Control+A')
    const pods = 1000
    const paste = async () => { await pasteInto(page, bigManifest(pods)); await waitDrawn(page, pods) }
    if (phases.includes('paste')) await profiled(cdp, 'paste 1,000 pods', paste)
    else await paste()
    await page.waitForTimeout(1500)
    const kubia = replicasOf(pods)[0]
    const edits = async () => {
      for (let i = 0; i < 6; i++) {
        const n = i % 2 ? kubia : kubia + 1
        await setKubiaReplicas(page, n)
        await waitDrawn(page, pods - kubia + n)
      }
    }
    if (phases.includes('edit')) await profiled(cdp, '6 edits', edits)
    if (phases.includes('anim')) {
      await page.getByRole('button', { name: 'Send request' }).click()
      const form = page.getByRole('dialog', { name: 'Send request' })
      await form.getByRole('combobox', { name: 'Count' }).selectOption('100')
      await form.getByRole('button', { name: 'Send' }).click()
      await page.waitForFunction(`Number(document.querySelector('.packet-layer')?.dataset.inFlight ?? document.querySelectorAll('.packet-layer .packet-dot:not(.is-hidden)').length) >= 20`, undefined, { timeout: 60_000 })
      await profiled(cdp, 'animation, 3 s', async () => {
        const fps = await page.evaluate(`new Promise((resolve) => { let f = 0; const s = performance.now(); const frame = (now) => { f++; if (now - s < 3000) requestAnimationFrame(frame); else resolve(f / (now - s) * 1000) }; requestAnimationFrame(frame) })`)
        console.log(`fps ${Number(fps).toFixed(1)}`)
      })
    }
  })
}

await main()
