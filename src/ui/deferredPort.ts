// A worker port that exists before its worker: requests and listeners wait, in order, until launch() creates it.
import type { WorkerPort } from './engineClient.ts'
import type { EngineRequest, EngineResponse } from '../worker/protocol.ts'

type Listener = (event: { data: EngineResponse }) => void

/** A port that holds messages and listeners until `create` makes the real worker. */
export function deferredPort(create: () => WorkerPort): { port: WorkerPort; launch(): void } {
  let worker: WorkerPort | null = null
  const queued: EngineRequest[] = []
  const listeners: Listener[] = []
  let terminated = false
  return {
    port: {
      postMessage: (message) => { if (worker) worker.postMessage(message); else queued.push(message) },
      addEventListener: (_type, listener) => { if (worker) worker.addEventListener('message', listener); else listeners.push(listener) },
      terminate: () => { terminated = true; worker?.terminate() },
    },
    launch() {
      if (worker || terminated) return
      worker = create()
      for (const listener of listeners) worker.addEventListener('message', listener)
      for (const message of queued) worker.postMessage(message)
      listeners.length = 0
      queued.length = 0
    },
  }
}
