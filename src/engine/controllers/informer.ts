// The shared informer cache, as client-go's SharedIndexInformer gives controllers (k8s.io/client-go/tools/cache):
// the API store keeps its indexes current on every write (api/indexes.ts), so a controller looks up the pods of an
// owner, a node or a label instead of listing (and sorting) a whole kind on every sync.
import type { ReadonlyStore } from '../api/store.ts'
import type { KubeObject } from '../api/types.ts'
import { compareObjects } from '../api/store.ts'
import { StoreIndexes } from '../api/indexes.ts'
import type { Selector } from '../api/labels.ts'
import { matches } from '../api/labels.ts'
import { KINDS } from '../api/kinds.ts'

const built = new WeakMap<ReadonlyStore, StoreIndexes & { version?: number }>()

/** The store's indexes; a read-only view without them (a snapshot) gets indexes built from a full list. */
export function indexesOf(store: ReadonlyStore): StoreIndexes {
  if (store.indexes) return store.indexes
  let index = built.get(store)
  if (index && index.version === store.version) return index
  index = new StoreIndexes()
  for (const { kind } of KINDS) for (const obj of store.list(kind)) index.apply(undefined, obj, store.version)
  index.version = store.version
  built.set(store, index)
  return index
}

/**
 * Objects of a kind in a namespace that a selector matches, in no particular order: from the smallest label bucket
 * an equality requirement names, or the whole namespace when the selector has none.
 */
export function selectFrom(store: ReadonlyStore, kind: string, namespace: string | undefined, selector: Selector): KubeObject[] {
  const index = indexesOf(store)
  let candidates: Iterable<KubeObject> | undefined
  let size = Infinity
  let implied: Selector[number] | undefined
  for (const req of selector) {
    if (req.op !== 'in') continue
    const buckets = req.values.map((v) => index.withLabel(kind, namespace, req.key, v))
    const n = buckets.reduce((sum, b) => sum + b.size, 0)
    if (n < size) {
      size = n
      candidates = buckets.length === 1 ? buckets[0].values() : new Set(buckets.flatMap((b) => [...b.values()]))
      implied = buckets.length === 1 ? req : undefined
    }
  }
  // Every object of a key=value bucket meets that requirement: only the others are tested (often none is left).
  const rest = implied ? selector.filter((req) => req !== implied) : selector
  if (candidates && !rest.length) return [...candidates]
  const out: KubeObject[] = []
  for (const obj of candidates ?? index.inNamespace(kind, namespace).values()) if (matches(rest, obj.metadata.labels)) out.push(obj)
  return out
}

/** Services of a namespace whose selector names a label one of the pods carries (candidates to match), by name. */
export function candidateServices(store: ReadonlyStore, namespace: string | undefined, pods: KubeObject[]): KubeObject[] {
  const index = indexesOf(store)
  // Asked on every pod write: most find one Service or none, so the set against repeats is made only for a second one.
  const out: KubeObject[] = []
  let seen: Set<KubeObject> | undefined
  for (const p of pods) {
    const labels = p.metadata.labels as Record<string, string> | undefined
    if (!labels) continue
    for (const k of Object.keys(labels)) {
      const bucket = index.servicesSelecting(namespace, k, labels[k])
      if (!bucket.size) continue
      for (const svc of bucket.values()) {
        if (!out.length) { out.push(svc); continue }
        seen ??= new Set(out)
        if (!seen.has(svc)) { seen.add(svc); out.push(svc) }
      }
    }
  }
  return out.length > 1 ? out.sort(compareObjects) : out
}

/**
 * Objects of a kind in a namespace that are owned by `uid` or have no controller (what ClaimObjects looks at), in
 * list order (by name) or in write order (the order a namespace's bucket lists them).
 */
export function ownedOrOrphans(store: ReadonlyStore, kind: string, namespace: string | undefined, uid: string | undefined, order: 'list' | 'write'): KubeObject[] {
  const index = indexesOf(store)
  const ns = namespace ?? ''
  const out: KubeObject[] = []
  for (const obj of index.ownedBy(kind, uid).values()) if ((obj.metadata.namespace ?? '') === ns) out.push(obj)
  const orphans = index.orphans(kind, namespace)
  if (orphans.size) {
    const owned = new Set(out)
    for (const obj of orphans.values()) if (!owned.has(obj)) out.push(obj)
  } else if (order === 'write') return out
  return out.sort(order === 'list' ? compareObjects : (a, b) => index.writeOrder(a, b))
}
