// The UI side of the worker protocol: apply text, run shell lines, receive snapshots.
import type { ClusterSnapshot } from '../engine/snapshot.ts'
import type { EngineRequest, EngineResponse } from '../worker/protocol.ts'
import type { ShellBridge, ShellResult } from './console/shellBridge.ts'

/** The part of a Worker the client uses (a fake in tests). */
export interface WorkerPort {
  postMessage(message: EngineRequest): void
  addEventListener(type: 'message', listener: (event: { data: EngineResponse }) => void): void
  terminate(): void
}

export interface EngineClient extends ShellBridge {
  apply(text: string): void
  onSnapshot(listener: (snapshot: ClusterSnapshot) => void): () => void
  onError(listener: (message: string) => void): () => void
  dispose(): void
}

export function createEngineClient(worker: WorkerPort): EngineClient {
  const snapshotListeners = new Set<(snapshot: ClusterSnapshot) => void>()
  const errorListeners = new Set<(message: string) => void>()
  const pending = new Map<number, (result: ShellResult) => void>()
  let nextId = 1

  worker.addEventListener('message', ({ data }) => {
    switch (data.type) {
      case 'snapshot': for (const l of snapshotListeners) l(data.snapshot); break
      case 'output': pending.get(data.id)?.({ output: data.output, exitCode: data.exitCode }); pending.delete(data.id); break
      case 'error': for (const l of errorListeners) l(data.message); break
    }
  })

  const subscribe = <T>(set: Set<T>, listener: T) => { set.add(listener); return () => { set.delete(listener) } }

  return {
    apply: (text) => worker.postMessage({ type: 'apply', text }),
    run: (line) => new Promise((resolve) => {
      const id = nextId++
      pending.set(id, resolve)
      worker.postMessage({ type: 'exec', id, line })
    }),
    onSnapshot: (listener) => subscribe(snapshotListeners, listener),
    onError: (listener) => subscribe(errorListeners, listener),
    dispose: () => {
      worker.terminate()
      for (const resolve of pending.values()) resolve({ output: 'kubehop: engine stopped\n', exitCode: 1 })
      pending.clear()
    },
  }
}
