// kube-controller-manager's EndpointSliceMirroring controller
// (pkg/controller/endpointslicemirroring/endpointslicemirroring_controller.go and reconciler.go): Endpoints of
// Services without a selector (hand-made, behaviour 15) are mirrored into EndpointSlices so slice readers see them.
import type { Change } from '../api/store.ts'
import type { KubeObject, ObjectKey } from '../api/types.ts'
import { keyOf, objectKey, parseKey } from '../api/types.ts'
import type { Controller, ControllerContext, SyncResult } from './controller.ts'
import { canonicalJson } from './hash.ts'
import { serviceSelector } from './endpoint-util.ts'
import { MANAGED_BY_LABEL, SERVICE_NAME_LABEL, managedSlices } from './endpointslice-controller.ts'
import type { SliceGroup } from './slice-reconciler.ts'
import { reconcileSlices } from './slice-reconciler.ts'
import type { EndpointAddress, EndpointPort, EndpointSubset } from 'kubernetes-types/core/v1'

const MIRRORING_CONTROLLER = 'endpointslicemirroring-controller.k8s.io'
const SKIP_MIRROR = 'endpointslice.kubernetes.io/skip-mirror'

function keysFor(change: Change): ObjectKey[] {
  const obj = change.object
  if (obj.kind === 'Endpoints') {
    // onEndpointsUpdate: nothing to do when neither version is to be mirrored (the endpoints controller's own).
    const skipped = (e: KubeObject | undefined) => e?.metadata.labels?.[SKIP_MIRROR] === 'true'
    return change.type === 'modified' && skipped(change.previous) && skipped(obj) ? [] : [change.key]
  }
  if (obj.kind === 'Service') return [objectKey('Endpoints', obj.metadata.namespace, obj.metadata.name)]
  if (obj.kind === 'EndpointSlice' && change.type !== 'added' && obj.metadata.labels?.[MANAGED_BY_LABEL] === MIRRORING_CONTROLLER) {
    const svc = obj.metadata.labels?.[SERVICE_NAME_LABEL]
    return svc ? [objectKey('Endpoints', obj.metadata.namespace, svc)] : []
  }
  return []
}

function sync(key: ObjectKey, ctx: ControllerContext): SyncResult {
  const { kind, namespace, name } = parseKey(key)
  if (kind !== 'Endpoints') return { writes: [] }
  const existing = managedSlices(ctx.store, namespace, name, MIRRORING_CONTROLLER)
  const endpoints = ctx.store.getByKey(key)
  const svc = ctx.store.get('Service', namespace, name)
  const mirror = endpoints && svc && !serviceSelector(svc) && endpoints.metadata.labels?.[SKIP_MIRROR] !== 'true'
  if (!mirror) return { writes: existing.map((s) => ({ op: 'delete' as const, key: keyOf(s) })) }
  const groups = new Map<string, SliceGroup>()
  for (const subset of ((endpoints.subsets ?? []) as EndpointSubset[])) {
    const ports = ((subset.ports ?? []) as EndpointPort[]).map((p) => ({ name: p.name ?? '', port: p.port, protocol: p.protocol ?? 'TCP', ...(p.appProtocol ? { appProtocol: p.appProtocol } : {}) }))
    const pk = canonicalJson(ports)
    let g = groups.get(pk)
    if (!g) groups.set(pk, (g = { ports, endpoints: [] }))
    for (const [list, ready] of [[subset.addresses ?? [], true], [subset.notReadyAddresses ?? [], false]] as const) {
      for (const a of list as EndpointAddress[]) {
        g.endpoints.push({
          addresses: [a.ip], conditions: { ready },
          ...(a.hostname ? { hostname: a.hostname } : {}), ...(a.nodeName ? { nodeName: a.nodeName } : {}),
          ...(a.targetRef ? { targetRef: a.targetRef } : {}),
        })
      }
    }
  }
  const labels: Record<string, string> = { ...((endpoints.metadata.labels ?? {}) as Record<string, string>) }
  labels[MANAGED_BY_LABEL] = MIRRORING_CONTROLLER
  labels[SERVICE_NAME_LABEL] = name
  const annotations: Record<string, string> = { ...((endpoints.metadata.annotations ?? {}) as Record<string, string>) }
  delete annotations['kubectl.kubernetes.io/last-applied-configuration']
  delete annotations['endpoints.kubernetes.io/last-change-trigger-time']
  const writes = reconcileSlices(ctx.store, ctx.rng, {
    namespace: namespace ?? 'default', serviceName: name, labels, annotations,
    owner: { apiVersion: 'v1', kind: 'Endpoints', name, uid: endpoints.metadata.uid!, controller: true, blockOwnerDeletion: true },
    placeholder: false,
  }, existing, [...groups.values()])
  return { writes }
}

/**
 * The EndpointSlice mirroring controller: Endpoints whose Service has no selector (and that are not labelled
 * `endpointslice.kubernetes.io/skip-mirror: "true"`) get EndpointSlices `<svc>-<5 chars>` managed by
 * `endpointslicemirroring-controller.k8s.io`, owned by the Endpoints; ready = listed in `addresses`.
 */
export function endpointSliceMirroringController(): Controller {
  return { name: 'endpointslicemirroring-controller', watches: ['Endpoints', 'Service', 'EndpointSlice'], keysFor, sync }
}

