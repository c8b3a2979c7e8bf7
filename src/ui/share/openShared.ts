// Opens a shared document exactly as its author's link describes it: a fresh cluster with the link's seed, the
// files applied (or the scenario's steps run up to its step, in order), then the request replayed, its packet
// path kept for the panel. Same seed and same inputs ⇒ same pods, same IPs, same packet paths. The page opens a
// link in its own new workspace (src/ui/persistence/start.ts), so whatever its steps do happens to the link's
// cluster only; its request is shown before it plays, and refused unless it is one plain request.
import type { ShareDocument } from '../../share/index.ts'
import { checkRequest } from '../../share/request.ts'
import type { Trace } from '../../worker/protocol.ts'
import { exclusive, runtimeEngine, typeLine } from '../scenarios/runtime.ts'
import { openScenario } from '../scenarios/scenarioRunner.ts'
import { initialScenarioState, setScenario } from '../scenarios/scenarioStore.ts'
import { getApp } from '../store.ts'
import { setShare } from './shareStore.ts'

/** A link's steps are replayed for at most this long (then the rest wait for the Run button). */
const LINK_REPLAY_MS = 20_000

export async function openShared(doc: ShareDocument): Promise<void> {
  // A link's request must be a plain request (curl, wget, ping, nslookup, dig): anything else is refused, and said so.
  const verdict = doc.request ? checkRequest(doc.request) : null
  const request = verdict?.ok ? doc.request! : ''
  setShare({ request, requestTrace: null, requestPending: request || null, requestRefused: verdict && !verdict.ok ? verdict.reason : null })
  if (doc.scenario) {
    await openScenario({ id: doc.scenario.id, files: { 'steps.sh': doc.scenario.steps } },
      { step: doc.scenario.step, tabs: doc.files, active: doc.active, assets: doc.scenario.assets ?? [], seed: doc.seed, deadlineMs: LINK_REPLAY_MS })
  } else {
    await exclusive(async () => {
      setScenario({ ...initialScenarioState })
      const engine = runtimeEngine()
      await engine.reset(doc.seed, doc.files)
      // Applied here, in order with the request below; the store's own apply of the same files then changes nothing.
      const result = await engine.apply({ files: doc.files, seed: doc.seed })
      getApp().replaceDocument({ files: doc.files, active: doc.active, seed: doc.seed, autoApply: true })
      // The same files are the store's already, so no apply of its own follows: this one's outcome is the status.
      getApp().setApplied(result.markers, { applied: result.applied, changes: result.changes, ms: result.ms })
    })
  }
  if (request) await replayRequest(request)
}

/** Types the request into the console and keeps the TRACE of its last connection. */
function replayRequest(line: string): Promise<void> {
  return exclusive(async () => {
    let last: Trace | null = null
    const off = runtimeEngine().onTraces((traces, ran) => { if (ran === line && traces.length) last = traces[traces.length - 1] })
    try { await typeLine(line) } finally { off() }
    setShare({ requestTrace: last ? { line, trace: last } : null, requestPending: null })
  })
}
