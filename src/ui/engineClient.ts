// The UI side of the worker protocol: apply the document, run shell lines, inspect objects, receive snapshots.
import type { ClusterSnapshot } from '../engine/snapshot.ts'
import type { CheckView, DocFile, CompareSide, CompareVariant, EditorMarker, EngineDocument, EngineRequest, EngineResponse, ExpectedShare, Inspection, ProxyModesComparison,
  ScalePoint, ShareSource, ShellVocabulary, Trace } from '../worker/protocol.ts'
import type { OutputListener, ShellBridge, ShellResult } from './console/shellBridge.ts'
import { SnapshotAssembler } from '../worker/snapshotDiff.ts'

/** The part of a Worker the client uses (a fake in tests). */
export interface WorkerPort {
  postMessage(message: EngineRequest): void
  addEventListener(type: 'message', listener: (event: { data: EngineResponse }) => void): void
  terminate(): void
}

interface Applied { markers: EditorMarker[]; applied: boolean; changes: string[]; ms: number }

export interface EngineClient extends ShellBridge {
  apply(document: EngineDocument): Promise<Applied>
  /** Lets the worker parse the document before its apply is sent (nothing comes back). */
  prepare(document: EngineDocument): void
  inspect(key: string): Promise<Inspection>
  onSnapshot(listener: (snapshot: ClusterSnapshot | null) => void): () => void
  /** The objects of each part of a big snapshot diff as it arrives, before the last part publishes the snapshot:
   * work on them then is done in the task that cloned them, not in the one that draws the snapshot. */
  onSnapshotPart?(listener: (objects: ClusterSnapshot['objects']) => void): () => void
  onReady(listener: (vocabulary: ShellVocabulary) => void): () => void
  onError(listener: (message: string) => void): () => void
  /** Manifests a console line wrote (`cat > app.yaml <<EOF`), to show as editor tabs. */
  onFilesWritten(listener: (files: DocFile[]) => void): () => void
  /** The TRACEs of every finished statement (console lines and sent requests alike), with the line and simulated time. */
  onTraces(listener: (traces: Trace[], line: string, time: number, stdout: string) => void): () => void
  expectedShare(source: ShareSource): Promise<ExpectedShare | null>
  compare(line: string, service: string, variant: CompareVariant): Promise<{ sides: CompareSide[]; error?: string }>
  /** One request through both of kube-proxy's modes (null: kube-proxy does not decide it). */
  proxyModes(source: ShareSource): Promise<{ comparison: ProxyModesComparison | null; error?: string }>
  /** Rules and rules tested per packet at 1…1,000 Services in both modes, and the worker's ms to compute them. */
  proxyScale(): Promise<{ points: ScalePoint[]; ms: number }>
  /** Start over with a fresh session (same seed ⇒ same cluster): a scenario's start or a link's replay. */
  reset(seed: number, files: DocFile[]): Promise<void>
  /** Files the console reads without applying them (scenario mode: the steps apply them). */
  setFiles(files: DocFile[]): void
  /** Marks the start of a scenario step; `stepChecks` evaluates its checks against what ran since. */
  stepBegin(): void
  stepChecks(checks: string[]): Promise<CheckView[]>
  /** The playground's clock: simulated seconds per wall second (0 pauses), and an optional jump ahead. */
  setClock(rate: number, skip?: number): void
  /** The simulated time and rate, after every clock change and tick. */
  onClock(listener: (time: number, rate: number) => void): () => void
  dispose(): void
}

type Pending =
  | { kind: 'exec'; onOutput: OutputListener; resolve: (r: ShellResult) => void }
  | { kind: 'apply'; resolve: (r: Applied) => void }
  | { kind: 'inspect'; resolve: (r: Inspection) => void; reject: (e: Error) => void }
  | { kind: 'expectedShare'; resolve: (r: ExpectedShare | null) => void }
  | { kind: 'compare'; resolve: (r: { sides: CompareSide[]; error?: string }) => void }
  | { kind: 'proxyModes'; resolve: (r: { comparison: ProxyModesComparison | null; error?: string }) => void }
  | { kind: 'proxyScale'; resolve: (r: { points: ScalePoint[]; ms: number }) => void }
  | { kind: 'reset'; resolve: () => void }
  | { kind: 'stepChecks'; resolve: (r: CheckView[]) => void }

export function createEngineClient(worker: WorkerPort): EngineClient {
  const snapshotListeners = new Set<(snapshot: ClusterSnapshot | null) => void>()
  const partListeners = new Set<(objects: ClusterSnapshot['objects']) => void>()
  const readyListeners = new Set<(v: ShellVocabulary) => void>()
  const errorListeners = new Set<(message: string) => void>()
  const fileListeners = new Set<(files: DocFile[]) => void>()
  const traceListeners = new Set<(traces: Trace[], line: string, time: number, stdout: string) => void>()
  const clockListeners = new Set<(time: number, rate: number) => void>()
  const lines = new Map<number, string>()
  const partialTraces = new Map<number, { traces: Trace[]; stdout: string }>()
  const pending = new Map<number, Pending>()
  let nextId = 1
  const assembler = new SnapshotAssembler()

  worker.addEventListener('message', ({ data }) => {
    switch (data.type) {
      case 'ready': for (const l of readyListeners) l(data.vocabulary); break
      case 'filesWritten': for (const l of fileListeners) l(data.files); break
      case 'clock': for (const l of clockListeners) l(data.time, data.rate); break
      case 'snapshot': {
        const snapshot = assembler.full(data.snapshot)
        for (const l of snapshotListeners) l(snapshot)
        break
      }
      case 'snapshotDiff': {
        // Diffs build on the worker's previous message; the first one always is a full snapshot.
        const snapshot = assembler.apply(data.diff)
        if (snapshot) for (const l of snapshotListeners) l(snapshot)
        else if (data.diff.more && partListeners.size) { const objects = data.diff.upserted.map((u) => u.object); for (const l of partListeners) l(objects) }
        break
      }
      case 'output': {
        const p = pending.get(data.id)
        if (p?.kind !== 'exec') break
        if (data.chunks.length) {
          const chars = data.chunks.reduce((n, c) => n + c.text.length, 0)
          const id = data.id
          // Acknowledged once drawn, so a runaway loop waits for the screen instead of flooding it.
          void Promise.resolve(p.onOutput(data.chunks)).then(() => { if (pending.has(id)) worker.postMessage({ type: 'outputAck', id, chars }) })
        }
        // A statement still running sends its traces in parts: they become one request record when it ends.
        const stdout = data.chunks.filter((c) => c.stream === 'stdout').map((c) => c.text).join('')
        // Parts are appended in place: a long loop sends thousands of traces, copying them per part was quadratic.
        const held = partialTraces.get(data.id)
        if (held) { for (const t of data.traces ?? []) held.traces.push(t); held.stdout += stdout }
        const traces = held?.traces ?? data.traces ?? []
        if (data.partial && !data.done) { if (!held) partialTraces.set(data.id, { traces, stdout }) }
        else {
          partialTraces.delete(data.id)
          if (traces.length) for (const l of traceListeners) l(traces, lines.get(data.id) ?? '', data.time ?? 0, held?.stdout ?? stdout)
        }
        if (data.done) { pending.delete(data.id); lines.delete(data.id); p.resolve({ exitCode: data.exitCode, prompt: data.prompt }) }
        break
      }
      case 'applied': {
        const p = pending.get(data.id)
        if (p?.kind === 'apply') { pending.delete(data.id); p.resolve(data) }
        break
      }
      case 'inspection': {
        const p = pending.get(data.id)
        if (p?.kind === 'inspect') { pending.delete(data.id); p.resolve(data.inspection) }
        break
      }
      case 'expectedShare': {
        const p = pending.get(data.id)
        if (p?.kind === 'expectedShare') { pending.delete(data.id); p.resolve(data.share) }
        break
      }
      case 'compared': {
        const p = pending.get(data.id)
        if (p?.kind === 'compare') { pending.delete(data.id); p.resolve({ sides: data.sides, error: data.error }) }
        break
      }
      case 'proxyModes': {
        const p = pending.get(data.id)
        if (p?.kind === 'proxyModes') { pending.delete(data.id); p.resolve({ comparison: data.comparison, error: data.error }) }
        break
      }
      case 'proxyScale': {
        const p = pending.get(data.id)
        if (p?.kind === 'proxyScale') { pending.delete(data.id); p.resolve({ points: data.points, ms: data.ms }) }
        break
      }
      case 'resetDone': {
        const p = pending.get(data.id)
        if (p?.kind === 'reset') { pending.delete(data.id); p.resolve() }
        break
      }
      case 'stepChecked': {
        const p = pending.get(data.id)
        if (p?.kind === 'stepChecks') { pending.delete(data.id); p.resolve(data.results) }
        break
      }
      case 'error': {
        for (const l of errorListeners) l(data.message)
        const p = data.id === undefined ? undefined : pending.get(data.id)
        if (p?.kind === 'inspect') { pending.delete(data.id!); p.reject(new Error(data.message)) }
        if (p?.kind === 'apply') { pending.delete(data.id!); p.resolve({ markers: [], applied: false, changes: [], ms: 0 }) }
        if (p?.kind === 'expectedShare') { pending.delete(data.id!); p.resolve(null) }
        if (p?.kind === 'compare') { pending.delete(data.id!); p.resolve({ sides: [], error: data.message }) }
        if (p?.kind === 'reset') { pending.delete(data.id!); p.resolve() }
        if (p?.kind === 'proxyModes') { pending.delete(data.id!); p.resolve({ comparison: null, error: data.message }) }
        if (p?.kind === 'proxyScale') { pending.delete(data.id!); p.resolve({ points: [], ms: 0 }) }
        if (p?.kind === 'stepChecks') { pending.delete(data.id!); p.resolve([{ source: '(engine)', pass: false, reason: data.message }]) }
        break
      }
    }
  })

  const subscribe = <T>(set: Set<T>, listener: T) => { set.add(listener); return () => { set.delete(listener) } }
  worker.postMessage({ type: 'hello' })

  return {
    apply: (document) => new Promise((resolve) => {
      const id = nextId++
      pending.set(id, { kind: 'apply', resolve })
      worker.postMessage({ type: 'apply', id, document })
    }),
    prepare: (document) => worker.postMessage({ type: 'prepare', document }),
    run: (line, onOutput, { signal, bounded } = {}) => new Promise((resolve) => {
      const id = nextId++
      pending.set(id, { kind: 'exec', onOutput, resolve })
      lines.set(id, line)
      worker.postMessage({ type: 'exec', id, line, ...(bounded ? { bounded } : {}) })
      signal?.addEventListener('abort', () => { if (pending.has(id)) worker.postMessage({ type: 'interrupt', id }) }, { once: true })
    }),
    inspect: (key) => new Promise((resolve, reject) => {
      const id = nextId++
      pending.set(id, { kind: 'inspect', resolve, reject })
      worker.postMessage({ type: 'inspect', id, key })
    }),
    expectedShare: (source) => new Promise((resolve) => {
      const id = nextId++
      pending.set(id, { kind: 'expectedShare', resolve })
      worker.postMessage({ type: 'expectedShare', id, source })
    }),
    compare: (line, service, variant) => new Promise((resolve) => {
      const id = nextId++
      pending.set(id, { kind: 'compare', resolve })
      worker.postMessage({ type: 'compare', id, line, service, variant })
    }),
    proxyModes: (source) => new Promise((resolve) => {
      const id = nextId++
      pending.set(id, { kind: 'proxyModes', resolve })
      worker.postMessage({ type: 'proxyModes', id, source })
    }),
    proxyScale: () => new Promise((resolve) => {
      const id = nextId++
      pending.set(id, { kind: 'proxyScale', resolve })
      worker.postMessage({ type: 'proxyScale', id })
    }),
    reset: (seed, files) => new Promise((resolve) => {
      const id = nextId++
      pending.set(id, { kind: 'reset', resolve })
      worker.postMessage({ type: 'reset', id, seed, files })
    }),
    setFiles: (files) => worker.postMessage({ type: 'setFiles', files }),
    stepBegin: () => worker.postMessage({ type: 'stepBegin' }),
    stepChecks: (checks) => new Promise((resolve) => {
      const id = nextId++
      pending.set(id, { kind: 'stepChecks', resolve })
      worker.postMessage({ type: 'stepChecks', id, checks })
    }),
    onTraces: (listener) => subscribe(traceListeners, listener),
    setClock: (rate, skip) => worker.postMessage({ type: 'clock', rate, skip }),
    onClock: (listener) => subscribe(clockListeners, listener),
    onSnapshot: (listener) => subscribe(snapshotListeners, listener),
    onSnapshotPart: (listener) => subscribe(partListeners, listener),
    onReady: (listener) => subscribe(readyListeners, listener),
    onError: (listener) => subscribe(errorListeners, listener),
    onFilesWritten: (listener) => subscribe(fileListeners, listener),
    dispose: () => {
      worker.terminate()
      for (const p of pending.values()) {
        if (p.kind === 'exec') { p.onOutput([{ stream: 'stderr', text: 'kubehop: engine stopped\n' }]); p.resolve({ exitCode: 1 }) }
        else if (p.kind === 'inspect') p.reject(new Error('engine stopped'))
        else if (p.kind === 'expectedShare') p.resolve(null)
        else if (p.kind === 'compare') p.resolve({ sides: [], error: 'engine stopped' })
        else if (p.kind === 'reset') p.resolve()
        else if (p.kind === 'proxyModes') p.resolve({ comparison: null, error: 'engine stopped' })
        else if (p.kind === 'proxyScale') p.resolve({ points: [], ms: 0 })
        else if (p.kind === 'stepChecks') p.resolve([])
        else p.resolve({ markers: [], applied: false, changes: [], ms: 0 })
      }
      pending.clear()
    },
  }
}
