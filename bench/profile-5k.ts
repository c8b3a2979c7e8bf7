// Where the time goes at 5,000 pods on 100 nodes, on both threads: CPU profiles of the page's main thread and of the
// engine's Web Worker (attached through the DevTools protocol: Target.setAutoAttach on the page's session, then
// Target.sendMessageToTarget), over the paste (→ what the apply made is painted), the clock at 60× (→ all 5,000
// painted) and a few edits of kubia's replicas. Prints self and total time by function for each thread, and the
// wall time of each phase. A non-minified build names the functions:
//   npx vite build --minify false --outDir /tmp/nomin && BENCH_DIST=/tmp/nomin npx tsx bench/profile-5k.ts [paste|converge|edit]...
import type { CDPSession, Page } from '@playwright/test'
import { profileTimes, withPreviewPage, type Profile } from './devtools.ts'
import { bigLink, bigManifest, podsAfterApply, replicasOf } from './big-document.ts'
import { DRAWN, pasteInto, setKubiaReplicas } from './browser-big.ts'

const PORT = process.env.BENCH_PORT ?? '4173'
const DIST = process.env.BENCH_DIST ?? 'dist'
const PODS = 5000
const phases = process.argv.slice(2).length ? process.argv.slice(2) : ['paste', 'converge', 'edit']

function print(label: string, profile: Profile): void {
  const { self, total } = profileTimes(profile)
  console.log(`--- ${label}: self time`)
  for (const [k, v] of self.slice(0, 25)) console.log(`  ${v.toFixed(0).padStart(7)} ms ${k}`)
  console.log(`--- ${label}: total time`)
  for (const [k, v] of total.slice(0, 35)) console.log(`  ${v.toFixed(0).padStart(7)} ms ${k}`)
}

/** The engine worker's DevTools session, reached through the page's (non-flattened auto-attach). */
function workerChannel(cdp: CDPSession): { ready: () => boolean; send: (method: string, params?: object) => Promise<unknown> } {
  let session = ''
  let nextId = 1
  const pending = new Map<number, (result: unknown) => void>()
  cdp.on('Target.attachedToTarget', (e) => { if (e.targetInfo.type === 'worker' && e.targetInfo.url.includes('engine.worker') && !session) session = e.sessionId })
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    const m = JSON.parse(e.message) as { id?: number; result?: unknown }
    if (m.id !== undefined && pending.has(m.id)) { pending.get(m.id)!(m.result); pending.delete(m.id) }
  })
  return {
    ready: () => session !== '',
    send: (method, params = {}) => new Promise((resolve) => {
      const id = nextId++
      pending.set(id, resolve)
      void cdp.send('Target.sendMessageToTarget', { sessionId: session, message: JSON.stringify({ id, method, params }) })
    }),
  }
}

async function profiled(cdp: CDPSession, worker: ReturnType<typeof workerChannel>, label: string, body: () => Promise<void>): Promise<void> {
  for (const send of [(m: string, p?: object) => cdp.send(m as never, p as never), worker.send]) {
    await send('Profiler.enable')
    await send('Profiler.setSamplingInterval', { interval: 500 })
    await send('Profiler.start')
  }
  const t0 = Date.now()
  await body()
  console.log(`\n=== ${label}: ${Date.now() - t0} ms wall`)
  print('main thread', ((await cdp.send('Profiler.stop')) as { profile: Profile }).profile)
  print('engine worker', ((await worker.send('Profiler.stop')) as { profile: Profile }).profile)
}

const waitDrawn = (page: Page, n: number) => page.waitForFunction(`${DRAWN}() === ${n}`, undefined, { timeout: 300_000, polling: 'raf' })

async function main(): Promise<void> {
  await withPreviewPage(DIST, PORT, async (page, cdp, url) => {
    const worker = workerChannel(cdp)
    await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false })
    await page.goto(url + (await bigLink(4, 100)).slice(1))
    const editor = page.getByRole('textbox', { name: /YAML manifest/ })
    await editor.waitFor({ timeout: 60_000 })
    await waitDrawn(page, 4)
    if (!worker.ready()) throw new Error('the engine worker did not attach')
    await page.waitForTimeout(1000)
    await editor.focus()
    await page.keyboard.press('Control+A')
    const run = (name: string, label: string, body: () => Promise<void>) => phases.includes(name) ? profiled(cdp, worker, label, body) : body()
    await run('paste', `paste 5,000 pods → ${podsAfterApply(PODS, 4)} painted`, async () => { await pasteInto(page, bigManifest(PODS)); await waitDrawn(page, podsAfterApply(PODS, 4)) })
    await run('converge', 'clock 60× → all 5,000 painted', async () => { await page.getByRole('button', { name: 'Clock speed 60×' }).click(); await waitDrawn(page, PODS) })
    await page.getByRole('button', { name: 'Clock speed 1×' }).click()
    await page.waitForTimeout(3000)
    const kubia = replicasOf(PODS)[0]
    await run('edit', '6 edits of kubia\'s replicas', async () => {
      for (let i = 0; i < 6; i++) {
        const n = i % 2 ? kubia : kubia + 1
        await setKubiaReplicas(page, n)
        await waitDrawn(page, PODS - kubia + n)
      }
    })
  })
}

await main()
