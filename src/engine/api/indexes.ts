// The store's secondary indexes, kept current on every write the way client-go's Indexer keeps an informer's cache
// (k8s.io/client-go/tools/cache/thread_safe_store.go updateIndices): controllers look up what they need instead of
// listing a whole kind. A bucket lists its objects in the order they were last written (a write moves an object
// to the end of every bucket it is in), so any two buckets agree on the relative order of the objects they share.
// Events are filed by namespace only (see fileEvent).
import type { KubeObject, ObjectKey } from './types.ts'
import { keyOf } from './types.ts'

export type Bucket = ReadonlyMap<ObjectKey, KubeObject>
const EMPTY: Bucket = new Map()

/** One index: bucket name → objects. Empty buckets are dropped. */
class Index {
  private readonly buckets = new Map<string, Map<ObjectKey, KubeObject>>()

  add(name: string, key: ObjectKey, obj: KubeObject): void {
    let b = this.buckets.get(name)
    if (!b) this.buckets.set(name, (b = new Map()))
    b.set(key, obj)
  }

  remove(name: string, key: ObjectKey, _obj?: KubeObject): void {
    const b = this.buckets.get(name)
    if (!b) return
    b.delete(key)
    if (!b.size) this.buckets.delete(name)
  }

  /** A write that leaves the object in this bucket: it moves to the end (write order), replaced by its new version. */
  move(name: string, key: ObjectKey, obj: KubeObject): void {
    const b = this.buckets.get(name)!
    b.delete(key)
    b.set(key, obj)
  }

  get(name: string): Bucket {
    return this.buckets.get(name) ?? EMPTY
  }
}

/** An index that also counts writes per bucket (a generation, as the scheduler cache's NodeInfo has). */
class CountedIndex extends Index {
  private readonly generations = new Map<string, number>()
  private counter = 0

  override add(name: string, key: ObjectKey, obj: KubeObject): void {
    super.add(name, key, obj)
    this.generations.set(name, ++this.counter)
  }

  override remove(name: string, key: ObjectKey, _obj?: KubeObject): void {
    super.remove(name, key)
    this.generations.set(name, ++this.counter)
  }

  override move(name: string, key: ObjectKey, obj: KubeObject): void {
    super.move(name, key, obj)
    this.generations.set(name, ++this.counter)
  }

  generation(name: string): number {
    return this.generations.get(name) ?? 0
  }
}

const controlled = (obj: KubeObject) => !!obj.metadata.ownerReferences?.some((r) => r.controller)
const terminal = (pod: KubeObject) => pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed'

type Buckets = { ns: string; owners: string[]; orphan: boolean; labels: string[]; node?: string; running?: string; selector: string[] }

/** An object's buckets: `previous`'s (the ones it was filed under) when a write kept them all, else named afresh. */
function bucketsOf(obj: KubeObject, previous?: KubeObject, filed?: Buckets): Buckets {
  return previous && filed && sameBuckets(previous, obj) ? filed : nameBuckets(obj)
}

function sameRecord(a: Record<string, unknown> | undefined, b: Record<string, unknown> | undefined): boolean {
  if (a === b) return true
  if (!a || !b) return !Object.keys(a ?? b ?? {}).length
  const ka = Object.keys(a)
  if (ka.length !== Object.keys(b).length) return false
  for (const k of ka) if (a[k] !== b[k] || !Object.prototype.hasOwnProperty.call(b, k)) return false
  return true
}

/** Whether a write kept everything nameBuckets reads (most writes: a status, a slice's endpoints), cheaply. */
function sameBuckets(a: KubeObject, b: KubeObject): boolean {
  if (a.kind !== b.kind || a.metadata.namespace !== b.metadata.namespace || !sameRecord(a.metadata.labels, b.metadata.labels)) return false
  const ra = a.metadata.ownerReferences ?? [], rb = b.metadata.ownerReferences ?? []
  if (ra !== rb) {
    if (ra.length !== rb.length) return false
    for (let i = 0; i < ra.length; i++) if (ra[i].uid !== rb[i].uid || !!ra[i].controller !== !!rb[i].controller) return false
  }
  if (a.kind === 'Service') return sameRecord(a.spec?.selector, b.spec?.selector)
  if (a.kind === 'Pod') return (a.spec?.nodeName ?? '') === (b.spec?.nodeName ?? '') && terminal(a) === terminal(b)
  return true
}

function nameBuckets(obj: KubeObject): Buckets {
  const kind = obj.kind
  const ns = obj.metadata.namespace ?? ''
  const owners: string[] = []
  for (const ref of obj.metadata.ownerReferences ?? []) {
    const name = `${kind}/${ref.uid}`
    if (!owners.includes(name)) owners.push(name)
  }
  const labels: string[] = []
  for (const [k, v] of Object.entries(obj.metadata.labels ?? {})) labels.push(`${kind}/${ns}/${k}=${v}`)
  const selector: string[] = []
  if (kind === 'Service') for (const [k, v] of Object.entries((obj.spec?.selector ?? {}) as Record<string, string>)) selector.push(`${ns}/${k}=${v}`)
  const node = kind === 'Pod' ? (obj.spec?.nodeName ?? '') : undefined
  return { ns: `${kind}/${ns}`, owners, orphan: !controlled(obj), labels, node, running: node && !terminal(obj) ? node : undefined, selector }
}

/**
 * Indexes over every object: by kind and namespace, by owner uid, controller-less objects by namespace, by label
 * key=value, Pods by node (`''` for unscheduled), Services by selector key=value, by uid; and, per kind and
 * namespace and per node, the store version of the last write there (what caches keyed on them compare against).
 */
export class StoreIndexes {
  private readonly ns = new Index()
  private readonly owner = new Index()
  private readonly orphan = new Index()
  private readonly label = new Index()
  private readonly node = new Index()
  private readonly running = new CountedIndex()
  private readonly selector = new Index()
  private readonly uids = new Map<string, KubeObject>()
  private readonly revisions = new Map<string, number>()
  /** Each object's place in write order (what every bucket's order follows). */
  private readonly seq = new Map<ObjectKey, number>()
  private nextSeq = 0
  /** The buckets each stored object is filed under (what it leaves on its next write). */
  private readonly filed = new Map<ObjectKey, Buckets>()

  /** Files a write: `previous` out of its buckets, `next` into its own (at the end). `key`: the object's, if known. */
  apply(previous: KubeObject | undefined, next: KubeObject | undefined, version: number, key = keyOf((next ?? previous)!)): void {
    const obj = (next ?? previous)!
    if (obj.kind === 'Event') return this.fileEvent(previous, next, key, version)
    const was = previous && this.filed.get(key)
    const b = next && bucketsOf(next, previous, was)
    if (previous && b && b === was) {
      this.refile(previous, next!, key, b, version)
      this.seq.set(key, this.nextSeq++)
      return
    }
    if (previous) this.file(previous, key, was ?? nameBuckets(previous), false, version)
    if (b) {
      this.file(next!, key, b, true, version)
      this.filed.set(key, b)
      this.seq.set(key, this.nextSeq++)
    } else {
      this.filed.delete(key)
      this.seq.delete(key)
    }
  }

  /**
   * Events (a third of all writes) are listed, never adopted, owned, selected or looked up by uid: they are filed
   * by namespace only, where a write leaves them in place (store.list sorts them by name anyway).
   */
  private fileEvent(previous: KubeObject | undefined, next: KubeObject | undefined, key: ObjectKey, version: number): void {
    const ns = `Event/${(next ?? previous)!.metadata.namespace ?? ''}`
    if (next) this.ns.add(ns, key, next)
    else this.ns.remove(ns, key)
    this.revisions.set(ns, version)
    this.revisions.set('Event', version)
  }

  private file(obj: KubeObject, key: ObjectKey, b: Buckets, add: boolean, version: number): void {
    const op = add ? 'add' : 'remove'
    this.ns[op](b.ns, key, obj)
    for (const o of b.owners) this.owner[op](o, key, obj)
    if (b.orphan) this.orphan[op](b.ns, key, obj)
    for (const l of b.labels) this.label[op](l, key, obj)
    for (const s of b.selector) this.selector[op](s, key, obj)
    if (b.node !== undefined) this.node[op](b.node, key, obj)
    if (b.running !== undefined) this.running[op](b.running, key, obj)
    this.revisions.set(b.ns, version)
    this.revisions.set(obj.kind, version)
    const uid = obj.metadata.uid
    if (uid) {
      if (add) this.uids.set(uid, obj)
      else if (this.uids.get(uid) === obj) this.uids.delete(uid)
    }
  }

  /** A write that keeps every bucket: the object moves to the end of each (what remove then add would do). */
  private refile(previous: KubeObject, next: KubeObject, key: ObjectKey, b: Buckets, version: number): void {
    this.ns.move(b.ns, key, next)
    for (const o of b.owners) this.owner.move(o, key, next)
    if (b.orphan) this.orphan.move(b.ns, key, next)
    for (const l of b.labels) this.label.move(l, key, next)
    for (const s of b.selector) this.selector.move(s, key, next)
    if (b.node !== undefined) this.node.move(b.node, key, next)
    if (b.running !== undefined) this.running.move(b.running, key, next)
    this.revisions.set(b.ns, version)
    this.revisions.set(next.kind, version)
    const was = previous.metadata.uid, uid = next.metadata.uid
    // The store keeps an object's uid: replaced in place, not deleted and added again.
    if (was && was !== uid && this.uids.get(was) === previous) this.uids.delete(was)
    if (uid) this.uids.set(uid, next)
  }

  /** Objects of a kind in one namespace (`''` for cluster-scoped kinds). */
  inNamespace(kind: string, namespace: string | undefined): Bucket {
    return this.ns.get(`${kind}/${namespace ?? ''}`)
  }

  /** Objects of a kind with an ownerReference to `uid` (controller or not). */
  ownedBy(kind: string, uid: string | undefined): Bucket {
    return uid ? this.owner.get(`${kind}/${uid}`) : EMPTY
  }

  /** Objects of a kind in a namespace with no controller reference (candidates for adoption). */
  orphans(kind: string, namespace: string | undefined): Bucket {
    return this.orphan.get(`${kind}/${namespace ?? ''}`)
  }

  /** Objects of a kind in a namespace labelled key=value. */
  withLabel(kind: string, namespace: string | undefined, key: string, value: string): Bucket {
    return this.label.get(`${kind}/${namespace ?? ''}/${key}=${value}`)
  }

  /** Pods bound to a node; `''` gives the pods not bound yet. */
  podsOnNode(node: string): Bucket {
    return this.node.get(node)
  }

  /** Pods bound to a node that still hold its resources (not Succeeded or Failed), what the scheduler counts. */
  runningOnNode(node: string): Bucket {
    return this.running.get(node)
  }

  /** Changes with every write that adds a pod to, or removes one from, runningOnNode(node). */
  runningGeneration(node: string): number {
    return this.running.generation(node)
  }

  /** Services in a namespace whose spec.selector has key=value. */
  servicesSelecting(namespace: string | undefined, key: string, value: string): Bucket {
    return this.selector.get(`${namespace ?? ''}/${key}=${value}`)
  }

  byUid(uid: string | undefined): KubeObject | undefined {
    return uid ? this.uids.get(uid) : undefined
  }

  /** The store version of the last write to a kind in a namespace (0: none yet); without a namespace, anywhere. */
  revision(kind: string, namespace?: string): number {
    return this.revisions.get(namespace === undefined ? kind : `${kind}/${namespace}`) ?? 0
  }

  /** Orders objects as every bucket does (write order), for merging look-ups from two buckets. */
  writeOrder(a: KubeObject, b: KubeObject): number {
    return (this.seq.get(keyOf(a)) ?? 0) - (this.seq.get(keyOf(b)) ?? 0)
  }
}
