// The metadata each kind's registry strategy writes, in one place beneath the store: `generation` on create and
// update (PrepareForCreate / PrepareForUpdate), and what a delete does to an object before it is gone
// (rest.BeforeDelete, the generic store's markAsDeleting, the Pod strategy's CheckGracefulDelete).
// Upstream (v1.32): pkg/registry/{apps/deployment,apps/replicaset,core/replicationcontroller,networking/ingress,
// networking/ingressclass,discovery/endpointslice,core/pod}/strategy.go; staging/src/k8s.io/apiserver/pkg/registry/
// rest/delete.go and registry/generic/registry/store.go. Kinds not listed (Pod, Service, Namespace, Node,
// ConfigMap, Secret, Endpoints, Event) never set a generation.
import type { KubeObject } from './types.ts'
import { jsonEqual } from './plain-json.ts'

/** What changes an object's generation once it exists, per kind that has one (created at 1). */
const BUMPS_GENERATION: Record<string, (old: KubeObject, next: KubeObject, status: boolean) => boolean> = {
  // Annotations too (the Deployment controller copies them to the ReplicaSets), but not through /status, where the
  // controller itself writes its revision annotation.
  Deployment: (old, next, status) => !jsonEqual(old.spec, next.spec) || (!status && !jsonEqual(old.metadata.annotations, next.metadata.annotations)),
  ReplicaSet: (old, next) => !jsonEqual(old.spec, next.spec),
  DaemonSet: (old, next) => !jsonEqual(old.spec, next.spec), // pkg/registry/apps/daemonset/strategy.go
  StatefulSet: (old, next) => !jsonEqual(old.spec, next.spec), // pkg/registry/apps/statefulset/strategy.go
  Job: (old, next) => !jsonEqual(old.spec, next.spec), // pkg/registry/batch/job/strategy.go
  ReplicationController: (old, next) => !jsonEqual(old.spec, next.spec),
  Ingress: (old, next) => !jsonEqual(old.spec, next.spec),
  IngressClass: (old, next) => !jsonEqual(old.spec, next.spec),
  // apiextensions' CRD strategy, and custom resources with a status subresource (the Gateway API's): spec changes.
  CustomResourceDefinition: (old, next) => !jsonEqual(old.spec, next.spec),
  GatewayClass: (old, next) => !jsonEqual(old.spec, next.spec),
  Gateway: (old, next) => !jsonEqual(old.spec, next.spec),
  HTTPRoute: (old, next) => !jsonEqual(old.spec, next.spec),
  // No spec: anything but metadata changes it, and so do its labels (kubernetes.io/service-name, managed-by).
  EndpointSlice: (old, next) => !jsonEqual(withoutMetadata(old), withoutMetadata(next)) || !jsonEqual(old.metadata.labels, next.metadata.labels),
}

function withoutMetadata(obj: KubeObject): Record<string, unknown> {
  const { metadata: _metadata, ...rest } = obj
  return rest
}

/** metadata.generation of a new object: 1 for the kinds whose strategy sets it, else none. */
export function generationOnCreate(kind: string): number | undefined {
  return kind in BUMPS_GENERATION ? 1 : undefined
}

/**
 * metadata.generation after `old` is replaced by `next` (whatever `next` says about it is ignored). `status`: the
 * write of a controller (kubehop's stand-in for both /status and controllers' own updates), where the status
 * strategies' rule holds: spec changes only.
 */
export function generationOnUpdate(old: KubeObject, next: KubeObject, status = false): number | undefined {
  const bumps = BUMPS_GENERATION[old.kind]
  if (!bumps) return undefined
  const current = old.metadata.generation ?? 1
  return bumps(old, next, status) ? current + 1 : current
}

/**
 * The Pod strategy's CheckGracefulDelete: the grace period a delete gets (`requested`, else the pod's
 * terminationGracePeriodSeconds, else 30). A pod no kubelet runs (unscheduled) or that has finished has nothing
 * to stop: 0, deleted at once.
 */
export function podGracePeriod(pod: KubeObject, requested?: number): number {
  if (!pod.spec?.nodeName) return 0
  if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return 0
  const period = requested ?? pod.spec?.terminationGracePeriodSeconds ?? 30
  return Math.max(0, period)
}

/** What a delete does to an object: remove it now, or mark it deleting (it stays until its last actor is done). */
type DeleteOutcome = { remove: true } | { remove: false; object: KubeObject }

/**
 * rest.BeforeDelete plus the generic store's finalizer handling. `grace` is the object's graceful-deletion period
 * (0 for kinds without graceful deletion); `nowSeconds` the clock. An object being deleted again only has its
 * deadline brought forward (a grace period can shrink, never grow); the first mark bumps the generation.
 */
export function beforeDelete(obj: KubeObject, grace: number, nowSeconds: number, rfc3339: (s: number) => string): DeleteOutcome {
  const finalizers = (obj.metadata.finalizers ?? []).length > 0
  const meta = obj.metadata
  if (meta.deletionTimestamp !== undefined) {
    const current = meta.deletionGracePeriodSeconds ?? 0
    if (grace >= current) return { remove: false, object: obj }
    if (grace === 0 && !finalizers) return { remove: true }
    // The deadline moves earlier by the difference (delete.go: timestamp - old period + new period).
    const deadline = Date.parse(meta.deletionTimestamp) / 1000 - current + grace
    return { remove: false, object: { ...obj, metadata: { ...meta, deletionTimestamp: rfc3339(deadline), deletionGracePeriodSeconds: grace } } }
  }
  if (grace === 0 && !finalizers) return { remove: true }
  return {
    remove: false,
    object: {
      ...obj,
      metadata: {
        ...meta,
        deletionTimestamp: rfc3339(nowSeconds + grace),
        deletionGracePeriodSeconds: grace,
        ...(meta.generation !== undefined && meta.generation > 0 ? { generation: meta.generation + 1 } : {}),
      },
    },
  }
}

/**
 * The generic store's deleteForEmptyFinalizers: an update that leaves an object marked deleting (with no grace
 * period left to wait for) without finalizers deletes it.
 */
export function finishesDeletion(obj: KubeObject): boolean {
  const meta = obj.metadata
  return meta.deletionTimestamp !== undefined && (meta.deletionGracePeriodSeconds ?? 0) === 0 && !(meta.finalizers ?? []).length
}
