// The replica logic ReplicaSets and ReplicationControllers share. Upstream they are literally the same code:
// pkg/controller/replicaset/replica_set.go (ReplicaSetController.syncReplicaSet, manageReplicas, getPodsToDelete)
// with pkg/controller/replication adapting RCs to it, plus pkg/controller/controller_ref_manager.go (ClaimPods) and
// pkg/controller/controller_utils.go (ActivePodsWithRanks, GetPodFromTemplate).
import type { Change, ReadonlyStore } from '../api/store.ts'
import type { KubeObject, ObjectKey, OwnerReference } from '../api/types.ts'
import { controllerOf, keyOf, objectKey, parseKey } from '../api/types.ts'
import type { Selector } from '../api/labels.ts'
import { matches } from '../api/labels.ts'
import type { ControllerContext, EventRecord, SyncResult, Write } from './controller.ts'
import { ownedOrOrphans } from './informer.ts'
import { ReplicaTallies } from './replica-tally.ts'
import { epoch, isPodActive, isPodAvailable, isPodReady, podCondition, secondsUntilAvailable } from './pod-util.ts'
import { qosClass } from '../node/pod-status.ts'
import type { SeededRandom } from '../sim/random.ts'
import { jsonClone, jsonEqual } from '../api/plain-json.ts'
import type { ContainerStatus } from 'kubernetes-types/core/v1'

/** replica_set.go: BurstReplicas, the most pods one sync creates or deletes. */
const BURST_REPLICAS = 500
/**
 * kube-controller-manager's API client is rate limited (--kube-api-qps=20), so a full burst of 500 creations takes
 * 25 s; the next burst waits that long on the simulated clock. Smaller batches are immediate.
 */
const CONTROLLER_QPS = 20

export interface ReplicaKind {
  kind: 'ReplicaSet' | 'ReplicationController'
  apiVersion: string
  /** Event source (`replicaset-controller`, `replication-controller`). */
  component: string
  /** The owner's selector, from its spec alone; null selects nothing. */
  selector(owner: KubeObject): Selector | null
}

/** Event handlers (replica_set.go addPod/updatePod/deletePod, addRS/updateRS): which owners to sync. */
export function replicaKeysFor(rk: ReplicaKind, change: Change, store: ReadonlyStore, state?: ReplicaState): ObjectKey[] {
  state?.tallies.note(rk.kind, change, store)
  const obj = change.object
  if (obj.kind === rk.kind) return [change.key]
  if (obj.kind !== 'Pod') return []
  // Most pod writes (a status) keep the owner references: one owner, named by either object.
  if (change.type === 'modified' && change.previous && change.previous.metadata.ownerReferences === obj.metadata.ownerReferences) {
    const ref = controllerOf(obj)
    if (ref) return ref.kind === rk.kind ? [objectKey(rk.kind, obj.metadata.namespace, ref.name)] : []
  }
  const keys = new Set<ObjectKey>()
  for (const pod of [change.previous, change.type === 'deleted' ? undefined : obj]) {
    if (!pod) continue
    const ref = controllerOf(pod)
    if (ref) {
      if (ref.kind === rk.kind) keys.add(objectKey(rk.kind, pod.metadata.namespace, ref.name))
    } else if (change.type !== 'deleted') {
      // An orphan: every owner whose selector matches may adopt it (getPodReplicaSets).
      for (const owner of store.list(rk.kind, pod.metadata.namespace)) {
        const sel = rk.selector(owner)
        if (sel && sel.length && matches(sel, pod.metadata.labels)) keys.add(keyOf(owner))
      }
    }
  }
  return [...keys]
}

// Per stored spec (frozen, kept by the owner's status writes), the selector parsed from it: every sync needs it.
const selectors = new WeakMap<object, Selector | null>()
function selectorOf(rk: ReplicaKind, owner: KubeObject): Selector | null {
  const spec = owner.spec
  if (!spec || typeof spec !== 'object' || !Object.isFrozen(spec)) return rk.selector(owner)
  let sel = selectors.get(spec)
  if (sel === undefined) selectors.set(spec, (sel = rk.selector(owner)))
  return sel
}

/** Per-controller memory that the API does not hold (upstream: expectations and the client rate limiter). */
export class ReplicaState {
  readonly nextBurstAt = new Map<string, number>()
  readonly tallies = new ReplicaTallies()
}

/** controller.GetPodFromTemplate plus the API server's generateName: `<owner>-<5 random chars>`. */
function podFromTemplate(owner: KubeObject, ref: OwnerReference, name: string): KubeObject {
  const template = owner.spec?.template ?? {}
  const meta = template.metadata ?? {}
  const spec = jsonClone(template.spec ?? {})
  const pod: KubeObject = {
    apiVersion: 'v1', kind: 'Pod',
    metadata: {
      name, generateName: generatePrefix(owner.metadata.name), namespace: owner.metadata.namespace,
      ...(meta.labels ? { labels: { ...meta.labels } } : {}),
      ...(meta.annotations ? { annotations: { ...meta.annotations } } : {}),
      ownerReferences: [ref],
    },
    spec,
  }
  pod.status = { phase: 'Pending', qosClass: qosClass(pod) }
  return pod
}

/** names.SimpleNameGenerator: the prefix is cut to 58 characters so the name stays within 63. */
function generatePrefix(ownerName: string): string {
  const prefix = `${ownerName}-`
  return prefix.length > 58 ? prefix.slice(0, 58) : prefix
}

export function generateName(prefix: string, rng: SeededRandom, taken: (name: string) => boolean): string {
  for (;;) {
    const name = prefix + rng.suffix(5)
    if (!taken(name)) return name
  }
}

function controllerRef(owner: KubeObject, apiVersion: string): OwnerReference {
  return { apiVersion, kind: owner.kind, name: owner.metadata.name, uid: owner.metadata.uid!, controller: true, blockOwnerDeletion: true }
}

/** syncReplicaSet: claim pods, create or delete to match spec.replicas, then write status. */
export function syncReplicas(rk: ReplicaKind, state: ReplicaState, key: ObjectKey, ctx: ControllerContext): SyncResult {
  const { namespace } = parseKey(key)
  const owner = ctx.store.getByKey(key)
  if (!owner || owner.kind !== rk.kind) return { writes: [] }
  const writes: Write[] = []
  const events: EventRecord[] = []
  const uid = owner.metadata.uid!
  const selector = selectorOf(rk, owner)
  const ref = controllerRef(owner, rk.apiVersion)
  const deleting = !!owner.metadata.deletionTimestamp

  const minReady = owner.spec?.minReadySeconds ?? 0
  const templateLabels: Record<string, string> = owner.spec?.template?.metadata?.labels ?? {}
  const tally = state.tallies.tally({ owner, selector, deleting, minReady, templateLabels }, ctx.store, ctx.now)
  // ClaimPods: keep owned pods that still match, release those that do not, adopt matching orphans. Only a sync
  // with something to release or adopt walks every pod (its writes go out in write order).
  let owned: KubeObject[] | undefined
  if (tally.claims) {
    owned = []
    for (const pod of ownedOrOrphans(ctx.store, 'Pod', namespace, uid, 'write')) {
      state.tallies.podsVisited++
      if (!isPodActive(pod)) continue
      const cref = controllerOf(pod)
      const matching = !!selector && selector.length > 0 && matches(selector, pod.metadata.labels)
      if (cref) {
        if (cref.uid !== uid) continue
        if (matching) owned.push(pod)
        else if (!deleting) {
          const refs = (pod.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid)
          const metadata: KubeObject['metadata'] = { ...pod.metadata, ownerReferences: refs }
          if (!refs.length) delete metadata.ownerReferences
          writes.push({ op: 'update', object: { ...pod, metadata } })
        }
      } else if (matching && !deleting) {
        const adopted = { ...pod, metadata: { ...pod.metadata, ownerReferences: [...(pod.metadata.ownerReferences ?? []), ref] } }
        writes.push({ op: 'update', object: adopted })
        owned.push(adopted)
      }
    }
  }
  const ownedCount = owned ? owned.length : tally.owned

  let requeueAfter: number | undefined
  if (!deleting) {
    const want = Math.max(0, owner.spec?.replicas ?? 1)
    const diff = ownedCount - want
    if (diff < 0) {
      const waitUntil = state.nextBurstAt.get(uid) ?? -Infinity
      if (ctx.now < waitUntil) requeueAfter = waitUntil - ctx.now
      else {
        const count = Math.min(-diff, BURST_REPLICAS)
        const taken = new Set<string>()
        const prefix = generatePrefix(owner.metadata.name)
        for (let i = 0; i < count; i++) {
          const name = generateName(prefix, ctx.rng, (n) => taken.has(n) || !!ctx.store.get('Pod', namespace, n))
          taken.add(name)
          writes.push({ op: 'create', object: podFromTemplate(owner, ref, name) })
          events.push({ involved: owner, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${name}`, source: rk.component })
        }
        if (count === BURST_REPLICAS && -diff > count) {
          const pause = count / CONTROLLER_QPS
          state.nextBurstAt.set(uid, ctx.now + pause)
          requeueAfter = pause
        }
      }
    } else if (diff > 0) {
      for (const pod of podsToDelete(owned ?? tally.ownedPods(), Math.min(diff, BURST_REPLICAS))) {
        writes.push({ op: 'delete', key: keyOf(pod) })
        events.push({ involved: owner, type: 'Normal', reason: 'SuccessfulDelete', message: `Deleted pod: ${pod.metadata.name}`, source: rk.component })
      }
    }
  }

  // calculateStatus, from the tally (or from the pods just claimed).
  let fully = tally.fully, ready = tally.ready, available = tally.available
  let unavailable: Iterable<KubeObject> = [...tally.waiting].map((k) => tally.facts.get(k)!.pod)
  if (owned) {
    fully = ready = available = 0
    const waiting: KubeObject[] = []
    for (const pod of owned) {
      if (Object.keys(templateLabels).every((k) => pod.metadata.labels?.[k] === templateLabels[k])) fully++
      if (isPodReady(pod)) {
        ready++
        if (isPodAvailable(pod, minReady, ctx.now)) available++
        else waiting.push(pod)
      }
    }
    unavailable = waiting
  }
  for (const pod of unavailable) {
    const wait = secondsUntilAvailable(pod, minReady, ctx.now)
    if (wait !== undefined) requeueAfter = Math.min(requeueAfter ?? Infinity, wait)
  }
  const status: Record<string, unknown> = { replicas: ownedCount }
  if (fully) status.fullyLabeledReplicas = fully
  if (ready) status.readyReplicas = ready
  if (available) status.availableReplicas = available
  if (owner.metadata.generation) status.observedGeneration = owner.metadata.generation
  if (owner.status?.conditions?.length) status.conditions = owner.status.conditions
  if (!jsonEqual(status, owner.status ?? {})) writes.push({ op: 'update', object: { ...owner, status } })
  return { writes, events, ...(requeueAfter !== undefined ? { requeueAfter } : {}) }
}

const PHASE_RANK: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 }

/**
 * getPodsToDelete with controller.ActivePodsWithRanks: unscheduled before scheduled, Pending before Running,
 * not ready before ready, pods doubled up on a node first, most recently ready first, more restarts first,
 * newest first. (Upstream compares the two timestamps in logarithmic buckets; kubehop compares them exactly.)
 */
export function podsToDelete(pods: KubeObject[], count: number): KubeObject[] {
  const perNode = new Map<string, number>()
  for (const p of pods) if (p.spec?.nodeName) perNode.set(p.spec.nodeName, (perNode.get(p.spec.nodeName) ?? 0) + 1)
  // Each pod's sort keys read once (timestamps parsed once, not once per comparison: a scale-down of one pod out of
  // thousands ran the comparator about n log n times).
  const ranked = pods.map((pod) => {
    const ready = isPodReady(pod)
    let restarts = 0
    for (const c of (pod.status?.containerStatuses ?? []) as ContainerStatus[]) restarts = Math.max(restarts, c.restartCount ?? 0)
    return {
      pod, ready: ready ? 1 : 0, restarts,
      assigned: pod.spec?.nodeName ? 1 : 0,
      phase: PHASE_RANK[pod.status?.phase ?? 'Pending'] ?? 0,
      doubled: pod.spec?.nodeName ? perNode.get(pod.spec.nodeName) ?? 0 : 0,
      readySince: ready ? epoch(podCondition(pod, 'Ready')?.lastTransitionTime) : 0,
      created: epoch(pod.metadata.creationTimestamp),
    }
  })
  type Ranked = (typeof ranked)[number]
  const before = (a: Ranked, b: Ranked): number => {
    if (a.assigned !== b.assigned) return a.assigned - b.assigned
    if (a.phase !== b.phase) return a.phase - b.phase
    if (a.ready !== b.ready) return a.ready - b.ready
    if (a.doubled !== b.doubled) return b.doubled - a.doubled
    if (a.readySince !== b.readySince) return b.readySince - a.readySince
    if (a.restarts !== b.restarts) return b.restarts - a.restarts
    if (a.created !== b.created) return b.created - a.created
    const x = a.pod.metadata.name, y = b.pod.metadata.name
    return x < y ? 1 : x > y ? -1 : 0
  }
  // The order is total (names break ties), so the first `count` of a full sort are the `count` least by `before`:
  // a scale-down by a few picks them in a few passes instead of sorting every pod.
  if (count <= 4) {
    const out: KubeObject[] = []
    const taken = new Set<Ranked>()
    for (let k = 0; k < Math.min(count, ranked.length); k++) {
      let best: Ranked | undefined
      for (const r of ranked) if (!taken.has(r) && (!best || before(r, best) < 0)) best = r
      taken.add(best!)
      out.push(best!.pod)
    }
    return out
  }
  return ranked.sort(before).slice(0, count).map((r) => r.pod)
}
