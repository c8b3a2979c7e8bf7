// kube-controller-manager's StatefulSet controller (pkg/controller/statefulset/stateful_set_control.go and
// stateful_set_utils.go): pods named <set>-<ordinal>, each with hostname = its name and subdomain = spec.serviceName
// (a stable DNS name through a headless Service); OrderedReady creates ordinal n+1 only once n is Running and Ready,
// and scales down from the highest ordinal, one pod at a time; a template change replaces pods from the top down.
import type { Controller, ControllerContext, SyncResult, Write } from './controller.ts'
import type { KubeObject, ObjectKey } from '../api/types.ts'
import { objectKey, parseKey } from '../api/types.ts'
import { indexesOf } from './informer.ts'
import { isPodReady, isPodTerminal } from './pod-util.ts'
import { canonicalJson, fnv32a, safeEncodeString } from './hash.ts'
import { qosClass } from '../node/pod-status.ts'
import { jsonClone } from '../api/plain-json.ts'
import { workloadKeysFor } from './workload-keys.ts'

const REVISION_LABEL = 'controller-revision-hash'
const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name'
const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index'

/** The update revision's name, as a ControllerRevision would be named: <set>-<hash of the template>. */
function revisionName(set: KubeObject): string {
  return `${set.metadata.name}-${safeEncodeString(String(fnv32a(canonicalJson(set.spec?.template ?? {}))))}`
}

/** getParentNameAndOrdinal: `web-3` of set `web` is ordinal 3; anything else is not one of its pods. */
function ordinalOf(set: KubeObject, pod: KubeObject): number {
  const m = /^(.*)-([0-9]+)$/.exec(pod.metadata.name)
  return m && m[1] === set.metadata.name ? Number(m[2]) : -1
}

/** newVersionedStatefulSetPod: the template, the identity labels, hostname and subdomain. */
function statefulPod(set: KubeObject, ordinal: number, revision: string): KubeObject {
  const template = set.spec?.template ?? {}
  const name = `${set.metadata.name}-${ordinal}`
  const spec = jsonClone(template.spec ?? {})
  spec.hostname = name
  if (set.spec?.serviceName) spec.subdomain = set.spec.serviceName
  const pod: KubeObject = {
    apiVersion: 'v1', kind: 'Pod',
    metadata: {
      name, namespace: set.metadata.namespace,
      labels: { ...(template.metadata?.labels ?? {}), [POD_INDEX_LABEL]: String(ordinal), [REVISION_LABEL]: revision, [POD_NAME_LABEL]: name },
      ...(template.metadata?.annotations ? { annotations: { ...template.metadata.annotations } } : {}),
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: set.metadata.name, uid: set.metadata.uid!, controller: true, blockOwnerDeletion: true }],
    },
    spec,
  }
  pod.status = { phase: 'Pending', qosClass: qosClass(pod) }
  return pod
}

const runningAndReady = (p: KubeObject) => p.status?.phase === 'Running' && isPodReady(p)

function sync(key: ObjectKey, ctx: ControllerContext): SyncResult {
  const set = ctx.store.getByKey(key)
  if (!set || set.kind !== 'StatefulSet' || set.metadata.deletionTimestamp) return { writes: [] }
  const namespace = set.metadata.namespace
  const name = set.metadata.name
  const replicas: number = set.spec?.replicas ?? 1
  const ordered = (set.spec?.podManagementPolicy ?? 'OrderedReady') === 'OrderedReady'
  const revision = revisionName(set)
  const owned = [...indexesOf(ctx.store).ownedBy('Pod', set.metadata.uid!).values()]
  const byOrdinal = new Map<number, KubeObject>()
  for (const p of owned) { const i = ordinalOf(set, p); if (i >= 0) byOrdinal.set(i, p) }
  const writes: Write[] = []
  const events: SyncResult['events'] = []
  const record = (verb: 'create' | 'delete', pod: string) => events.push({
    involved: set, type: 'Normal', reason: verb === 'create' ? 'SuccessfulCreate' : 'SuccessfulDelete',
    message: `${verb} Pod ${pod} in StatefulSet ${name} successful`, source: 'statefulset-controller' })
  const remove = (p: KubeObject) => { writes.push({ op: 'delete', key: objectKey('Pod', namespace, p.metadata.name) }); record('delete', p.metadata.name) }

  // Status first counts what exists now (updateStatefulSetStatus runs after the pass on the same snapshot).
  const pods = [...byOrdinal.values()]
  const ready = pods.filter((p) => isPodReady(p) && !p.metadata.deletionTimestamp).length
  const updated = pods.filter((p) => p.metadata.labels?.[REVISION_LABEL] === revision).length
  const status = {
    availableReplicas: ready, collisionCount: 0, currentReplicas: updated, currentRevision: revision,
    observedGeneration: set.metadata.generation ?? 1, readyReplicas: ready, replicas: pods.length,
    updateRevision: revision, updatedReplicas: updated,
  }

  // The replica pass, lowest ordinal first: recreate failed pods, create missing ones, and in OrderedReady stop at
  // the first pod that is not yet Running and Ready (or is terminating).
  let blocked = false
  for (let i = 0; i < replicas && !blocked; i++) {
    const p = byOrdinal.get(i)
    if (!p) {
      writes.push({ op: 'create', object: statefulPod(set, i, revision) })
      record('create', `${name}-${i}`)
      blocked = ordered
    } else if (isPodTerminal(p) && !p.metadata.deletionTimestamp) {
      remove(p) // isFailed/isSucceeded: deleted, recreated under the same name on a later pass
      blocked = ordered
    } else if (ordered && (p.metadata.deletionTimestamp || !runningAndReady(p))) {
      blocked = true
    }
  }
  // Condemned pods (ordinal >= replicas), highest first, one at a time in OrderedReady, never past a terminating one.
  const condemned = [...byOrdinal.entries()].filter(([i]) => i >= replicas).sort((a, b) => b[0] - a[0]).map(([, p]) => p)
  if (!blocked) {
    for (const p of condemned) {
      if (p.metadata.deletionTimestamp) { if (ordered) { blocked = true; break } continue }
      remove(p)
      if (ordered) { blocked = true; break }
    }
  }
  // RollingUpdate: with every replica Running and Ready, delete the highest-ordinal pod of an old revision (it is
  // recreated from the new template on the next pass).
  if (!blocked && (set.spec?.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate') {
    const partition: number = set.spec?.updateStrategy?.rollingUpdate?.partition ?? 0
    const live = [...byOrdinal.entries()].filter(([i]) => i < replicas)
    if (live.length === replicas && live.every(([, p]) => runningAndReady(p) && !p.metadata.deletionTimestamp)) {
      const stale = live.filter(([i, p]) => i >= partition && p.metadata.labels?.[REVISION_LABEL] !== revision).sort((a, b) => b[0] - a[0])
      if (stale.length) remove(stale[0][1])
    }
  }
  if (JSON.stringify(status) !== JSON.stringify(set.status ?? {})) writes.push({ op: 'update', object: { ...set, status } })
  return { writes, events }
}

/** The StatefulSet controller, keyed by StatefulSet; its pods report to their owner. */
export function statefulSetController(): Controller {
  return {
    name: 'statefulset-controller',
    watches: ['StatefulSet', 'Pod'],
    keysFor: (change) => workloadKeysFor('StatefulSet', change),
    sync: (key, ctx) => (parseKey(key).kind === 'StatefulSet' ? sync(key, ctx) : { writes: [] }),
  }
}
