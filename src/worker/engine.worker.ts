// The engine's Web Worker: simulation work stays off the UI thread so typing never stutters.
// It only forwards messages to EngineHost, the one module that talks to the engine.
import { compareRuns } from './compare.ts'
import { EngineHost } from './engineHost.ts'
import type { Trace } from '../engine/trace/types.ts'
import type { EngineRequest, EngineResponse } from './protocol.ts'
import { SnapshotDiffer } from './snapshotDiff.ts'

const scope = self as unknown as DedicatedWorkerGlobalScope
const post = (response: EngineResponse) => scope.postMessage(response)

const host = new EngineHost()
let lastSent: { cluster: unknown; version: number } | null = null
const differ = new SnapshotDiffer()

/** Sends the snapshot only when the cluster or its version changed (equal versions mean equal contents): the whole
 * cluster for a new one, else only the objects that changed (a 200-pod cluster is ~1.5 MB to clone). */
function sendSnapshot(): void {
  const cluster = host.cluster
  const version = cluster?.store.version ?? -1
  if (lastSent && lastSent.cluster === cluster && lastSent.version === version) return
  lastSent = { cluster, version }
  post(differ.next(cluster))
}

// The playground's clock: simulated time follows wall time at `clockRate`× (0: paused). One tick a second,
// and nothing at all while paused; a tick that changed nothing sends no snapshot, only the time.
const TICK_MS = 1000
let clockRate = 0
let clockTimer: ReturnType<typeof setInterval> | null = null

function postClock(): void {
  post({ type: 'clock', time: host.cluster?.clock.now() ?? 0, rate: clockRate })
}

function tickClock(): void {
  host.advance((clockRate * TICK_MS) / 1000)
  sendSnapshot()
  postClock()
}

function setClock(rate: number, skip = 0): void {
  if (skip > 0) { host.advance(skip); sendSnapshot() }
  clockRate = Math.max(0, rate)
  if (clockTimer) clearInterval(clockTimer)
  clockTimer = clockRate > 0 ? setInterval(tickClock, TICK_MS) : null
  postClock()
}

function handle(request: EngineRequest): void {
  switch (request.type) {
    case 'hello':
      post({ type: 'ready', vocabulary: host.vocabulary() })
      return
    case 'apply': {
      const start = performance.now()
      // The topology goes out as soon as the cluster has converged; the lint markers follow with `applied`.
      const outcome = host.apply(request.document, sendSnapshot)
      sendSnapshot()
      post({ type: 'applied', id: request.id, ...outcome, ms: performance.now() - start })
      return
    }
    case 'prepare':
      host.prepare(request.document)
      return
    case 'exec': {
      let exitCode = 0
      for (const record of host.run(request.line)) {
        exitCode = record.exitCode
        post({ type: 'output', id: request.id, chunks: record.chunks.map((c) => ({ stream: c.stream === 'stderr' ? 'stderr' : 'stdout', text: c.text })), exitCode: record.exitCode, done: false,
          traces: record.traces as Trace[], time: host.cluster?.clock.now() })
        sendSnapshot()
      }
      post({ type: 'output', id: request.id, chunks: [], exitCode, done: true })
      sendSnapshot()
      return
    }
    case 'inspect':
      post({ type: 'inspection', id: request.id, inspection: host.inspect(request.key) })
      sendSnapshot()
      return
    case 'expectedShare':
      post({ type: 'expectedShare', id: request.id, share: host.expected(request.source) })
      return
    case 'reset':
      host.reset(request.seed, request.files)
      sendSnapshot()
      post({ type: 'resetDone', id: request.id })
      return
    case 'setFiles':
      host.setFiles(request.files)
      return
    case 'stepBegin':
      host.beginStep()
      return
    case 'stepChecks':
      post({ type: 'stepChecked', id: request.id, results: host.checkStep(request.checks) })
      return
    case 'clock':
      setClock(request.rate, request.skip)
      return
    case 'compare':
      try {
        post({ type: 'compared', id: request.id, sides: compareRuns(host, request.line, request.service, request.variant) })
      } catch (err) {
        post({ type: 'compared', id: request.id, sides: [], error: err instanceof Error ? err.message : String(err) })
      }
  }
}

scope.addEventListener('message', (event: MessageEvent<EngineRequest>) => {
  try {
    handle(event.data)
  } catch (err) {
    const message = err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err)
    // A crash inside the engine must not leave the console waiting forever.
    if (event.data.type === 'hello') return
    if (event.data.type === 'exec') post({ type: 'output', id: event.data.id, chunks: [{ stream: 'stderr', text: `kubehop: internal error: ${message}\n` }], exitCode: 1, done: true })
    post({ type: 'error', id: 'id' in event.data ? event.data.id : undefined, message })
  }
})

// The default kind cluster is what most documents describe: build it before the first apply arrives.
host.warmUp()
