// Helpers shared by the Endpoints and EndpointSlice controllers: staging/src/k8s.io/endpointslice/util
// (ShouldPodBeInEndpoints, ShouldSetHostname), pkg/api/v1/pod (FindPort) and the trigger-time tracker
// (pkg/controller/util/endpoint/trigger_time_tracker.go).
import type { Change, ReadonlyStore } from '../api/store.ts'
import type { KubeObject, ObjectKey } from '../api/types.ts'
import { keyOf, objectKey } from '../api/types.ts'
import type { Write } from './controller.ts'
import { fromMap, matches } from '../api/labels.ts'
import type { Selector } from '../api/labels.ts'
import { epoch, isPodReady, isPodTerminal } from './pod-util.ts'
import { candidateServices, indexesOf, selectFrom } from './informer.ts'
import type { StoreIndexes } from '../api/indexes.ts'
import { rfc3339 } from '../sim/clock.ts'
import { isRestartableInit } from '../api/pod-display-status.ts'
import type { Container, PodCondition, ServicePort } from 'kubernetes-types/core/v1'

export const TRIGGER_TIME_ANNOTATION = 'endpoints.kubernetes.io/last-change-trigger-time'
export const HEADLESS_LABEL = 'service.kubernetes.io/headless'

// Per stored (frozen) Service object, its parsed selector: every pod write asks for the selectors of its Services.
const selectors = new WeakMap<KubeObject, Selector | null>()

/** A Service's selector, or null when it has none (an empty map counts as none, as it does after a round trip). Shared: never mutate it. */
export function serviceSelector(svc: KubeObject): Selector | null {
  let parsed = selectors.get(svc)
  if (parsed === undefined) {
    const sel = svc.spec?.selector
    parsed = sel && Object.keys(sel).length ? fromMap(sel) : null
    if (Object.isFrozen(svc)) selectors.set(svc, parsed)
  }
  return parsed
}

/** ShouldPodBeInEndpoints: not terminal, has an IP, and (unless terminating pods are included) not being deleted. */
export function shouldPodBeInEndpoints(pod: KubeObject, includeTerminating: boolean): boolean {
  if (isPodTerminal(pod)) return false
  if (!pod.status?.podIP && !pod.status?.podIPs?.length) return false
  if (!includeTerminating && pod.metadata.deletionTimestamp) return false
  return true
}

/** ShouldSetHostname: the pod names the Service as its subdomain. */
export function shouldSetHostname(pod: KubeObject, svc: KubeObject): boolean {
  return !!pod.spec?.hostname && pod.spec?.subdomain === svc.metadata.name && pod.metadata.namespace === svc.metadata.namespace
}

/** podutil.FindPort: a numeric targetPort as is; a named one looked up in the pod's containers (same protocol). */
export function findPort(pod: KubeObject, servicePort: ServicePort): number | undefined {
  const target = servicePort.targetPort ?? servicePort.port
  const protocol = servicePort.protocol ?? 'TCP'
  if (typeof target === 'number') return target
  if (/^\d+$/.test(String(target))) return Number(target)
  for (const c of [...(pod.spec?.containers ?? []), ...((pod.spec?.initContainers ?? []) as Container[]).filter(isRestartableInit)]) {
    for (const p of c.ports ?? []) if (p.name === target && (p.protocol ?? 'TCP') === protocol) return p.containerPort
  }
  return undefined
}

// Per Service object, the rank of each pod name in its last sorted selection: a sync after a pod's status write
// selects the same names, placed by rank in one pass instead of sorted again.
const ranks = new WeakMap<KubeObject, Map<string, number>>()
const byName = (a: KubeObject, b: KubeObject) => (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0)

// Per Service object, its last selection and the namespace's Pod revision it was made at: both controllers sync a
// Service after the same pod write, and again on their own write's echo, with no pod written in between.
const selections = new WeakMap<KubeObject, { index: StoreIndexes; revision: number; pods: readonly KubeObject[] }>()

/** The pods a Service selects, sorted by name (the same array while no Pod of the namespace is written). */
export function selectedPods(store: ReadonlyStore, svc: KubeObject, selector: Selector): readonly KubeObject[] {
  const ns = svc.metadata.namespace ?? 'default'
  const index = indexesOf(store)
  const revision = index.revision('Pod', ns)
  const hit = selections.get(svc)
  if (hit && hit.index === index && hit.revision === revision) return hit.pods
  const pods = sortedSelection(store, svc, selector, ns)
  if (Object.isFrozen(svc)) selections.set(svc, { index, revision, pods })
  return pods
}

function sortedSelection(store: ReadonlyStore, svc: KubeObject, selector: Selector, ns: string): KubeObject[] {
  const pods = selectFrom(store, 'Pod', ns, selector)
  const rank = ranks.get(svc)
  if (rank?.size === pods.length) {
    const out = new Array<KubeObject>(pods.length)
    let placed = 0
    for (const pod of pods) {
      const r = rank.get(pod.metadata.name)
      if (r === undefined || out[r] !== undefined) break
      out[r] = pod
      placed++
    }
    if (placed === pods.length) return out
  }
  pods.sort(byName)
  if (Object.isFrozen(svc)) ranks.set(svc, new Map(pods.map((p, i) => [p.metadata.name, i])))
  return pods
}

const NO_KEYS: readonly ObjectKey[] = Object.freeze([])

const sameIPs = (a: KubeObject, b: KubeObject) => {
  const x = a.status?.podIPs as { ip: string }[] | undefined
  const y = b.status?.podIPs as { ip: string }[] | undefined
  if (a.status?.podIP !== b.status?.podIP || (x?.length ?? 0) !== (y?.length ?? 0)) return false
  for (let i = 0; i < (x?.length ?? 0); i++) if (x![i].ip !== y![i].ip) return false
  return true
}

/**
 * podEndpointsChanged and its labels test (endpointslice/util GetServicesToUpdateOnPodChange): only a write that
 * changes labels, hostname/subdomain, deletion, readiness or IPs can change an endpoint. NodeName is set before the
 * IP, so a bind alone cannot. The phase is compared too: a pod turns terminal in the write that makes it unready.
 */
function podEndpointsChanged(prev: KubeObject, pod: KubeObject): boolean {
  return prev.metadata.labels !== pod.metadata.labels || prev.metadata.uid !== pod.metadata.uid ||
    prev.spec?.hostname !== pod.spec?.hostname || prev.spec?.subdomain !== pod.spec?.subdomain ||
    prev.metadata.deletionTimestamp !== pod.metadata.deletionTimestamp || prev.status?.phase !== pod.status?.phase ||
    isPodReady(prev) !== isPodReady(pod) || !sameIPs(prev, pod)
}

// The last change's answer: both endpoint controllers ask for the same change, one after the other.
let lastAnswer: { change: Change; store: ReadonlyStore; version: number; keys: readonly ObjectKey[] } | undefined

/** Services in the pod's namespace whose selector matches its old or new labels (getPodServiceMemberships). Shared: never mutate it. */
export function servicesForPodChange(change: Change, store: ReadonlyStore): readonly ObjectKey[] {
  if (lastAnswer?.change === change && lastAnswer.store === store && lastAnswer.version === store.version) return lastAnswer.keys
  const prev = change.previous
  if (change.type === 'modified' && prev && !podEndpointsChanged(prev, change.object)) return NO_KEYS
  const keys = new Set<ObjectKey>()
  // A write that kept the labels (most: a status) has the same candidates and matches for its old and new object.
  const pods = prev && prev.metadata.labels !== change.object.metadata.labels ? [prev, change.object] : [change.object]
  const ns = change.object.metadata.namespace
  for (const svc of candidateServices(store, ns, pods)) {
    const sel = serviceSelector(svc)
    if (sel && pods.some((p) => matches(sel, p.metadata.labels))) keys.add(objectKey('Service', ns, svc.metadata.name))
  }
  const answer = [...keys]
  lastAnswer = { change, store, version: store.version, keys: answer }
  return answer
}

/**
 * What a sync builds from one pod (its endpoint, its address), kept per stored pod object: stored objects are frozen,
 * so the value stays right until the pod is written again. `variant` names whatever else the value depends on (the
 * Service's publishNotReadyAddresses, the node's zone...). An unchanged pod's endpoint is then the very object the
 * stored slice holds, so comparing them (canonicalEqual, the store's no-op check) stops at identity.
 */
export class PodMemo<T> {
  private readonly cache = new WeakMap<KubeObject, { variant: string; value: T }>()
  /** Values built (cache misses): what tests count to prove a sync rebuilds only the pods that changed. */
  built = 0

  get(pod: KubeObject, variant: string, build: () => T): T {
    const hit = this.cache.get(pod)
    if (hit && hit.variant === variant) return hit.value
    const value = build()
    this.built++
    this.replace(pod, variant, value)
    return value
  }

  /** Keeps `value` as the pod's value from now on (built, or an equal one already stored). */
  replace(pod: KubeObject, variant: string, value: T): void {
    // An object outside the store (a test's, still mutable) may change under us: not kept.
    if (Object.isFrozen(pod)) this.cache.set(pod, { variant, value })
  }
}

// A pod's trigger time (its Ready condition's last transition, seconds; 0 for none), read once per pod object.
const triggerTimes = new WeakMap<KubeObject, number>()
function podTriggerTime(pod: KubeObject): number {
  let t = triggerTimes.get(pod)
  if (t === undefined) {
    const ready = (pod.status?.conditions as PodCondition[] | undefined)?.find((c) => c.type === 'Ready')
    t = ready?.lastTransitionTime ? epoch(ready.lastTransitionTime) : 0
    if (Object.isFrozen(pod)) triggerTimes.set(pod, t)
  }
  return t
}

/**
 * TriggerTimeTracker: remembers, per Service, the trigger time of each pod (its Ready condition's last
 * transition) and the Service's; returns the earliest trigger time that changed since the last sync (or undefined).
 * Like upstream's ComputeEndpointLastChangeTriggerTime it walks the Service's pods on every sync; each step is a
 * cached look-up, and the per-pod state is one map updated in place (pods gone since the last sync dropped).
 */
export class TriggerTimeTracker {
  private state = new Map<string, { service: number; pods: Map<string, number>; last?: readonly KubeObject[]; times?: number[] }>()

  compute(svc: KubeObject, pods: readonly KubeObject[]): string | undefined {
    const key = `${svc.metadata.namespace}/${svc.metadata.name}`
    let prev = this.state.get(key)
    let min = Infinity
    const serviceTime = epoch(svc.metadata.creationTimestamp)
    if (!prev || prev.service !== serviceTime) min = Math.min(min, serviceTime)
    if (!prev) this.state.set(key, (prev = { service: serviceTime, pods: new Map() }))
    prev.service = serviceTime
    const known = prev.pods
    // A pod object at the same place as in the last call was recorded then: its time is known, nothing to look up.
    const last = prev.last?.length === pods.length ? prev.last : undefined
    const lastTimes = prev.times
    const times = new Array<number>(pods.length)
    let seen = 0
    for (let i = 0; i < pods.length; i++) {
      const pod = pods[i]
      if (last && last[i] === pod) {
        if ((times[i] = lastTimes![i])) seen++
        continue
      }
      const t = (times[i] = podTriggerTime(pod))
      if (!t) continue
      const name = pod.metadata.name
      const was = known.get(name)
      if (was !== t) {
        min = Math.min(min, t)
        known.set(name, t)
      }
      seen++
    }
    prev.last = pods
    prev.times = times
    // A pod gone (or without a Ready time now) counts as unknown next time, as a fresh map per sync would have it.
    if (seen !== known.size) {
      const names = new Set<string>()
      for (const pod of pods) if (podTriggerTime(pod)) names.add(pod.metadata.name)
      for (const name of known.keys()) if (!names.has(name)) known.delete(name)
    }
    return min < Infinity && min > 0 ? rfc3339(min) : undefined
  }

  forget(namespace: string | undefined, name: string): void {
    this.state.delete(`${namespace}/${name}`)
  }
}

/** Whether a stored object is the one a controller wrote, stamped by the store (every other part the very same). */
function isStoredForm(stored: KubeObject, written: KubeObject): boolean {
  if (stored === written) return true
  const keys = Object.keys(written)
  if (keys.length !== Object.keys(stored).length) return false
  for (const k of keys) if (k !== 'metadata' && written[k] !== stored[k]) return false
  const a = written.metadata, b = stored.metadata
  return a.labels === b.labels && a.annotations === b.annotations && a.ownerReferences === b.ownerReferences && !b.deletionTimestamp
}

/**
 * Each Service's last sync: what it read (the Service, its pods, `extra` such as the Nodes' revision) and the objects
 * it left (those it read, or its own writes). A sync woken by the echo of its own write, or by a change that left its
 * inputs as they were, sees exactly that, so the full sync would write nothing: it can say so at once. The sync still
 * happens when and as often as before (the queue is untouched), and anyone else's write (kubectl's edit: new parts)
 * makes it a full one.
 */
export class LastSyncs {
  private readonly last = new Map<ObjectKey, { svc: KubeObject; pods: readonly KubeObject[]; extra: unknown; left: Map<ObjectKey, KubeObject> }>()
  /** Syncs answered at once (what a test counts). */
  skipped = 0

  unchanged(key: ObjectKey, svc: KubeObject, pods: readonly KubeObject[], extra: unknown, current: readonly KubeObject[]): boolean {
    const last = this.last.get(key)
    if (!last || last.svc !== svc || last.extra !== extra || last.pods.length !== pods.length || last.left.size !== current.length) return false
    for (let i = 0; i < pods.length; i++) if (last.pods[i] !== pods[i]) return false
    for (const obj of current) {
      const left = last.left.get(keyOf(obj))
      if (!left || !isStoredForm(obj, left)) return false
    }
    this.skipped++
    return true
  }

  remember(key: ObjectKey, svc: KubeObject, pods: readonly KubeObject[], extra: unknown, current: readonly KubeObject[], writes: readonly Write[]): void {
    const left = new Map(current.map((o) => [keyOf(o), o]))
    for (const w of writes) {
      if (w.op === 'delete') left.delete(w.key)
      else left.set(keyOf(w.object), w.object)
    }
    this.last.set(key, { svc, pods, extra, left })
  }

  forget(key: ObjectKey): void {
    this.last.delete(key)
  }
}

/** Labels the Endpoints/EndpointSlice carry from the Service, plus the headless marker. */
export function headlessLabel(svc: KubeObject, labels: Record<string, string>): Record<string, string> {
  const out = { ...labels }
  if (svc.spec?.clusterIP === 'None') out[HEADLESS_LABEL] = ''
  else delete out[HEADLESS_LABEL]
  return out
}
