import { describe, expect, it, vi } from 'vitest'
import { EngineHost } from '../worker/engineHost.ts'
import type { EngineRequest, EngineResponse, OutputChunk, Trace } from '../worker/protocol.ts'
import { createEngineClient, type WorkerPort } from './engineClient.ts'
import { syncEngine } from './engineSync.ts'
import { defaultFiles } from './fixtures/defaultDocument.ts'
import { createAppStore } from './store.ts'

/** An in-process stand-in for the worker that answers with the real engine host. */
function fakeWorker(): WorkerPort & { sent: EngineRequest[] } {
  let listener: ((event: { data: EngineResponse }) => void) | null = null
  const host = new EngineHost()
  const sent: EngineRequest[] = []
  const post = (data: EngineResponse) => queueMicrotask(() => listener?.({ data }))
  return {
    sent,
    postMessage(m) {
      sent.push(m)
      if (m.type === 'apply') { const r = host.apply(m.document); post({ type: 'snapshot', snapshot: host.snapshot() }); post({ type: 'applied', id: m.id, ...r, ms: 0 }) }
      if (m.type === 'exec') {
        for (const rec of host.run(m.line)) post({ type: 'output', id: m.id, chunks: rec.chunks as OutputChunk[], exitCode: rec.exitCode, done: false })
        post({ type: 'output', id: m.id, chunks: [], exitCode: 0, done: true })
      }
      if (m.type === 'prepare') host.prepare(m.document)
      if (m.type === 'inspect') post({ type: 'inspection', id: m.id, inspection: host.inspect(m.key) })
    },
    addEventListener(_type, l) { listener = l },
    terminate() { listener = null },
  }
}

const until = async (check: () => boolean) => { for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5)) }

/** The default document synced with the 250 ms typing debounce, on fake timers, once its first apply went out. */
async function withTypingDebounce(body: (store: ReturnType<typeof createAppStore>, worker: ReturnType<typeof fakeWorker>) => Promise<void>): Promise<void> {
  vi.useFakeTimers()
  try {
    const store = createAppStore({ files: defaultFiles, theme: 'light' })
    const worker = fakeWorker()
    syncEngine(store, createEngineClient(worker), 250)
    await vi.advanceTimersByTimeAsync(10)
    await body(store, worker)
  } finally {
    vi.useRealTimers()
  }
}

describe('engine client', () => {
  it('applies the document, then runs a shell line with streamed output', async () => {
    const store = createAppStore({ files: defaultFiles, theme: 'light' })
    const client = createEngineClient(fakeWorker())
    syncEngine(store, client, 0)
    await until(() => store.getState().lastApply !== null)
    const pods = store.getState().snapshot!.objects.filter((o) => o.kind === 'Pod' && o.metadata.namespace === 'default')
    expect(pods.map((p) => p.metadata.name)).toEqual([expect.stringMatching(/^kubia-[a-z0-9]{9,10}-[a-z0-9]{5}$/), expect.anything(), expect.anything()])
    const out: OutputChunk[] = []
    await expect(client.run('kubectl get svc kubia; kubectl get svc nope', (c) => { out.push(...c) })).resolves.toEqual({ exitCode: 0 })
    expect(out[0]).toMatchObject({ stream: 'stdout', text: expect.stringMatching(/^NAME +TYPE +CLUSTER-IP/) })
    expect(out[1]).toEqual({ stream: 'stderr', text: 'Error from server (NotFound): services "nope" not found\n' })
  })

  it('sends the document ahead for parsing when typing pauses, then applies it at the end of the debounce', async () => {
    await withTypingDebounce(async (store, worker) => {
      const types = () => worker.sent.map((m) => m.type).filter((t) => t === 'prepare' || t === 'apply')
      expect(types()).toEqual(['apply'])
      store.getState().setText(defaultFiles[0].text.replace('replicas: 3', 'replicas: 4'))
      await vi.advanceTimersByTimeAsync(30)
      store.getState().setText(defaultFiles[0].text.replace('replicas: 3', 'replicas: 5')) // still typing
      await vi.advanceTimersByTimeAsync(100)
      expect(types()).toEqual(['apply', 'prepare'])
      expect(worker.sent.at(-1)).toMatchObject({ type: 'prepare', document: { files: [{ name: 'app.yaml', text: expect.stringContaining('replicas: 5') }, expect.anything()] } })
      await vi.advanceTimersByTimeAsync(200)
      expect(types()).toEqual(['apply', 'prepare', 'apply'])
      const pods = store.getState().snapshot!.objects.filter((o) => o.kind === 'Pod' && o.metadata.name.startsWith('kubia-'))
      expect(pods).toHaveLength(5)
    })
  })

  it('a paste is applied at once, without waiting out the typing debounce; a paste in a scenario (steps apply) is not', async () => {
    await withTypingDebounce(async (store, worker) => {
      const applies = () => worker.sent.filter((m) => m.type === 'apply').length
      expect(applies()).toBe(1)
      // What the editor does on a paste: the new text (onChange), then onDidPaste.
      store.getState().setText(defaultFiles[0].text.replace('replicas: 3', 'replicas: 4'))
      store.getState().notePaste()
      await vi.advanceTimersByTimeAsync(5)
      expect(applies()).toBe(2)
      store.getState().setAutoApply(false)
      store.getState().setText(defaultFiles[0].text.replace('replicas: 3', 'replicas: 6'))
      store.getState().notePaste()
      await vi.advanceTimersByTimeAsync(500)
      expect(applies()).toBe(2)
    })
  })

  it('an API error becomes a marker at its field and leaves the cluster as it was', async () => {
    const store = createAppStore({ files: defaultFiles, theme: 'light' })
    syncEngine(store, createEngineClient(fakeWorker()), 0)
    await until(() => store.getState().lastApply !== null)
    const version = store.getState().snapshot!.version
    store.getState().setText(defaultFiles[0].text.replace('nodePort: 30123', 'nodePort: 80'))
    await until(() => store.getState().markers.length > 0)
    expect(store.getState().markers).toEqual([expect.objectContaining({ file: 'app.yaml', source: 'api', line: 32,
      message: expect.stringContaining('spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range') }),
    // The Service's document says its live object stays as it was (an invalid edit never removes or changes it).
    expect.objectContaining({ file: 'app.yaml', severity: 'info', line: 21, message: expect.stringContaining('service/kubia keeps its last good version') })])
    expect(store.getState().snapshot!.version).toBe(version)
  })
})

describe('engine client Ctrl+C', () => {
  it('asks the worker to interrupt the line when its signal aborts, and only while it runs', async () => {
    const sent: EngineRequest[] = []
    let listener: ((event: { data: EngineResponse }) => void) | null = null
    const client = createEngineClient({ postMessage: (m) => sent.push(m), addEventListener: (_t, l) => { listener = l }, terminate() {} })
    const control = new AbortController()
    const result = client.run('while true; do :; done', () => {}, { signal: control.signal })
    const exec = sent.find((m) => m.type === 'exec')!
    control.abort()
    expect(sent.at(-1)).toEqual({ type: 'interrupt', id: (exec as { id: number }).id })
    listener!({ data: { type: 'output', id: (exec as { id: number }).id, chunks: [], exitCode: 130, done: true } })
    await expect(result).resolves.toEqual({ exitCode: 130 })
  })
})

describe('engine client request records', () => {
  it('joins the traces a running statement sent in parts into one record when the statement ends', async () => {
    const sent: EngineRequest[] = []
    let listener: ((event: { data: EngineResponse }) => void) | null = null
    const client = createEngineClient({ postMessage: (m) => sent.push(m), addEventListener: (_t, l) => { listener = l }, terminate() {} })
    const calls: { count: number; stdout: string }[] = []
    client.onTraces((traces, _line, _time, stdout) => calls.push({ count: traces.length, stdout }))
    const result = client.run('for i in $(seq 3); do curl -s kubia; done', () => {})
    const id = (sent.find((m) => m.type === 'exec') as { id: number }).id
    const trace = (n: number) => ({ n }) as unknown as Trace
    const out = (text: string): OutputChunk[] => [{ stream: 'stdout', text }]
    listener!({ data: { type: 'output', id, chunks: out('a\n'), exitCode: 0, done: false, traces: [trace(1)], partial: true } })
    listener!({ data: { type: 'output', id, chunks: out('b\n'), exitCode: 0, done: false, traces: [trace(2)], partial: true } })
    expect(calls).toEqual([])
    listener!({ data: { type: 'output', id, chunks: out('c\n'), exitCode: 0, done: false, traces: [trace(3)] } })
    listener!({ data: { type: 'output', id, chunks: [], exitCode: 0, done: true } })
    await expect(result).resolves.toEqual({ exitCode: 0 })
    expect(calls).toEqual([{ count: 3, stdout: 'a\nb\nc\n' }])
  })
})
