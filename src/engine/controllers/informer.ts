// The shared informer cache: pods indexed by namespace, node and owner uid, kept current from the store's change
// feed the way client-go's SharedIndexInformer keeps indexers (k8s.io/client-go/tools/cache/shared_informer.go).
// Controllers read it instead of listing (and sorting) every pod on every sync, so 100000 pods stay cheap.
import type { Change, ReadonlyStore } from '../api/store.ts'
import type { KubeObject } from '../api/types.ts'
import { keyOf } from '../api/types.ts'

type Bucket = Map<string, KubeObject>

/** Pods by namespace, by node (`spec.nodeName`) and by owner uid. Read-only for callers. */
export class PodIndex {
  readonly byNamespace = new Map<string, Bucket>()
  readonly byNode = new Map<string, Bucket>()
  readonly byOwner = new Map<string, Bucket>()
  /** Pods without `spec.nodeName`, in creation order (the scheduler's queue). */
  readonly unscheduled: Bucket = new Map()
  /** The store version this index reflects. */
  version = -1

  add(pod: KubeObject): void {
    const key = keyOf(pod)
    put(this.byNamespace, pod.metadata.namespace ?? '', key, pod)
    if (pod.spec?.nodeName) put(this.byNode, pod.spec.nodeName, key, pod)
    else this.unscheduled.set(key, pod)
    for (const ref of pod.metadata.ownerReferences ?? []) put(this.byOwner, ref.uid, key, pod)
  }

  remove(pod: KubeObject): void {
    const key = keyOf(pod)
    drop(this.byNamespace, pod.metadata.namespace ?? '', key)
    if (pod.spec?.nodeName) drop(this.byNode, pod.spec.nodeName, key)
    this.unscheduled.delete(key)
    for (const ref of pod.metadata.ownerReferences ?? []) drop(this.byOwner, ref.uid, key)
  }

  inNamespace(namespace: string): Iterable<KubeObject> {
    return this.byNamespace.get(namespace)?.values() ?? []
  }

  onNode(node: string): Iterable<KubeObject> {
    return this.byNode.get(node)?.values() ?? []
  }

  ownedBy(uid: string | undefined): Iterable<KubeObject> {
    return (uid && this.byOwner.get(uid)?.values()) || []
  }
}

function put(map: Map<string, Bucket>, bucket: string, key: string, obj: KubeObject): void {
  let b = map.get(bucket)
  if (!b) map.set(bucket, (b = new Map()))
  b.set(key, obj)
}

function drop(map: Map<string, Bucket>, bucket: string, key: string): void {
  const b = map.get(bucket)
  if (!b) return
  b.delete(key)
  if (!b.size) map.delete(bucket)
}

const indexes = new WeakMap<ReadonlyStore, PodIndex>()

/** Feeds one store change to the cache (every controller's `keysFor` calls this first; repeats are no-ops). */
export function observe(change: Change, store: ReadonlyStore): void {
  const index = indexes.get(store)
  if (!index || index.version === store.version) return
  if (index.version !== store.version - 1) {
    indexes.delete(store) // missed a change: rebuild lazily on the next read
    return
  }
  if (change.object.kind === 'Pod') {
    if (change.previous) index.remove(change.previous)
    if (change.type !== 'deleted') index.add(change.object)
    else index.remove(change.object)
  }
  index.version = store.version
}

/** The pod cache for this store, rebuilt from a full list when it is not known to be current. */
export function podIndex(store: ReadonlyStore): PodIndex {
  let index = indexes.get(store)
  if (index && index.version === store.version) return index
  index = new PodIndex()
  for (const pod of store.list('Pod')) index.add(pod)
  index.version = store.version
  indexes.set(store, index)
  return index
}
