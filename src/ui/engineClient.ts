// The UI side of the worker protocol: apply the document, run shell lines, inspect objects, receive snapshots.
import type { ClusterSnapshot } from '../engine/snapshot.ts'
import type { EditorMarker, EngineDocument, EngineRequest, EngineResponse, Inspection, ShellVocabulary } from '../worker/protocol.ts'
import type { OutputChunk, ShellBridge, ShellResult } from './console/shellBridge.ts'

/** The part of a Worker the client uses (a fake in tests). */
export interface WorkerPort {
  postMessage(message: EngineRequest): void
  addEventListener(type: 'message', listener: (event: { data: EngineResponse }) => void): void
  terminate(): void
}

export interface Applied { markers: EditorMarker[]; applied: boolean; changes: string[]; ms: number }

export interface EngineClient extends ShellBridge {
  apply(document: EngineDocument): Promise<Applied>
  inspect(key: string): Promise<Inspection>
  onSnapshot(listener: (snapshot: ClusterSnapshot | null) => void): () => void
  onReady(listener: (vocabulary: ShellVocabulary) => void): () => void
  onError(listener: (message: string) => void): () => void
  dispose(): void
}

type Pending =
  | { kind: 'exec'; onOutput: (chunks: OutputChunk[]) => void; resolve: (r: ShellResult) => void }
  | { kind: 'apply'; resolve: (r: Applied) => void }
  | { kind: 'inspect'; resolve: (r: Inspection) => void; reject: (e: Error) => void }

export function createEngineClient(worker: WorkerPort): EngineClient {
  const snapshotListeners = new Set<(snapshot: ClusterSnapshot | null) => void>()
  const readyListeners = new Set<(v: ShellVocabulary) => void>()
  const errorListeners = new Set<(message: string) => void>()
  const pending = new Map<number, Pending>()
  let nextId = 1

  worker.addEventListener('message', ({ data }) => {
    switch (data.type) {
      case 'ready': for (const l of readyListeners) l(data.vocabulary); break
      case 'snapshot': for (const l of snapshotListeners) l(data.snapshot); break
      case 'output': {
        const p = pending.get(data.id)
        if (p?.kind !== 'exec') break
        if (data.chunks.length) p.onOutput(data.chunks)
        if (data.done) { pending.delete(data.id); p.resolve({ exitCode: data.exitCode }) }
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
      case 'error': {
        for (const l of errorListeners) l(data.message)
        const p = data.id === undefined ? undefined : pending.get(data.id)
        if (p?.kind === 'inspect') { pending.delete(data.id!); p.reject(new Error(data.message)) }
        if (p?.kind === 'apply') { pending.delete(data.id!); p.resolve({ markers: [], applied: false, changes: [], ms: 0 }) }
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
    run: (line, onOutput) => new Promise((resolve) => {
      const id = nextId++
      pending.set(id, { kind: 'exec', onOutput, resolve })
      worker.postMessage({ type: 'exec', id, line })
    }),
    inspect: (key) => new Promise((resolve, reject) => {
      const id = nextId++
      pending.set(id, { kind: 'inspect', resolve, reject })
      worker.postMessage({ type: 'inspect', id, key })
    }),
    onSnapshot: (listener) => subscribe(snapshotListeners, listener),
    onReady: (listener) => subscribe(readyListeners, listener),
    onError: (listener) => subscribe(errorListeners, listener),
    dispose: () => {
      worker.terminate()
      for (const p of pending.values()) {
        if (p.kind === 'exec') { p.onOutput([{ stream: 'stderr', text: 'kubehop: engine stopped\n' }]); p.resolve({ exitCode: 1 }) }
        else if (p.kind === 'inspect') p.reject(new Error('engine stopped'))
        else p.resolve({ markers: [], applied: false, changes: [], ms: 0 })
      }
      pending.clear()
    },
  }
}
