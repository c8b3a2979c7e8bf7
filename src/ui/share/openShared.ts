// Opens a shared document exactly as its author's link describes it: a fresh cluster with the link's seed, the
// files applied (or the scenario's steps run up to its step, in order), then the request replayed, its packet
// path kept for the panel. Same seed and same inputs ⇒ same pods, same IPs, same packet paths.
import type { ShareDocument } from '../../share/index.ts'
import type { Trace } from '../../worker/protocol.ts'
import { exclusive, runtimeEngine, typeLine } from '../scenarios/runtime.ts'
import { openScenario } from '../scenarios/scenarioRunner.ts'
import { initialScenarioState, setScenario } from '../scenarios/scenarioStore.ts'
import { getApp } from '../store.ts'
import { setShare } from './shareStore.ts'

export async function openShared(doc: ShareDocument): Promise<void> {
  setShare({ request: doc.request ?? '', requestTrace: null })
  if (doc.scenario) {
    await openScenario({ id: doc.scenario.id, files: { 'steps.sh': doc.scenario.steps } },
      { step: doc.scenario.step, tabs: doc.files, active: doc.active, assets: doc.scenario.assets ?? [], seed: doc.seed })
  } else {
    await exclusive(async () => {
      setScenario({ ...initialScenarioState })
      const engine = runtimeEngine()
      await engine.reset(doc.seed, doc.files)
      // Applied here, in order with the request below; the store's own apply of the same files then changes nothing.
      await engine.apply({ files: doc.files, seed: doc.seed })
      getApp().replaceDocument({ files: doc.files, active: doc.active, seed: doc.seed, autoApply: true })
    })
  }
  if (doc.request) await replayRequest(doc.request)
}

/** Types the request into the console and keeps the TRACE of its last connection. */
function replayRequest(line: string): Promise<void> {
  return exclusive(async () => {
    let last: Trace | null = null
    const off = runtimeEngine().onTraces((traces, ran) => { if (ran === line && traces.length) last = traces[traces.length - 1] })
    try { await typeLine(line) } finally { off() }
    setShare({ requestTrace: last ? { line, trace: last } : null })
  })
}
