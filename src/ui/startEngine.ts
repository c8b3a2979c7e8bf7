// Starts the engine worker (Vite bundles it as a separate ES module chunk); the built index.html starts it
// early and leaves it in a global, which is adopted here.
import EngineWorker from '../worker/engine.worker.ts?worker'
import { createEngineClient, type EngineClient, type WorkerPort } from './engineClient.ts'

declare global {
  /** Set by the inline script vite.config.ts puts in the built index.html. */
  var __kubehopEngineWorker: Worker | undefined
}

export function startEngine(): EngineClient {
  const early = globalThis.__kubehopEngineWorker
  globalThis.__kubehopEngineWorker = undefined
  return createEngineClient((early ?? new EngineWorker({ name: 'kubehop-engine' })) as unknown as WorkerPort)
}
