// kube-controller-manager's DaemonSet controller (pkg/controller/daemon/daemon_controller.go): one pod per node
// that should run it (nodeShouldRunDaemonPod: the template's node selector, and every NoSchedule/NoExecute taint
// tolerated, counting the tolerations util.AddOrUpdateDaemonPodTolerations adds), pinned to its node by a
// matchFields node affinity for the default scheduler to bind; surplus pods deleted; then the status counts.
import type { Controller, ControllerContext, SyncResult, Write } from './controller.ts'
import type { KubeObject, ObjectKey } from '../api/types.ts'
import { objectKey, parseKey } from '../api/types.ts'
import { indexesOf } from './informer.ts'
import { isPodActive, isPodReady } from './pod-util.ts'
import { generateName } from './replica-manager.ts'
import { qosClass } from '../node/pod-status.ts'
import { jsonClone } from '../api/plain-json.ts'
import type { Taint, Toleration } from 'kubernetes-types/core/v1'
import { workloadKeysFor } from './workload-keys.ts'

/** util.AddOrUpdateDaemonPodTolerations: daemon pods stay through node trouble and cordons. */
const DAEMON_TOLERATIONS: Toleration[] = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
]

function tolerated(tolerations: Toleration[], taint: Taint): boolean {
  return tolerations.some((t) => {
    if (t.effect && t.effect !== taint.effect) return false
    if ((t.operator ?? 'Equal') === 'Exists') return !t.key || t.key === taint.key
    return t.key === taint.key && (t.value ?? '') === (taint.value ?? '')
  })
}

function tolerationsFor(ds: KubeObject): Toleration[] {
  const own = (ds.spec?.template?.spec?.tolerations ?? []) as Toleration[]
  const added = DAEMON_TOLERATIONS.filter((d) => !own.some((t) => t.key === d.key && t.effect === d.effect))
  return [...own, ...added, ...(ds.spec?.template?.spec?.hostNetwork ? [{ key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' }] : [])]
}

/** nodeShouldRunDaemonPod: the node selector matches and no NoSchedule/NoExecute taint is left untolerated. */
function shouldRun(ds: KubeObject, node: KubeObject, tolerations: Toleration[]): boolean {
  const selector = (ds.spec?.template?.spec?.nodeSelector ?? {}) as Record<string, string>
  const labels = node.metadata.labels ?? {}
  if (!Object.entries(selector).every(([k, v]) => labels[k] === v)) return false
  return ((node.spec?.taints ?? []) as Taint[]).every((t) => t.effect === 'PreferNoSchedule' || tolerated(tolerations, t))
}

/** The daemon pod for one node: the template, its tolerations, and affinity to exactly that node (matchFields). */
function daemonPod(ds: KubeObject, node: string, name: string, tolerations: Toleration[]): KubeObject {
  const template = ds.spec?.template ?? {}
  const spec = jsonClone(template.spec ?? {})
  spec.tolerations = tolerations
  spec.affinity = { ...(spec.affinity ?? {}), nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: {
    nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [node] }] }] } } }
  const pod: KubeObject = {
    apiVersion: 'v1', kind: 'Pod',
    metadata: {
      name, generateName: `${ds.metadata.name}-`, namespace: ds.metadata.namespace,
      labels: { ...(template.metadata?.labels ?? {}), 'pod-template-generation': String(ds.metadata.generation ?? 1) },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: ds.metadata.name, uid: ds.metadata.uid!, controller: true, blockOwnerDeletion: true }],
    },
    spec,
  }
  pod.status = { phase: 'Pending', qosClass: qosClass(pod) }
  return pod
}

/** The node a daemon pod is meant for: its binding, else its matchFields affinity. */
function targetNode(pod: KubeObject): string | undefined {
  return pod.spec?.nodeName ?? pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms?.[0]?.matchFields?.[0]?.values?.[0]
}

function sync(key: ObjectKey, ctx: ControllerContext): SyncResult {
  const ds = ctx.store.getByKey(key)
  if (!ds || ds.kind !== 'DaemonSet' || ds.metadata.deletionTimestamp) return { writes: [] }
  const namespace = ds.metadata.namespace
  const tolerations = tolerationsFor(ds)
  const owned = [...indexesOf(ctx.store).ownedBy('Pod', ds.metadata.uid!).values()].filter((p) => isPodActive(p))
  const byNode = new Map<string, KubeObject[]>()
  for (const p of owned) {
    const node = targetNode(p)
    if (node) byNode.set(node, [...(byNode.get(node) ?? []), p])
  }
  const writes: Write[] = []
  const events: SyncResult['events'] = []
  const nodes = ctx.store.list('Node').filter((n) => shouldRun(ds, n, tolerations))
  const wanted = new Set(nodes.map((n) => n.metadata.name))
  for (const node of nodes) {
    if (byNode.get(node.metadata.name)?.length) continue
    const name = generateName(`${ds.metadata.name}-`, ctx.rng, (n) => !!ctx.store.get('Pod', namespace, n))
    writes.push({ op: 'create', object: daemonPod(ds, node.metadata.name, name, tolerations) })
    events.push({ involved: ds, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${name}`, source: 'daemonset-controller' })
  }
  for (const [node, pods] of byNode) {
    // Extra pods on a node, or pods on a node that should not run one (manage: podsToDelete).
    for (const p of wanted.has(node) ? pods.slice(1) : pods) {
      writes.push({ op: 'delete', key: objectKey('Pod', namespace, p.metadata.name) })
      events.push({ involved: ds, type: 'Normal', reason: 'SuccessfulDelete', message: `Deleted pod: ${p.metadata.name}`, source: 'daemonset-controller' })
    }
  }
  const scheduled = nodes.filter((n) => byNode.get(n.metadata.name)?.some((p) => p.spec?.nodeName))
  const ready = nodes.filter((n) => byNode.get(n.metadata.name)?.some((p) => isPodReady(p))).length
  const misscheduled = [...byNode.keys()].filter((n) => !wanted.has(n) && byNode.get(n)!.some((p) => p.spec?.nodeName)).length
  // updateDaemonSetStatus: every running pod is from the current template here (no rolling update of DaemonSets yet).
  const status = {
    currentNumberScheduled: scheduled.length, desiredNumberScheduled: nodes.length, numberAvailable: ready,
    numberMisscheduled: misscheduled, numberReady: ready, observedGeneration: ds.metadata.generation ?? 1, updatedNumberScheduled: scheduled.length,
    ...(nodes.length - ready > 0 ? { numberUnavailable: nodes.length - ready } : {}),
  }
  if (JSON.stringify(status) !== JSON.stringify(ds.status ?? {})) writes.push({ op: 'update', object: { ...ds, status } })
  return { writes, events }
}

/** The DaemonSet controller, keyed by DaemonSet; pods report to their owner, node changes to every DaemonSet. */
export function daemonSetController(): Controller {
  return {
    name: 'daemonset-controller',
    watches: ['DaemonSet', 'Pod', 'Node'],
    keysFor(change, store) {
      const obj = change.object
      if (obj.kind === 'Node') return store.list('DaemonSet').map((d) => objectKey('DaemonSet', d.metadata.namespace, d.metadata.name))
      return workloadKeysFor('DaemonSet', change)
    },
    sync: (key, ctx) => (parseKey(key).kind === 'DaemonSet' ? sync(key, ctx) : { writes: [] }),
  }
}
