// kube-controller-manager's node lifecycle controller (pkg/controller/nodelifecycle/node_lifecycle_controller.go,
// v1.32): it watches each node's heartbeats (the kubelet renews its Lease in kube-node-lease every 10 s) and, once a
// node has been silent for longer than --node-monitor-grace-period (50 s since v1.32, kubernetes#126287; checked every
// --node-monitor-period, 5 s), sets its conditions to Unknown, records `NodeNotReady`, marks its pods not ready
// (pkg/controller/util/node MarkPodsNotReady) and taints it `node.kubernetes.io/unreachable` (NoSchedule, and NoExecute
// for the taint eviction controller). When the kubelet posts Ready again, the taints come off.
import type { Controller, ControllerContext, EventRecord, SyncResult, Write } from './controller.ts'
import type { KubeObject } from '../api/types.ts'
import { keyOf, parseKey } from '../api/types.ts'
import { indexesOf } from './informer.ts'
import { rfc3339 } from '../sim/clock.ts'
import { canonicalEqual } from './hash.ts'
import type { NodeCondition, PodCondition, Taint } from 'kubernetes-types/core/v1'

/** --node-monitor-grace-period's default in v1.32 (it was 40 s before). */
const NODE_MONITOR_GRACE_PERIOD = 50
/** --node-monitor-period: how often monitorNodeHealth runs. */
const NODE_MONITOR_PERIOD = 5
/** The kubelet renews its node Lease every leaseDurationSeconds (40) × 0.25. */
const LEASE_RENEW_INTERVAL = 10

const UNREACHABLE_TAINT = 'node.kubernetes.io/unreachable'
const NOT_READY_TAINT = 'node.kubernetes.io/not-ready'
const CONTROLLER_TAINTS = new Set([UNREACHABLE_TAINT, NOT_READY_TAINT])

const PROBED_CONDITIONS = ['MemoryPressure', 'DiskPressure', 'PIDPressure', 'Ready']

/**
 * When the controller notices a node that went silent at `downSince`: the last lease renewal before it, plus the grace
 * period, rounded up to the next monitor tick (monitorNodeHealth wants the probe timestamp strictly older than that).
 */
export function notReadyAt(downSince: number): number {
  const lastRenewal = Math.floor(downSince / LEASE_RENEW_INTERVAL) * LEASE_RENEW_INTERVAL
  return (Math.floor((lastRenewal + NODE_MONITOR_GRACE_PERIOD) / NODE_MONITOR_PERIOD) + 1) * NODE_MONITOR_PERIOD
}

function condition(node: KubeObject, type: string): NodeCondition | undefined {
  return (node.status?.conditions as NodeCondition[] | undefined)?.find((c) => c.type === type)
}

/** The node lifecycle controller, keyed by Node. */
export function nodeLifecycleController(): Controller {
  return {
    name: 'node-controller',
    watches: ['Node'],
    keysFor(change) {
      if (change.object.kind !== 'Node' || change.type === 'deleted') return []
      return [change.key]
    },
    sync: syncNode,
  }
}

function syncNode(key: string, ctx: ControllerContext): SyncResult {
  if (parseKey(key).kind !== 'Node') return { writes: [] }
  const node = ctx.store.getByKey(key)
  if (!node) return { writes: [] }
  const name = node.metadata.name
  const state = ctx.runtime.nodes.get(name)
  const writes: Write[] = []
  const events: EventRecord[] = []
  let requeueAfter: number | undefined
  let status = node.status ?? {}

  // tryUpdateNodeHealth: a node whose heartbeats stopped more than the grace period ago gets Unknown conditions.
  if (state && state.status !== 'running' && state.downSince !== undefined) {
    const at = notReadyAt(state.downSince)
    if (ctx.now < at) requeueAfter = at - ctx.now
    else {
      const lastRenewal = rfc3339(Math.floor(state.downSince / LEASE_RENEW_INTERVAL) * LEASE_RENEW_INTERVAL)
      const conditions = ((status.conditions ?? []) as NodeCondition[]).map((c) => {
        if (!PROBED_CONDITIONS.includes(c.type) || c.status === 'Unknown') return c
        return { ...c, status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.', lastHeartbeatTime: c.lastHeartbeatTime ?? lastRenewal, lastTransitionTime: rfc3339(ctx.now) }
      })
      if (condition(node, 'Ready')?.status === 'True') {
        // RecordNodeStatusChange, then MarkPodsNotReady.
        events.push({ involved: node, type: 'Normal', reason: 'NodeNotReady', message: `Node ${name} status is now: NodeNotReady`, source: 'node-controller' })
        const pods = [...indexesOf(ctx.store).podsOnNode(name).values()].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : 1))
        for (const pod of pods) {
          const ready = (pod.status?.conditions as PodCondition[] | undefined)?.find((c) => c.type === 'Ready')
          if (!ready || ready.status === 'False') continue
          const podConditions = (pod.status.conditions as PodCondition[]).map((c) => (c.type === 'Ready' ? { ...c, status: 'False', lastTransitionTime: rfc3339(ctx.now) } : c))
          writes.push({ op: 'update', object: { ...pod, status: { ...pod.status, conditions: podConditions } } })
          events.push({ involved: pod, type: 'Warning', reason: 'NodeNotReady', message: 'Node is not ready', source: 'node-controller' })
        }
      }
      status = { ...status, conditions }
    }
  }

  // doNoScheduleTaintingPass and doNoExecuteTaintingPass: the Ready condition decides the controller's taints.
  const ready = ((status.conditions ?? []) as NodeCondition[]).find((c) => c.type === 'Ready')
  const wantKey = ready?.status === 'Unknown' ? UNREACHABLE_TAINT : ready?.status === 'False' ? NOT_READY_TAINT : undefined
  const taints = (node.spec?.taints ?? []) as Taint[]
  const kept = taints.filter((t) => !CONTROLLER_TAINTS.has(t.key) || t.key === wantKey)
  const added: Taint[] = []
  if (wantKey) {
    if (!kept.some((t) => t.key === wantKey && t.effect === 'NoExecute')) added.push({ key: wantKey, effect: 'NoExecute', timeAdded: rfc3339(ctx.now) })
    if (!kept.some((t) => t.key === wantKey && t.effect === 'NoSchedule')) added.push({ key: wantKey, effect: 'NoSchedule' })
  }
  const nextTaints = [...kept, ...added]
  const spec = { ...node.spec }
  if (nextTaints.length) spec.taints = nextTaints
  else delete spec.taints
  if (!canonicalEqual(spec, node.spec ?? {}) || !canonicalEqual(status, node.status ?? {})) {
    writes.unshift({ op: 'update', object: { ...node, spec, status } })
  }
  return { writes, events, ...(requeueAfter !== undefined ? { requeueAfter } : {}) }
}
