// Starts the engine worker (Vite bundles it as a separate ES module chunk). The built index.html starts it
// early when the first screen needs it (a saved or shared document) and leaves it in a global, adopted here;
// for the default document, whose first snapshot is precomputed, main.tsx launches it once the editor is up
// (or at once for a request someone waits on), so the cluster build does not compete with the first render and
// Monaco's start on a 2-core machine.
import EngineWorker from '../worker/engine.worker.ts?worker'
import { createEngineClient, type EngineClient, type WorkerPort } from './engineClient.ts'
import { deferredPort } from './deferredPort.ts'

declare global {
  /** Set by the inline script vite.config.ts puts in the built index.html. */
  var __kubehopEngineWorker: Worker | undefined
}

export interface StartedEngine {
  engine: EngineClient
  /** Creates the worker if it is not running yet; requests sent before then wait for it, in order. */
  launch(): void
}

/** What the app sends on its own at start-up; these can wait for launch(). */
const STARTUP = new Set<string>(['hello', 'apply', 'prepare', 'setFiles', 'clock'])

export function startEngine(): StartedEngine {
  const early = globalThis.__kubehopEngineWorker
  globalThis.__kubehopEngineWorker = undefined
  if (early) return { engine: createEngineClient(early as unknown as WorkerPort), launch: () => {} }
  // Anything past the start-up messages (a console command, an inspection…) means someone waits: start at once.
  const deferred = deferredPort(() => new EngineWorker({ name: 'kubehop-engine' }) as unknown as WorkerPort, (m) => !STARTUP.has(m.type))
  return { engine: createEngineClient(deferred.port), launch: deferred.launch }
}
