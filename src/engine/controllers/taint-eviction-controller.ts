// kube-controller-manager's taint eviction controller (pkg/controller/tainteviction/taint_eviction.go, v1.32; the
// "NoExecuteTaintManager" of older releases): pods on a node with NoExecute taints they do not tolerate are deleted at
// once; pods that tolerate them for `tolerationSeconds` (the DefaultTolerationSeconds admission plugin gives every pod
// 300 s for not-ready and unreachable) are deleted when that time runs out, unless the taint goes first. Deletion is
// graceful: the pod gets a DisruptionTarget condition and a deletionTimestamp, and only its kubelet finishes it, so on
// a dead node it stays Terminating while its ReplicaSet already runs a replacement elsewhere.
import type { Controller, ControllerContext, EventRecord, SyncResult } from './controller.ts'
import type { KubeObject } from '../api/types.ts'
import { parseKey } from '../api/types.ts'
import { indexesOf } from './informer.ts'
import { rfc3339 } from '../sim/clock.ts'
import { epoch, isPodTerminal } from './pod-util.ts'
import type { PodCondition, Taint, Toleration } from 'kubernetes-types/core/v1'

/** v1helper.TolerationsTolerateTaint for one toleration (an empty key with Exists matches every taint). */
function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false
  if ((t.operator ?? 'Equal') === 'Exists') return !t.key || t.key === taint.key
  return t.key === taint.key && (t.value ?? '') === (taint.value ?? '')
}

/**
 * Seconds after the taints' arrival at which the pod must go: 0 when some NoExecute taint is not tolerated,
 * the smallest tolerationSeconds among the tolerations used (getMinTolerationTime), or undefined for never.
 */
export function evictionDelay(pod: KubeObject, taints: Taint[]): number | undefined {
  const tolerations = (pod.spec?.tolerations ?? []) as Toleration[]
  let min: number | undefined
  let forever = true
  for (const taint of taints) {
    const used = tolerations.filter((t) => toleratesTaint(t, taint))
    if (!used.length) return 0
    for (const t of used) {
      if (t.tolerationSeconds === undefined || t.tolerationSeconds === null) continue
      forever = false
      min = Math.min(min ?? Infinity, Math.max(0, Number(t.tolerationSeconds)))
    }
  }
  return forever ? undefined : min
}

/**
 * Whether a pod update can change what syncPod decides (its node, tolerations, deletion or end). Status writes do
 * not: upstream's PodUpdated likewise returns early when the node name and tolerations are unchanged.
 */
function evictionRelevantChange(before: KubeObject, after: KubeObject): boolean {
  return before.spec?.nodeName !== after.spec?.nodeName || before.metadata.deletionTimestamp !== after.metadata.deletionTimestamp ||
    isPodTerminal(before) !== isPodTerminal(after) ||
    (before.spec?.tolerations !== after.spec?.tolerations && JSON.stringify(before.spec?.tolerations) !== JSON.stringify(after.spec?.tolerations))
}

/** The taint eviction controller, keyed by Pod (a node's taint change enqueues the pods bound to it). */
export function taintEvictionController(): Controller {
  // Evictions scheduled and not yet done (the controller's timed work queue), to announce their cancellation.
  const scheduled = new Map<string, number>()
  return {
    name: 'taint-eviction-controller',
    watches: ['Pod', 'Node'],
    keysFor(change, store) {
      const obj = change.object
      if (obj.kind === 'Pod') {
        if (change.type === 'modified' && change.previous && !evictionRelevantChange(change.previous, obj)) return []
        return change.type === 'deleted' || obj.spec?.nodeName ? [change.key] : []
      }
      if (obj.kind !== 'Node' || change.type === 'deleted') return []
      const noExecute = (n: KubeObject | undefined) => JSON.stringify(((n?.spec?.taints ?? []) as Taint[]).filter((t) => t.effect === 'NoExecute'))
      if (change.type === 'modified' && noExecute(change.previous) === noExecute(obj)) return []
      return [...indexesOf(store).podsOnNode(obj.metadata.name).keys()].sort()
    },
    sync(key, ctx) {
      return syncPod(key, ctx, scheduled)
    },
  }
}

function syncPod(key: string, ctx: ControllerContext, scheduled: Map<string, number>): SyncResult {
  const { kind, namespace, name } = parseKey(key)
  if (kind !== 'Pod') return { writes: [] }
  const pod = ctx.store.getByKey(key)
  const nsName = `${namespace ?? 'default'}/${name}`
  const node = pod?.spec?.nodeName ? ctx.store.get('Node', undefined, pod.spec.nodeName) : undefined
  const taints = ((node?.spec?.taints ?? []) as Taint[]).filter((t) => t.effect === 'NoExecute')
  const events: EventRecord[] = []
  const cancel = () => {
    if (!scheduled.delete(key)) return
    if (pod) events.push({ involved: pod, type: 'Normal', reason: 'TaintManagerEviction', message: `Cancelling deletion of Pod ${nsName}`, source: 'taint-eviction-controller' })
  }
  if (!pod || !node || pod.metadata.deletionTimestamp || isPodTerminal(pod) || !taints.length) {
    cancel()
    return { writes: [], events }
  }
  const delay = evictionDelay(pod, taints)
  if (delay === undefined) {
    cancel()
    return { writes: [], events }
  }
  // processPodOnNode starts the clock when it sees the taints; the controller sees them as they are added.
  const since = Math.max(...taints.map((t) => (t.timeAdded ? epoch(t.timeAdded) : ctx.now)))
  const due = since + delay
  if (ctx.now < due) {
    scheduled.set(key, due)
    return { writes: [], events, requeueAfter: due - ctx.now }
  }
  scheduled.delete(key)
  // deletePodHandler: the event, then addConditionAndDeletePod (DisruptionTarget, then a graceful DELETE).
  events.push({ involved: pod, type: 'Normal', reason: 'TaintManagerEviction', message: `Marking for deletion Pod ${nsName}`, source: 'taint-eviction-controller' })
  const grace = Number(pod.spec?.terminationGracePeriodSeconds ?? 30)
  const conditions = [...((pod.status?.conditions ?? []) as PodCondition[]).filter((c) => c.type !== 'DisruptionTarget'),
    { type: 'DisruptionTarget', status: 'True', reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint', lastProbeTime: null, lastTransitionTime: rfc3339(ctx.now) }]
  const evicted: KubeObject = {
    ...pod,
    metadata: { ...pod.metadata, deletionTimestamp: rfc3339(ctx.now + grace), deletionGracePeriodSeconds: grace },
    status: { ...pod.status, conditions },
  }
  // A pod whose node is up is finished by its kubelet at once; one on a dead node waits for it (Terminating).
  return { writes: [{ op: 'update', object: evicted }], events }
}
