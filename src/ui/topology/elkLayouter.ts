// ELK runs in its own classic worker (elk-worker.min.js served as an asset); the built index.html starts it early.
import ELK, { type ElkNode } from 'elkjs/lib/elk-api.js'
import elkWorkerUrl from 'elkjs/lib/elk-worker.min.js?url'

declare global {
  /** Set by the inline script vite.config.ts puts in the built index.html. */
  var __kubehopElkWorker: Worker | undefined
}

let elk: InstanceType<typeof ELK> | null = null

function takeWorker(): Worker {
  const early = globalThis.__kubehopElkWorker
  globalThis.__kubehopElkWorker = undefined
  return early ?? new Worker(elkWorkerUrl)
}

export function layoutInWorker(graph: ElkNode): Promise<ElkNode> {
  elk ??= new ELK({ workerUrl: elkWorkerUrl, workerFactory: takeWorker })
  return elk.layout(graph)
}

/** Makes ELK parse its code now, in parallel with the engine, rather than on the first snapshot. */
export function warmUpLayout(): void {
  void layoutInWorker({ id: 'warm-up', children: [{ id: 'a', width: 1, height: 1 }] })
    .then(() => performance.mark('kubehop:elk-warm'), () => {})
}
