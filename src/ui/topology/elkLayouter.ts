// ELK runs in its own classic worker (elk-worker.min.js served as an asset), created on first use.
import ELK, { type ElkNode } from 'elkjs/lib/elk-api.js'
import elkWorkerUrl from 'elkjs/lib/elk-worker.min.js?url'

let elk: InstanceType<typeof ELK> | null = null

export function layoutInWorker(graph: ElkNode): Promise<ElkNode> {
  elk ??= new ELK({ workerUrl: elkWorkerUrl })
  return elk.layout(graph)
}

/** Starts ELK's worker (1.6 MB to parse) at startup, in parallel with the engine, instead of on the first snapshot. */
export function warmUpLayout(): void {
  void layoutInWorker({ id: 'warm-up', children: [{ id: 'a', width: 1, height: 1 }] })
    .then(() => performance.mark('kubehop:elk-warm'), () => {})
}
