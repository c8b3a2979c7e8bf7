// The engine's Web Worker: simulation work stays off the UI thread so typing never stutters.
// It only forwards messages to EngineHost, the one module that talks to the engine.
import { compareRuns } from './compare.ts'
import { EngineHost, type ConsoleRun } from './engineHost.ts'
import { ProxyScale } from './proxyScale.ts'
import type { Trace } from '../engine/trace/types.ts'
import type { EngineRequest, EngineResponse, OutputChunk } from './protocol.ts'
import { SnapshotDiffer, inParts } from './snapshotDiff.ts'

const scope = self as unknown as DedicatedWorkerGlobalScope
const post = (response: EngineResponse) => scope.postMessage(response)

const host = new EngineHost()
const proxyScale = new ProxyScale((fn) => setTimeout(fn, 0), () => performance.now())
let lastSent: { cluster: unknown; version: number } | null = null
const differ = new SnapshotDiffer()

/** Sends the snapshot only when the cluster or its version changed (equal versions mean equal contents): the whole
 * cluster for a new one, else only the objects that changed (a 200-pod cluster is ~1.5 MB to clone), a big change
 * in parts (the UI thread clones each part in a task of its own). */
function sendSnapshot(): void {
  const cluster = host.cluster
  const version = cluster?.store.version ?? -1
  if (lastSent && lastSent.cluster === cluster && lastSent.version === version) return
  lastSent = { cluster, version }
  for (const message of inParts(differ.next(cluster))) post(message)
}

/** Times a phase of the worker's work as a User Timing measure (DevTools' worker track; the bench reads none of
 * it): only the latest of each name is kept, so hours of ticks leave no trail. */
function phase(name: string, start: number, end = performance.now()): void {
  performance.clearMeasures(name)
  performance.measure(name, { start, end })
}

/** Console lines run in slices of about this long; between slices the worker answers other messages (an edit,
 * Ctrl+C), so a long loop never keeps an edit waiting. */
const SLICE_MS = 12
/** Output and traces of a statement still running are sent at most this often (the console and request feed
 * redraw once per batch, not once per slice). */
const FLUSH_MS = 100
/** Characters of output the console may be behind before the line waits for it (a pty's flow control). */
const MAX_UNACKED = 16 * 1024

interface Job {
  id: number; line: string; bounded: boolean; run: ConsoleRun | null; exitCode: number; out: OutputChunk[]; traces: Trace[]; flushedAt: number
  /** Output characters sent and not yet drawn by the console. */
  unacked: number
  interrupted: boolean
}
const jobs: Job[] = []
const tick = new MessageChannel()
let scheduled = false

/** Runs the next slice in a task of its own: messages queued meanwhile are handled first. */
function schedule(): void {
  if (scheduled || !jobs.length) return
  scheduled = true
  tick.port2.postMessage(null)
}

const toOutput = (chunks: { stream: string; text: string }[]): OutputChunk[] => chunks.map((c) => ({ stream: c.stream === 'stderr' ? 'stderr' : 'stdout', text: c.text }))

/** Sends what the line printed so far; `partial` when its statement is still running (its traces are not whole yet). */
function flush(job: Job, now: number, partial = false): void {
  if (!job.out.length && !job.traces.length) return
  post({ type: 'output', id: job.id, chunks: job.out, exitCode: job.exitCode, done: false, traces: job.traces, time: host.cluster?.clock.now(), ...(partial ? { partial } : {}) })
  for (const c of job.out) job.unacked += c.text.length
  job.out = []
  job.traces = []
  job.flushedAt = now
}

const append = <T>(to: T[], items: readonly T[]) => { for (const item of items) to.push(item) } // no push(...): 100,000 traces

function runSlice(): void {
  scheduled = false
  const job = jobs[0]
  if (!job) return
  if (job.unacked > MAX_UNACKED && !job.interrupted) return // resumed by the console's outputAck
  try {
    job.run ??= host.start(job.line, job.bounded)
    const deadline = performance.now() + SLICE_MS
    const slice = job.run.slice(() => performance.now() >= deadline)
    for (const record of slice.records) {
      // A finished statement goes out at once, with what was streamed of it and not yet sent.
      job.exitCode = record.exitCode
      append(job.out, toOutput(record.chunks))
      append(job.traces, record.traces as Trace[])
      flush(job, performance.now())
    }
    append(job.out, toOutput(slice.partial.chunks))
    append(job.traces, slice.partial.traces as Trace[])
    const written = host.takeWrittenFiles()
    if (written.length) post({ type: 'filesWritten', files: written })
    const now = performance.now()
    if (slice.done) {
      flush(job, now)
      jobs.shift()
      post({ type: 'output', id: job.id, chunks: [], exitCode: job.exitCode, done: true, prompt: host.prompt() })
      sendSnapshot()
    } else if (now - job.flushedAt >= FLUSH_MS) {
      flush(job, now, true)
      sendSnapshot()
    }
  } catch (err) {
    jobs.shift()
    post({ type: 'output', id: job.id, chunks: [{ stream: 'stderr', text: `kubehop: internal error: ${err instanceof Error ? err.message : String(err)}\n` }], exitCode: 1, done: true })
  }
  schedule()
}
tick.port1.onmessage = runSlice

/** Ctrl+C: the running line stops at its next checkpoint; a line still waiting its turn never starts. */
function interrupt(id: number): void {
  const at = jobs.findIndex((j) => j.id === id)
  if (at < 0) return
  const job = jobs[at]
  job.interrupted = true
  if (job.run) job.run.interrupt()
  else {
    jobs.splice(at, 1)
    post({ type: 'output', id, chunks: [], exitCode: 130, done: true })
  }
  schedule()
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
  if (jobs.length) return // a console line that is running holds the clock, as its own `sleep`s move it
  const start = performance.now()
  const version = host.cluster?.store.version
  host.advance((clockRate * TICK_MS) / 1000)
  if (host.cluster?.store.version !== version) {
    const advanced = performance.now()
    sendSnapshot()
    phase('kubehop:tick advance', start, advanced)
    phase('kubehop:tick snapshot', advanced)
  }
  postClock()
}

function setClock(rate: number, skip = 0): void {
  if (skip > 0 && !jobs.length) { host.advance(skip); sendSnapshot() } // not in the middle of a console line
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
      let converged = NaN
      let sent = NaN
      // The topology goes out as soon as the cluster has converged; the lint markers follow with `applied`.
      const outcome = host.apply(request.document, () => { converged = performance.now(); sendSnapshot(); sent = performance.now() })
      sendSnapshot()
      if (sent >= 0) {
        phase('kubehop:apply + converge', start, converged)
        phase('kubehop:apply snapshot', converged, sent)
        phase('kubehop:apply lint', sent)
      }
      post({ type: 'applied', id: request.id, ...outcome, ms: performance.now() - start })
      return
    }
    case 'prepare':
      host.prepare(request.document)
      return
    case 'exec':
      // Lines run one after another, each in slices (see runSlice).
      jobs.push({ id: request.id, line: request.line, bounded: request.bounded ?? false, run: null, exitCode: 0, out: [], traces: [], flushedAt: performance.now(), unacked: 0, interrupted: false })
      schedule()
      return
    case 'interrupt':
      interrupt(request.id)
      return
    case 'outputAck': {
      const job = jobs.find((j) => j.id === request.id)
      if (job) job.unacked = Math.max(0, job.unacked - request.chars)
      schedule()
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
      // A fresh session: lines of the old one stop where they are.
      for (const job of jobs.splice(0)) post({ type: 'output', id: job.id, chunks: [], exitCode: 130, done: true })
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
    case 'proxyModes':
      try {
        post({ type: 'proxyModes', id: request.id, comparison: host.proxyModes(request.source) })
      } catch (err) {
        post({ type: 'proxyModes', id: request.id, comparison: null, error: err instanceof Error ? err.message : String(err) })
      }
      return
    case 'proxyScale': {
      const id = request.id
      proxyScale.request((points, ms) => post({ type: 'proxyScale', id, points, ms }))
      return
    }
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
