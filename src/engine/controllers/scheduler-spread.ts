// The spreading score's counts (PodTopologySpread's system defaults: pods of the same Services and owner per node),
// kept per set of selectors from the pod events instead of walking every matching pod for each pod scheduled:
// scheduling a ReplicaSet of n pods walked its n pods n times. Like upstream's PreScore state, but carried over
// between pods: only the pods written since the last use of a set are looked at again.
import type { Change, ReadonlyStore } from '../api/store.ts'
import type { KubeObject, ObjectKey } from '../api/types.ts'
import { keyOf } from '../api/types.ts'
import type { Selector } from '../api/labels.ts'
import { matches } from '../api/labels.ts'
import { selectFrom } from './informer.ts'
import { isPodTerminal } from './pod-util.ts'
import { podRevision } from './replica-tally.ts'

/** One set of selectors' counts: the node each counted pod is on, and the number per node. */
class SpreadSet {
  readonly nodeOf = new Map<ObjectKey, string>()
  readonly counts = new Map<string, number>()
  readonly dirty = new Set<ObjectKey>()

  constructor(readonly namespace: string, readonly selectors: Selector[]) {}

  set(key: ObjectKey, node: string | undefined): void {
    const old = this.nodeOf.get(key)
    if (old === node) return
    if (old !== undefined) {
      const n = this.counts.get(old)! - 1
      if (n) this.counts.set(old, n)
      else this.counts.delete(old)
      this.nodeOf.delete(key)
    }
    if (node !== undefined) {
      this.nodeOf.set(key, node)
      this.counts.set(node, (this.counts.get(node) ?? 0) + 1)
    }
  }

  /** The node a pod counts on: one of the selectors matches it, it is bound, and it is neither terminal nor terminating. */
  nodeFor(pod: KubeObject | undefined): string | undefined {
    if (!pod || (pod.metadata.namespace ?? '') !== this.namespace) return undefined
    const node = pod.spec?.nodeName
    // podtopologyspread/common.go countPodsMatchSelector: terminating pods are bypassed (kubernetes#87621).
    if (!node || isPodTerminal(pod) || pod.metadata.deletionTimestamp) return undefined
    return this.selectors.some((sel) => matches(sel, pod.metadata.labels)) ? node : undefined
  }
}

/** The first `in` requirement of a selector names labels every pod it matches carries: changes are routed by them. */
function routes(namespace: string, sel: Selector): string[] {
  const req = sel.find((r) => r.op === 'in')
  return req && req.op === 'in' ? req.values.map((v) => `${namespace}/${req.key}=${v}`) : [`${namespace}/*`]
}

const MAX_SETS = 2000

export class SpreadTally {
  private readonly sets = new Map<string, SpreadSet>()
  private readonly byRoute = new Map<string, SpreadSet[]>()
  private store: ReadonlyStore | undefined
  private seen = -1
  /** Pods looked at (a new set walks its matching pods once, then each written pod): tests read it. */
  podsVisited = 0

  /** Called with every store change (the scheduler's event handlers). */
  note(change: Change, store: ReadonlyStore): void {
    if (this.store !== store) this.reset(store)
    if (change.object.kind !== 'Pod') return
    this.seen = podRevision(store)
    if (!this.sets.size) return
    const prev = change.previous, pod = change.object
    // A status write that leaves the pod where it was (most of the kubelet's) cannot move a count.
    if (change.type === 'modified' && prev && prev.metadata.labels === pod.metadata.labels && prev.spec?.nodeName === pod.spec?.nodeName &&
      prev.metadata.deletionTimestamp === pod.metadata.deletionTimestamp && isPodTerminal(prev) === isPodTerminal(pod)) return
    for (const pod of [change.previous, change.object]) {
      if (!pod) continue
      const ns = pod.metadata.namespace ?? ''
      this.mark(`${ns}/*`, change.key)
      for (const [k, v] of Object.entries(pod.metadata.labels ?? {})) this.mark(`${ns}/${k}=${v}`, change.key)
    }
  }

  private mark(route: string, key: ObjectKey): void {
    for (const set of this.byRoute.get(route) ?? []) set.dirty.add(key)
  }

  private reset(store: ReadonlyStore): void {
    this.sets.clear()
    this.byRoute.clear()
    this.store = store
    this.seen = podRevision(store)
  }

  /** Per node, the bound pods of the namespace that one of the selectors matches. */
  counts(namespace: string | undefined, selectors: Selector[], store: ReadonlyStore): ReadonlyMap<string, number> {
    if (this.store !== store || this.seen !== podRevision(store)) this.reset(store)
    const ns = namespace ?? ''
    const id = JSON.stringify([ns, selectors])
    let set = this.sets.get(id)
    // Sets of selectors nothing schedules with any more (deleted Services) are dropped all at once now and then.
    if (!set && this.sets.size >= MAX_SETS) this.reset(store)
    if (!set) {
      set = new SpreadSet(ns, selectors)
      this.sets.set(id, set)
      for (const route of new Set(selectors.flatMap((sel) => routes(ns, sel)))) {
        const list = this.byRoute.get(route)
        if (list) list.push(set)
        else this.byRoute.set(route, [set])
      }
      for (const sel of selectors) {
        for (const p of selectFrom(store, 'Pod', namespace, sel)) {
          this.podsVisited++
          set.set(keyOf(p), set.nodeFor(p))
        }
      }
      return set.counts
    }
    for (const key of set.dirty) {
      this.podsVisited++
      set.set(key, set.nodeFor(store.getByKey(key)))
    }
    set.dirty.clear()
    return set.counts
  }
}
