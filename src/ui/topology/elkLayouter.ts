// ELK runs in its own classic worker (elk-worker.min.js served as an asset), started only when needed: the first
// topology comes from the build-time table, so its 1.6 MB parse waits until the editor is up (warmUpLayout).
import ELK, { type ElkNode } from 'elkjs/lib/elk-api.js'
import elkWorkerUrl from 'elkjs/lib/elk-worker.min.js?url'

let elk: InstanceType<typeof ELK> | null = null

export function layoutInWorker(graph: ElkNode): Promise<ElkNode> {
  elk ??= new ELK({ workerUrl: elkWorkerUrl })
  return elk.layout(graph)
}

/** Makes ELK parse its code now (when the page is idle), rather than on the first graph that needs it. */
export function warmUpLayout(): void {
  void layoutInWorker({ id: 'warm-up', children: [{ id: 'a', width: 1, height: 1 }] })
    .then(() => performance.mark('kubehop:elk-warm'), () => {})
}
