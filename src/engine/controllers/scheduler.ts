// kube-scheduler (`default-scheduler`): the filter plugins of the default profile in their v1.32 order
// (pkg/scheduler/framework/plugins: NodeUnschedulable, NodeName, TaintToleration, NodeAffinity, NodePorts,
// NodeResourcesFit), a scoring that spreads pods of the same owner/Service (PodTopologySpread's system defaults)
// then prefers emptier nodes (NodeResourcesFit LeastAllocated), a random pick among the best (selectHost), and the
// FitError/preemption message of pkg/scheduler/framework/types.go and plugins/defaultpreemption.
import type { Change, ReadonlyStore } from '../api/store.ts'
import type { KubeObject, ObjectKey } from '../api/types.ts'
import { controllerOf } from '../api/types.ts'
import { fromLabelSelector, fromMap, matches } from '../api/labels.ts'
import type { Selector } from '../api/labels.ts'
import type { Controller, ControllerContext, SyncResult } from './controller.ts'
import { candidateServices, indexesOf } from './informer.ts'
import { SpreadTally } from './scheduler-spread.ts'
import { nodeInfo } from './scheduler-cache.ts'
import type { HostPort, NodeInfo } from './scheduler-cache.ts'
import { isPodTerminal } from './pod-util.ts'
import { rfc3339 } from '../sim/clock.ts'
import type { Container, NodeSelectorRequirement, NodeSelectorTerm, PodCondition, Taint, Toleration } from 'kubernetes-types/core/v1'

/** How a filter failed: Unresolvable failures make preemption pointless (framework.UnschedulableAndUnresolvable). */
interface Failure { reason: string; unresolvable: boolean }

/** The scheduler retries unschedulable pods at least this often (podMaxInUnschedulablePodsDuration = 5m). */
const UNSCHEDULABLE_RETRY_SECONDS = 300

function tolerates(tolerations: Toleration[] | undefined, taint: Pick<Taint, 'key' | 'effect' | 'value'>): boolean {
  return (tolerations ?? []).some((t) => {
    if (t.effect && t.effect !== taint.effect) return false
    if ((t.operator ?? 'Equal') === 'Exists') return !t.key || t.key === taint.key
    return t.key === taint.key && (t.value ?? '') === (taint.value ?? '')
  })
}

function nodeSelectorTermMatches(term: NodeSelectorTerm, node: KubeObject): boolean {
  const labels = node.metadata.labels ?? {}
  const exprOk = (e: NodeSelectorRequirement, value: string | undefined, has: boolean) => {
    switch (e.operator) {
      case 'In': return has && (e.values ?? []).includes(value as string)
      case 'NotIn': return !has || !(e.values ?? []).includes(value as string)
      case 'Exists': return has
      case 'DoesNotExist': return !has
      case 'Gt': return has && Number(value) > Number(e.values?.[0])
      case 'Lt': return has && Number(value) < Number(e.values?.[0])
      default: return false
    }
  }
  const exprs = term.matchExpressions ?? []
  const fields = term.matchFields ?? []
  if (!exprs.length && !fields.length) return false
  return exprs.every((e) => exprOk(e, labels[e.key], Object.prototype.hasOwnProperty.call(labels, e.key))) &&
    fields.every((e) => e.key === 'metadata.name' && exprOk(e, node.metadata.name, true))
}

/** Parses a resource quantity (`100m`, `0.5`, `128Mi`, `1G`) to a number of base units (cores, bytes). */
function parseQuantity(q: unknown): number {
  if (typeof q === 'number') return q
  const text = String(q ?? '0')
  // The same few quantities (a node's allocatable, a template's requests) are parsed for every pod and node.
  let n = quantities.get(text)
  if (n === undefined) {
    const m = /^([0-9.]+)([a-zA-Z]*)$/.exec(text)
    n = m ? Number(m[1]) * (MULTIPLIERS[m[2]] ?? 1) : 0
    if (quantities.size < 10_000) quantities.set(text, n)
  }
  return n
}

const MULTIPLIERS: Record<string, number> = { '': 1, m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, Ti: 1024 ** 4 }
const quantities = new Map<string, number>()

function requests(pod: KubeObject): { cpu: number; memory: number } {
  let cpu = 0, memory = 0
  for (const c of (pod.spec?.containers ?? []) as Container[]) {
    const r = c.resources?.requests ?? c.resources?.limits ?? {}
    cpu += parseQuantity(r.cpu)
    memory += parseQuantity(r.memory)
  }
  return { cpu, memory }
}

function hostPorts(pod: KubeObject): HostPort[] {
  const out: HostPort[] = []
  for (const c of (pod.spec?.containers ?? []) as Container[]) {
    for (const p of c.ports ?? []) {
      const port = p.hostPort || (pod.spec?.hostNetwork ? p.containerPort : 0)
      if (port) out.push({ ip: p.hostIP || '0.0.0.0', protocol: p.protocol ?? 'TCP', port })
    }
  }
  return out
}

function infoOf(store: ReadonlyStore, node: string): NodeInfo {
  return nodeInfo(store, node, hostPorts, requests)
}

/** What the filters read of the pod, taken once per scheduling attempt rather than once per node. */
interface PodFacts { tolerations: Toleration[] | undefined; selector: Record<string, string>; selectorKeys: string[]; required: { nodeSelectorTerms?: NodeSelectorTerm[] } | undefined; wanted: HostPort[]; want: { cpu: number; memory: number } }

function podFacts(pod: KubeObject): PodFacts {
  const selector = pod.spec?.nodeSelector ?? {}
  return { tolerations: pod.spec?.tolerations, selector, selectorKeys: Object.keys(selector), required: pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution,
    wanted: hostPorts(pod), want: requests(pod) }
}

const UNSCHEDULABLE: Failure = { reason: 'node(s) were unschedulable', unresolvable: true }
const AFFINITY: Failure = { reason: "node(s) didn't match Pod's node affinity/selector", unresolvable: true }
// Each stored taint's failure, made once (every pod meets the control plane's taint on every attempt).
const taintFailures = new WeakMap<Taint, Failure>()
function taintFailure(taint: Taint): Failure {
  let f = taintFailures.get(taint)
  if (!f) {
    f = { reason: `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`, unresolvable: true }
    if (Object.isFrozen(taint)) taintFailures.set(taint, f)
  }
  return f
}

/** Runs the filter plugins in order on one node; the first failure is the node's status. */
function filterNode(pod: PodFacts, node: KubeObject, store: ReadonlyStore): Failure | null {
  const spec = node.spec ?? {}
  // NodeUnschedulable
  if (spec.unschedulable && !tolerates(pod.tolerations, { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' })) return UNSCHEDULABLE
  // TaintToleration: the first untolerated NoSchedule/NoExecute taint
  const taints = spec.taints as Taint[] | undefined
  if (taints) {
    for (let i = 0; i < taints.length; i++) {
      const taint = taints[i]
      if (taint.effect !== 'NoSchedule' && taint.effect !== 'NoExecute') continue
      if (!tolerates(pod.tolerations, taint)) return taintFailure(taint)
    }
  }
  // NodeAffinity: nodeSelector and required node affinity
  if (pod.selectorKeys.length) {
    const labels = node.metadata.labels ?? {}
    for (const k of pod.selectorKeys) if (labels[k] !== pod.selector[k]) return AFFINITY
  }
  const required = pod.required
  if (required && !(required.nodeSelectorTerms ?? []).some((t: NodeSelectorTerm) => nodeSelectorTermMatches(t, node))) return AFFINITY
  const info = infoOf(store, node.metadata.name)
  const { wanted, want } = pod
  // NodePorts
  if (wanted.length) {
    const used = info.usedPorts()
    if (wanted.some((w) => used.some((u) => u.port === w.port && u.protocol === w.protocol && (u.ip === w.ip || u.ip === '0.0.0.0' || w.ip === '0.0.0.0')))) {
      return { reason: "node(s) didn't have free ports for the requested pod ports", unresolvable: false }
    }
  }
  // NodeResourcesFit
  const alloc = node.status?.allocatable ?? {}
  const maxPods = parseQuantity(alloc.pods ?? '110')
  if (info.pods.size + 1 > maxPods) return { reason: 'Too many pods', unresolvable: false }
  if (want.cpu || want.memory) {
    const used = info.requested()
    if (want.cpu && used.cpu + want.cpu > parseQuantity(alloc.cpu ?? '0') + 1e-9) return { reason: 'Insufficient cpu', unresolvable: false }
    if (want.memory && used.memory + want.memory > parseQuantity(alloc.memory ?? '0')) return { reason: 'Insufficient memory', unresolvable: false }
  }
  return null
}

/** Sorted "count reason" histogram joined with ", " (sortReasonsHistogram). */
function histogram(reasons: string[]): string {
  const counts = new Map<string, number>()
  for (const r of reasons) counts.set(r, (counts.get(r) ?? 0) + 1)
  return [...counts].map(([r, n]) => `${n} ${r}`).sort().join(', ')
}

/** FitError.Error plus the DefaultPreemption PostFilter message, as `kubectl describe pod` shows them. */
export function unschedulableMessage(total: number, failures: Failure[]): string {
  if (!total) return 'no nodes available to schedule pods'
  const filter = histogram(failures.map((f) => f.reason))
  const preemption = histogram(failures.map((f) => (f.unresolvable ? 'Preemption is not helpful for scheduling' : 'No preemption victims found for incoming pod')))
  return `0/${total} nodes are available: ${filter}. preemption: 0/${total} nodes are available: ${preemption}.`
}

/** The selectors of the Services/RCs/RSs that select the pod (helper.DefaultSelector for system spreading). */
function spreadSelectors(pod: KubeObject, store: ReadonlyStore): Selector[] {
  const ns = pod.metadata.namespace
  const out: Selector[] = []
  const labels = pod.metadata.labels
  for (const svc of candidateServices(store, ns, [pod])) {
    const sel = svc.spec?.selector
    if (sel && Object.keys(sel).length && matches(fromMap(sel), labels)) out.push(fromMap(sel))
  }
  const ref = controllerOf(pod)
  if (ref?.kind === 'ReplicaSet' || ref?.kind === 'ReplicationController') {
    const owner = store.get(ref.kind, ns, ref.name)
    const sel = ref.kind === 'ReplicaSet' ? fromLabelSelector(owner?.spec?.selector) : owner?.spec?.selector ? fromMap(owner.spec.selector) : null
    if (sel && sel.length) out.push(sel)
  }
  return out
}

function pendingKeys(store: ReadonlyStore): ObjectKey[] {
  const keys: ObjectKey[] = []
  for (const [key, pod] of indexesOf(store).podsOnNode('')) if (isOurs(pod)) keys.push(key)
  return keys
}

function isOurs(pod: KubeObject): boolean {
  return !pod.spec?.nodeName && (pod.spec?.schedulerName ?? 'default-scheduler') === 'default-scheduler' && !pod.metadata.deletionTimestamp && !isPodTerminal(pod)
}

/** Which pods to (re)try after a change (the scheduling queue's event handlers and MoveAllToActiveOrBackoffQueue). */
function schedulerKeysFor(change: Change, store: ReadonlyStore): ObjectKey[] {
  const obj = change.object
  if (obj.kind === 'Node') return change.type === 'deleted' ? [] : pendingKeys(store)
  if (obj.kind !== 'Pod') return []
  const prev = change.previous
  if (change.type === 'deleted') return prev?.spec?.nodeName || obj.spec?.nodeName ? pendingKeys(store) : []
  if (obj.spec?.nodeName) {
    // A bound pod finishing frees its node's resources.
    return isPodTerminal(obj) && prev && !isPodTerminal(prev) ? pendingKeys(store) : []
  }
  if (!isOurs(obj)) return []
  // Status-only updates of a pending pod (our own Unschedulable condition) do not requeue it.
  if (change.type === 'modified' && prev && JSON.stringify(prev.spec) === JSON.stringify(obj.spec) && JSON.stringify(prev.metadata.labels) === JSON.stringify(obj.metadata.labels)) return []
  return [change.key]
}

function schedule(key: ObjectKey, ctx: ControllerContext, spreads: SpreadTally): SyncResult {
  const pod = ctx.store.getByKey(key)
  if (!pod || pod.kind !== 'Pod' || !isOurs(pod)) return { writes: [] }
  const nodes = ctx.store.list('Node')
  const feasible: KubeObject[] = []
  const failures: Failure[] = []
  const facts = podFacts(pod)
  for (const node of nodes) {
    const failure = filterNode(facts, node, ctx.store)
    if (failure) failures.push(failure)
    else feasible.push(node)
  }
  const now = rfc3339(ctx.now)
  if (!feasible.length) {
    const message = unschedulableMessage(nodes.length, failures)
    const prev = (pod.status?.conditions as PodCondition[] | undefined)?.find((c) => c.type === 'PodScheduled')
    const condition = { lastProbeTime: null, lastTransitionTime: prev?.status === 'False' ? prev.lastTransitionTime : now, message, reason: 'Unschedulable', status: 'False', type: 'PodScheduled' }
    const conditions = [...((pod.status?.conditions as PodCondition[]) ?? []).filter((c) => c.type !== 'PodScheduled'), condition]
    const status = { ...(pod.status ?? {}), phase: pod.status?.phase ?? 'Pending', conditions }
    const changed = JSON.stringify(status) !== JSON.stringify(pod.status ?? {})
    return {
      writes: changed ? [{ op: 'update', object: { ...pod, status } }] : [],
      events: [{ involved: pod, type: 'Warning', reason: 'FailedScheduling', message, source: 'default-scheduler' }],
      requeueAfter: UNSCHEDULABLE_RETRY_SECONDS,
    }
  }
  // Score: fewest pods of the same Services/owners on the node, then fewest pods; random among the best.
  const spread = spreads.counts(pod.metadata.namespace, spreadSelectors(pod, ctx.store), ctx.store)
  let best: KubeObject[] = []
  let best0 = Infinity, best1 = Infinity
  for (const node of feasible) {
    const score0 = spread.get(node.metadata.name) ?? 0, score1 = infoOf(ctx.store, node.metadata.name).pods.size
    if (score0 < best0 || (score0 === best0 && score1 < best1)) { best = [node]; best0 = score0; best1 = score1 }
    else if (score0 === best0 && score1 === best1) best.push(node)
  }
  const chosen = best.length === 1 ? best[0] : best[ctx.rng.int(0, best.length - 1)]
  // The binding subresource sets spec.nodeName and PodScheduled=True (pkg/registry/core/pod/storage assignPod).
  const conditions = [...((pod.status?.conditions as PodCondition[]) ?? []).filter((c) => c.type !== 'PodScheduled'),
    { lastProbeTime: null, lastTransitionTime: now, status: 'True', type: 'PodScheduled' }]
  const bound: KubeObject = { ...pod, spec: { ...pod.spec, nodeName: chosen.metadata.name }, status: { ...(pod.status ?? {}), phase: pod.status?.phase ?? 'Pending', conditions } }
  return {
    writes: [{ op: 'update', object: bound }],
    events: [{ involved: pod, type: 'Normal', reason: 'Scheduled', message: `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${chosen.metadata.name}`, source: 'default-scheduler' }],
  }
}

/**
 * `default-scheduler`: binds each pending pod to a node that passes every filter, spreading replicas; when none
 * fits the pod stays Pending with PodScheduled=False/Unschedulable and a FailedScheduling event whose message is
 * v1.32's (`0/3 nodes are available: … preemption: 0/3 nodes are available: …`). Retried when nodes or pods change.
 */
export function scheduler(): Controller & { readonly podsVisited: number } {
  const spreads = new SpreadTally()
  return {
    name: 'default-scheduler',
    watches: ['Pod', 'Node'],
    keysFor: (change, store) => { spreads.note(change, store); return schedulerKeysFor(change, store) },
    sync: (key, ctx) => schedule(key, ctx, spreads),
    // Pods the spreading score looked at (tests check it does not grow with the square of a ReplicaSet's size).
    get podsVisited() { return spreads.podsVisited },
  }
}

