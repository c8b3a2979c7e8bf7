// What a cold load of the default scenario shows first, computed at build time so the first topology needs
// neither the engine's worker (building the kind cluster) nor ELK's (1.6 MB of script to parse): the engine's
// first snapshot of the default document, and the ELK layout of its box graph.
// vite.config.ts serves `precompute()` as `virtual:kubehop/precomputed`; running this file prints it:
// `npx tsx scripts/precompute-layout.ts`. The engine is deterministic (seeded), so this is exactly what the worker
// answers a moment later; the UI uses it only when the document is the default one, and the worker's snapshot
// then takes over. Layouts are looked up by the same graph hash as the localStorage cache, ELK on a miss.
import ELK from 'elkjs/lib/elk.bundled.js'
import type { ClusterSnapshot } from '../src/engine/snapshot.ts'
import { defaultFiles } from '../src/ui/fixtures/defaultDocument.ts'
import { positionsOf, toElkGraph } from '../src/ui/topology/elkGraph.ts'
import { hashGraph } from '../src/ui/topology/layoutCache.ts'
import { readTopology } from '../src/ui/topology/model.ts'
import { assignSlots, emptySlots } from '../src/ui/topology/slots.ts'
import type { EngineDocument } from '../src/worker/protocol.ts'
import { EngineHost } from '../src/worker/engineHost.ts'

export interface Precomputed {
  /** Graph hash → top-left corners of the top-level boxes. */
  layouts: Record<string, Record<string, { x: number; y: number }>>
  /** The worker's first snapshot for `document` (an EngineHost's apply of it, as engine.worker.ts does). */
  first: { document: EngineDocument; snapshot: ClusterSnapshot } | null
}

export async function precompute(): Promise<Precomputed> {
  const document: EngineDocument = { files: defaultFiles, seed: 1 }
  const host = new EngineHost(document.seed)
  host.warmUp()
  host.apply(document)
  const snapshot = host.snapshot()
  if (!snapshot) return { layouts: {}, first: null }
  const model = readTopology(snapshot)
  const graph = toElkGraph(model, assignSlots(emptySlots, model))
  const layouts = { [hashGraph(JSON.stringify(graph))]: positionsOf(await new ELK().layout(structuredClone(graph))) }
  return { layouts, first: { document, snapshot } }
}

if (process.argv[1]?.endsWith('precompute-layout.ts')) {
  const { layouts, first } = await precompute()
  console.log(JSON.stringify({ layouts, first: first && { document: first.document, version: first.snapshot.version, objects: first.snapshot.objects.length } }, null, 2))
}
