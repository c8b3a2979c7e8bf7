// The default document's first snapshot was computed at build time by the same seeded engine
// (scripts/precompute-layout.ts): show it at once, while the worker still builds its cluster, and let the
// worker's identical first answer change nothing (no second render of the whole topology).
import type { EngineClient } from './engineClient.ts'
import type { AppStore } from './store.ts'
import { documentOf } from './store.ts'
import { precomputedSnapshot } from './topology/precomputedLayouts.ts'

/** Puts the precomputed snapshot (if the document is the default one) in the store; returns the client to sync with. */
export function startFromPrecomputed(store: AppStore, engine: EngineClient): EngineClient {
  let first = precomputedSnapshot(documentOf(store.getState()))
  if (!first) return engine
  store.getState().setSnapshot(first)
  return {
    ...engine,
    onSnapshot: (listener) => engine.onSnapshot((snapshot) => {
      const same = first !== null && snapshot?.version === first.version && JSON.stringify(snapshot) === JSON.stringify(first)
      first = null
      if (same) performance.mark('kubehop:snapshot') // the worker caught up (syncEngine marks the later ones)
      else listener(snapshot)
    }),
  }
}
