// What the replica manager knows of an owner's pods between syncs, kept from the informer's pod events the way
// upstream's expectations and caches are kept from them. Upstream's syncReplicaSet walks every pod of the owner on
// each sync, but its work queue folds many pods' status writes into one sync; kubehop's clock wakes the controller
// once per pod (each pull ends at its own instant), so walking them all made one Deployment quadratic in its size.
// A sync now looks only at the pods that changed since the last one (the first sync, or any doubt, walks them all).
import type { Change, ReadonlyStore } from '../api/store.ts'
import type { KubeObject, ObjectKey } from '../api/types.ts'
import { controllerOf, keyOf } from '../api/types.ts'
import type { Selector } from '../api/labels.ts'
import { matches } from '../api/labels.ts'
import { indexesOf, ownedOrOrphans } from './informer.ts'
import { isPodActive, isPodAvailable, isPodReady } from './pod-util.ts'

/** What ClaimPods does with a pod: counts it, releases it, adopts it, or leaves it alone. */
type Role = 'owned' | 'release' | 'adopt' | 'none'

interface Fact { pod: KubeObject; role: Role; fully: boolean; ready: boolean; available: boolean }

/** An owner's pods as its last sync saw them, with the counts calculateStatus needs. */
export class OwnerTally {
  readonly facts = new Map<ObjectKey, Fact>()
  /** Pods written since the last sync (noted by the event handlers). */
  readonly dirty = new Set<ObjectKey>()
  /** Ready pods not yet available (minReadySeconds): the only ones whose count moves with time alone. */
  readonly waiting = new Set<ObjectKey>()
  owned = 0
  fully = 0
  ready = 0
  available = 0
  /** Pods to release or adopt: a sync that writes them walks every pod, in write order, as before. */
  claims = 0

  constructor(readonly namespace: string, readonly uid: string, readonly signature: string) {}

  /** The owned pods (for getPodsToDelete). */
  ownedPods(): KubeObject[] {
    const out: KubeObject[] = []
    for (const f of this.facts.values()) if (f.role === 'owned') out.push(f.pod)
    return out
  }

  put(key: ObjectKey, fact: Fact | undefined): void {
    const old = this.facts.get(key)
    if (old) this.count(old, -1)
    this.waiting.delete(key)
    if (fact) {
      this.facts.set(key, fact)
      this.count(fact, 1)
      if (fact.role === 'owned' && fact.ready && !fact.available) this.waiting.add(key)
    } else this.facts.delete(key)
  }

  private count(f: Fact, d: number): void {
    if (f.role !== 'owned') {
      if (f.role !== 'none') this.claims += d
      return
    }
    this.owned += d
    if (f.fully) this.fully += d
    if (f.ready) this.ready += d
    if (f.available) this.available += d
  }
}

/**
 * The owner's facts that decide every pod's role and counts: a change to any of them starts a new tally. `selector`,
 * `minReady` and `templateLabels` are read from `owner.spec`, `deleting` from its metadata.
 */
export interface OwnerView { owner: KubeObject; selector: Selector | null; deleting: boolean; minReady: number; templateLabels: Record<string, string> }

/** The replica manager's tallies of one controller (ReplicaSets or ReplicationControllers), fed by its keysFor. */
export class ReplicaTallies {
  private readonly byUid = new Map<string, OwnerTally>()
  private store: ReadonlyStore | undefined
  /** The store's last Pod write the event handlers saw: a sync after one they did not see rebuilds. */
  private seen = -1
  /** Pods looked at by syncs (a full walk counts each pod, an incremental sync each changed one): tests read it. */
  podsVisited = 0

  /** Called with every store change, as an informer's event handlers are. */
  note(kind: string, change: Change, store: ReadonlyStore): void {
    if (this.store !== store) { this.byUid.clear(); this.store = store }
    const obj = change.object
    if (obj.kind === kind && change.type === 'deleted' && obj.metadata.uid) this.byUid.delete(obj.metadata.uid)
    if (obj.kind !== 'Pod') return
    this.seen = podRevision(store)
    if (!this.byUid.size) return
    for (const pod of [change.previous, obj]) {
      if (!pod) continue
      const refs = pod.metadata.ownerReferences ?? []
      for (const r of refs) this.byUid.get(r.uid)?.dirty.add(change.key)
      if (!controllerOf(pod)) {
        // An orphan may be adopted by any owner of its namespace (a rare case: walk the tallies).
        const ns = pod.metadata.namespace ?? ''
        for (const t of this.byUid.values()) if (t.namespace === ns) t.dirty.add(change.key)
      }
    }
  }

  /** The owner's tally, brought up to date with the pods written since its last sync. */
  tally(view: OwnerView, store: ReadonlyStore, now: number): OwnerTally {
    const { owner } = view
    const uid = owner.metadata.uid!
    const namespace = owner.metadata.namespace ?? ''
    const spec = owner.spec
    const cached = spec && typeof spec === 'object' && Object.isFrozen(spec) ? signatures.get(spec) : undefined
    let signature = view.deleting ? cached?.deleting : cached?.live
    if (signature === undefined) {
      signature = JSON.stringify([view.selector, view.deleting, view.minReady, view.templateLabels])
      if (spec && typeof spec === 'object' && Object.isFrozen(spec)) signatures.set(spec, { ...cached, [view.deleting ? 'deleting' : 'live']: signature })
    }
    let t = this.byUid.get(uid)
    const revision = podRevision(store)
    if (!t || t.signature !== signature || this.store !== store || this.seen !== revision) {
      if (this.store !== store || this.seen !== revision) { this.byUid.clear(); this.store = store; this.seen = revision }
      t = new OwnerTally(namespace, uid, signature)
      this.byUid.set(uid, t)
      for (const pod of ownedOrOrphans(store, 'Pod', namespace, uid, 'write')) {
        this.podsVisited++
        t.put(keyOf(pod), factOf(pod, view, now))
      }
      return t
    }
    for (const key of t.dirty) {
      this.podsVisited++
      const pod = store.getByKey(key)
      const candidate = pod && (pod.metadata.namespace ?? '') === namespace &&
        (!controllerOf(pod) || (pod.metadata.ownerReferences ?? []).some((r) => r.uid === uid))
      t.put(key, candidate ? factOf(pod, view, now) : undefined)
    }
    t.dirty.clear()
    // Time alone makes a ready pod available once minReadySeconds have passed since it became ready.
    for (const key of t.waiting) {
      const f = t.facts.get(key)!
      if (isPodAvailable(f.pod, view.minReady, now)) t.put(key, { ...f, available: true })
    }
    return t
  }
}

/**
 * Each stored owner spec's signature, live and deleting (the view's selector, minReady and template labels come from
 * the spec, which is frozen and kept by the owner's status writes; deleting from its metadata).
 */
const signatures = new WeakMap<object, { live?: string; deleting?: string }>()

/** The store version of the last Pod write (the indexes keep it per kind). */
export function podRevision(store: ReadonlyStore): number {
  return indexesOf(store).revision('Pod')
}

function factOf(pod: KubeObject, view: OwnerView, now: number): Fact | undefined {
  if (!isPodActive(pod)) return undefined
  const uid = view.owner.metadata.uid
  const cref = controllerOf(pod)
  const matching = !!view.selector && view.selector.length > 0 && matches(view.selector, pod.metadata.labels)
  let role: Role
  if (cref) role = cref.uid !== uid ? 'none' : matching ? 'owned' : view.deleting ? 'none' : 'release'
  else role = matching && !view.deleting ? 'adopt' : 'none'
  if (role === 'none') return undefined
  const labels = pod.metadata.labels
  const fully = Object.keys(view.templateLabels).every((k) => labels?.[k] === view.templateLabels[k])
  const ready = isPodReady(pod)
  return { pod, role, fully, ready, available: ready && isPodAvailable(pod, view.minReady, now) }
}
