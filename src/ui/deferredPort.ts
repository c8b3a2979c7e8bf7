// A worker port that exists before its worker: requests and listeners wait, in order, until launch() creates it.
import type { WorkerPort } from './engineClient.ts'
import type { EngineRequest, EngineResponse } from '../worker/protocol.ts'

type Listener = (event: { data: EngineResponse }) => void

/**
 * A port that holds messages and listeners until `create` makes the real worker: at `launch()`, or as soon as
 * a message that `urgent` picks is posted (someone is waiting for its answer).
 */
export function deferredPort(create: () => WorkerPort, urgent: (message: EngineRequest) => boolean = () => false): { port: WorkerPort; launch(): void } {
  let worker: WorkerPort | null = null
  const queued: EngineRequest[] = []
  const listeners: Listener[] = []
  let terminated = false
  return {
    port: {
      postMessage: (message) => {
        if (worker) { worker.postMessage(message); return }
        queued.push(message)
        if (urgent(message)) launch()
      },
      addEventListener: (_type, listener) => { if (worker) worker.addEventListener('message', listener); else listeners.push(listener) },
      terminate: () => { terminated = true; worker?.terminate() },
    },
    launch,
  }

  function launch(): void {
    if (worker || terminated) return
    const w = create()
    worker = w
    for (const listener of listeners) w.addEventListener('message', listener)
    for (const message of queued) w.postMessage(message)
    listeners.length = 0
    queued.length = 0
  }
}
