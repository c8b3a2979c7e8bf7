// Starts the real engine worker (Vite bundles it as a separate ES module chunk).
import EngineWorker from '../worker/engine.worker.ts?worker'
import { createEngineClient, type EngineClient, type WorkerPort } from './engineClient.ts'

export function startEngine(): EngineClient {
  return createEngineClient(new EngineWorker({ name: 'kubehop-engine' }) as unknown as WorkerPort)
}
