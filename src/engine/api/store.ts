// The API store: every object the cluster knows, keyed Kind/namespace/name. Every write goes through `write`,
// which stamps metadata (uid, resourceVersion, creationTimestamp; generation as registry-strategy.ts says) like the
// API server and etcd do.
import type { KubeObject, ObjectKey } from './types.ts'
import { keyOf, objectKey } from './types.ts'
import { jsonEqual } from './plain-json.ts'
import { StoreIndexes } from './indexes.ts'
import { generationOnCreate, generationOnUpdate } from './registry-strategy.ts'
import type { SeededRandom } from '../sim/random.ts'
import type { SimClock } from '../sim/clock.ts'

type ChangeType = 'added' | 'modified' | 'deleted'

export interface Change {
  type: ChangeType
  key: ObjectKey
  object: KubeObject
  previous?: KubeObject
}

/** Read access for controllers, printers and the data plane. Objects are deep-frozen: never mutate them. */
export interface ReadonlyStore {
  get(kind: string, namespace: string | undefined, name: string): KubeObject | undefined
  getByKey(key: ObjectKey): KubeObject | undefined
  /** Objects of a kind, in one namespace or all, sorted by namespace then name (the API server's list order). */
  list(kind: string, namespace?: string): KubeObject[]
  /** The store's current resourceVersion; changes with every write. */
  readonly version: number
  /** Secondary indexes kept on every write (the API store has them; snapshot views may not). */
  readonly indexes?: StoreIndexes
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) freezeNew(value)
  return value
}

/** Freezes an unfrozen object and what is new beneath it: a frozen child is a stored object's part, already done. */
function freezeNew(value: object): void {
  Object.freeze(value)
  // An array by index (for…in would name every index as a string); an object by for…in (no array of its values).
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const child: unknown = value[i]
      if (child !== null && typeof child === 'object' && !Object.isFrozen(child)) freezeNew(child)
    }
    return
  }
  for (const k in value) {
    const child = (value as Record<string, unknown>)[k]
    if (child !== null && typeof child === 'object' && !Object.isFrozen(child)) freezeNew(child)
  }
}

export class ObjectStore implements ReadonlyStore {
  private objects = new Map<ObjectKey, KubeObject>()
  private byKind = new Map<string, Set<ObjectKey>>()
  private rv = 0
  readonly indexes = new StoreIndexes()
  private readonly lists = new Map<string, { revision: number; objects: KubeObject[] }>()
  private listeners: ((change: Change) => void)[] = []

  constructor(private readonly rng: SeededRandom, readonly clock: SimClock) {}

  get version(): number {
    return this.rv
  }

  get(kind: string, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.objects.get(objectKey(kind, namespace, name))
  }

  getByKey(key: ObjectKey): KubeObject | undefined {
    return this.objects.get(key)
  }

  list(kind: string, namespace?: string): KubeObject[] {
    if (namespace === '') return [...(this.byKind.get(kind) ?? [])].map((key) => this.objects.get(key)!).filter((o) => o.metadata.namespace === '').sort(compareObjects)
    // Sorted once per revision of the kind (in the namespace): controllers list the same nodes for every pod.
    const id = namespace === undefined ? kind : `${kind}/${namespace}`
    const revision = this.indexes.revision(kind, namespace)
    const hit = this.lists.get(id)
    if (hit?.revision === revision) return hit.objects.slice()
    let objects: KubeObject[]
    if (namespace) objects = [...this.indexes.inNamespace(kind, namespace).values()].sort(compareObjects)
    else objects = [...(this.byKind.get(kind) ?? [])].map((key) => this.objects.get(key)!).sort(compareObjects)
    this.lists.set(id, { revision, objects })
    return objects.slice()
  }

  all(): KubeObject[] {
    // The map's keys are keyOf(object): sort them once instead of rebuilding two keys per comparison.
    return [...this.objects.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((key) => this.objects.get(key)!)
  }

  subscribe(listener: (change: Change) => void): () => void {
    this.listeners.push(listener)
    return () => { this.listeners = this.listeners.filter((l) => l !== listener) }
  }

  /** Creates an object; the caller has admitted it. Returns the stored (stamped, frozen) record. */
  create(obj: KubeObject): KubeObject {
    const key = keyOf(obj)
    if (this.objects.has(key)) throw new Error(`store: ${key} already exists`)
    // The strategy's generation, whatever the input said (PrepareForCreate).
    const generation = generationOnCreate(obj.kind)
    const metadata: KubeObject['metadata'] & { generation?: number } = {
      ...obj.metadata,
      uid: obj.metadata.uid ?? this.rng.uuid(),
      resourceVersion: String(++this.rv),
      creationTimestamp: obj.metadata.creationTimestamp ?? this.clock.nowRfc3339(),
    }
    // Assigned, not spread from a conditional literal (V8's slow generic clone; every Pod and Event is created here).
    if (generation !== undefined) metadata.generation = generation
    return this.commit({ type: 'added', key, object: deepFreeze({ ...obj, metadata }) })
  }

  /**
   * Replaces an object (`opts.generation`: the generation a delete decided). Returns the stored record, or the existing one untouched when nothing changed
   * (a no-op write does not bump resourceVersion, like the API server).
   */
  update(obj: KubeObject, opts: { generation?: number } = {}): KubeObject {
    const key = keyOf(obj)
    const previous = this.objects.get(key)
    if (!previous) throw new Error(`store: ${key} does not exist`)
    // One fresh metadata, stamped in place once the write is known to change something (no second copy).
    const metadata = { ...obj.metadata, uid: previous.metadata.uid, creationTimestamp: previous.metadata.creationTimestamp,
      resourceVersion: previous.metadata.resourceVersion, generation: previous.metadata.generation }
    const candidate: KubeObject = { ...obj, metadata }
    if (jsonEqual(candidate, previous)) return previous
    // PrepareForUpdate's generation, or the one a delete set (rest.BeforeDelete bumps it when marking).
    const generation = opts.generation ?? generationOnUpdate(previous, candidate)
    metadata.resourceVersion = String(++this.rv)
    if (generation !== undefined) metadata.generation = generation
    return this.commit({ type: 'modified', key, object: deepFreeze(candidate), previous })
  }

  remove(key: ObjectKey): KubeObject | undefined {
    const previous = this.objects.get(key)
    if (!previous) return undefined
    this.rv++
    this.commit({ type: 'deleted', key, object: previous, previous })
    return previous
  }

  private commit(change: Change): KubeObject {
    if (change.type === 'deleted') {
      this.objects.delete(change.key)
      this.byKind.get(change.object.kind)?.delete(change.key)
    } else {
      this.objects.set(change.key, change.object)
      if (change.type === 'added') {
        let keys = this.byKind.get(change.object.kind)
        if (!keys) this.byKind.set(change.object.kind, (keys = new Set()))
        keys.add(change.key)
      }
    }
    this.indexes.apply(change.previous, change.type === 'deleted' ? undefined : change.object, this.rv, change.key)
    for (const listener of this.listeners) listener(change)
    return change.object
  }
}

/** API list order: by namespace, then name. */
export function compareObjects(a: KubeObject, b: KubeObject): number {
  const na = a.metadata.namespace ?? ''
  const nb = b.metadata.namespace ?? ''
  if (na !== nb) return na < nb ? -1 : 1
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0
}
