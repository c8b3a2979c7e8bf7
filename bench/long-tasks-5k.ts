// What fills the main thread's long tasks at 5,000 pods on 100 nodes: a trace of the paste (→ what the apply made is
// painted) and the clock at 60× (→ all 5,000 painted), then, for every main-thread task over LONG_MS (default 100),
// its wall time and the time of the events inside it by name (script, style, layout, paint, message deserialization),
// nested events counted under their own names too. Run on a build (non-minified names the functions in FunctionCall):
//   BENCH_DIST=dist npx tsx bench/long-tasks-5k.ts [paste|converge]...
import type { CDPSession, Page } from '@playwright/test'
import { profileTimes, withPreviewPage, type Profile } from './devtools.ts'
import { bigLink, bigManifest, podsAfterApply } from './big-document.ts'
import { DRAWN, pasteInto } from './browser-big.ts'

const PORT = process.env.BENCH_PORT ?? '4173'
const DIST = process.env.BENCH_DIST ?? 'dist'
const PODS = 5000
const LONG_MS = Number(process.env.LONG_MS ?? 100)
const phases = process.argv.slice(2).length ? process.argv.slice(2) : ['paste', 'converge']

interface TraceEvent { name: string; ph: string; dur?: number; tid: number; pid: number; ts: number; args?: { name?: string; data?: { functionName?: string; url?: string } } }


async function traced(cdp: CDPSession, body: () => Promise<void>): Promise<{ events: TraceEvent[]; profile: Profile }> {
  const sampling = process.env.SAMPLE !== '0'
  if (sampling) {
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
    await cdp.send('Profiler.start')
  }
  const events: TraceEvent[] = []
  const collect = (e: { value: object[] }) => { for (const v of e.value) events.push(v as TraceEvent) }
  cdp.on('Tracing.dataCollected', collect)
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: process.env.SAMPLE === '0' ? ['devtools.timeline', 'toplevel'] : ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'v8', 'blink', 'toplevel', 'cc'] } as never, transferMode: 'ReportEvents' })
  await body()
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r))
  await cdp.send('Tracing.end')
  await done
  cdp.off('Tracing.dataCollected', collect)
  const { profile } = sampling ? await cdp.send('Profiler.stop') as { profile: Profile } : { profile: { nodes: [], samples: [], timeDeltas: [], startTime: 0, endTime: 0 } }
  return { events, profile }
}

function longTasks(label: string, { events, profile }: { events: TraceEvent[]; profile: Profile }): void {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
  if (!main) { console.log('no main thread in the trace'); return }
  const on = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts)
  const tasks = on.filter((e) => e.name === 'ThreadControllerImpl::RunTask' && e.dur! / 1000 >= LONG_MS)
  const t0 = on[0]?.ts ?? 0
  console.log(`\n=== ${label}: ${tasks.length} main-thread tasks over ${LONG_MS} ms`)
  for (const task of tasks) {
    const inside = on.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur! <= task.ts + task.dur!)
    const by = new Map<string, number>()
    for (const e of inside) {
      const fn = e.name === 'FunctionCall' && e.args?.data?.functionName ? `FunctionCall ${e.args.data.functionName}` : e.name
      by.set(fn, (by.get(fn) ?? 0) + e.dur! / 1000)
    }
    console.log(`--- task at ${((task.ts - t0) / 1000).toFixed(0)} ms: ${(task.dur! / 1000).toFixed(0)} ms`)
    for (const [k, v] of [...by].sort((a, b) => b[1] - a[1]).slice(0, 14)) console.log(`  ${v.toFixed(1).padStart(7)} ms ${k}`)
    const { self, total } = profileTimes(profile, task.ts, task.ts + task.dur!)
    console.log('  script, self:')
    for (const [k, v] of self.slice(0, 12)) console.log(`  ${v.toFixed(1).padStart(7)} ms ${k}`)
    console.log('  script, total:')
    for (const [k, v] of total.slice(0, Number(process.env.TOTAL ?? 30))) console.log(`  ${v.toFixed(1).padStart(7)} ms ${k}`)
  }
}

const waitDrawn = (page: Page, n: number) => page.waitForFunction(`${DRAWN}() === ${n}`, undefined, { timeout: 300_000, polling: 500 })

async function main(): Promise<void> {
  await withPreviewPage(DIST, PORT, async (page, cdp, url) => {
    await page.goto(url + (await bigLink(4, 100)).slice(1))
    const editor = page.getByRole('textbox', { name: /YAML manifest/ })
    await editor.waitFor({ timeout: 60_000 })
    await waitDrawn(page, 4)
    await page.waitForTimeout(1000)
    await editor.focus()
    await page.keyboard.press('Control+A')
    const run = async (name: string, label: string, body: () => Promise<void>) => {
      if (!phases.includes(name)) return body()
      longTasks(label, await traced(cdp, body))
    }
    await run('paste', `paste 5,000 pods → ${podsAfterApply(PODS, 4)} painted`, async () => { await pasteInto(page, bigManifest(PODS)); await waitDrawn(page, podsAfterApply(PODS, 4)) })
    await run('converge', 'clock 60× → all 5,000 painted', async () => { await page.getByRole('button', { name: 'Clock speed 60×' }).click(); await waitDrawn(page, PODS) })
    if (process.env.SHOT) await page.screenshot({ path: process.env.SHOT })
  })
}

await main()
