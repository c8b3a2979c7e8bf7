// Test helpers: a store holding hand-built objects, and a clock five minutes after they were created.
import { ObjectStore } from '../../../engine/api/store.ts'
import { SimClock } from '../../../engine/sim/clock.ts'
import { SeededRandom } from '../../../engine/sim/random.ts'
import type { KubeObject } from '../../../engine/api/types.ts'

export const T0 = '2026-01-01T09:00:00Z'
export const NOW = Date.UTC(2026, 0, 1, 9, 5, 0) / 1000

export function storeWith(objects: KubeObject[]): ObjectStore {
  const store = new ObjectStore(new SeededRandom(7), new SimClock())
  for (const o of objects) store.create({ ...o, metadata: { creationTimestamp: T0, ...o.metadata } })
  return store
}
