// kube-controller-manager's EndpointSlice controller (pkg/controller/endpointslice/endpointslice_controller.go
// syncService, staging/src/k8s.io/endpointslice/utils.go podToEndpoint and setEndpointSliceLabels).
import type { Change, ReadonlyStore } from '../api/store.ts'
import { compareObjects } from '../api/store.ts'
import { indexesOf } from './informer.ts'
import type { KubeObject, ObjectKey } from '../api/types.ts'
import { keyOf, objectKey, parseKey } from '../api/types.ts'
import type { Controller, ControllerContext, SyncResult } from './controller.ts'
import { isPodReady } from './pod-util.ts'
import { canonicalEqual, canonicalJson } from './hash.ts'
import { LastSyncs, PodMemo, TRIGGER_TIME_ANNOTATION, TriggerTimeTracker, findPort, headlessLabel, selectedPods, serviceSelector, servicesForPodChange,
  shouldPodBeInEndpoints, shouldSetHostname } from './endpoint-util.ts'
import type { SliceEndpoint, SliceGroup } from './slice-reconciler.ts'
import { reconcileSlices } from './slice-reconciler.ts'
import type { ServicePort } from 'kubernetes-types/core/v1'
import type { EndpointPort as SlicePort } from 'kubernetes-types/discovery/v1'

export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name'
export const MANAGED_BY_LABEL = 'endpointslice.kubernetes.io/managed-by'
const SLICE_CONTROLLER = 'endpointslice-controller.k8s.io'

/** Slices of a Service managed by `controller` (by the service-name and managed-by labels). */
export function managedSlices(store: ReadonlyStore, namespace: string | undefined, service: string, controller: string): KubeObject[] {
  return [...indexesOf(store).withLabel('EndpointSlice', namespace, SERVICE_NAME_LABEL, service).values()]
    .filter((s) => s.metadata.labels?.[MANAGED_BY_LABEL] === controller).sort(compareObjects)
}

/** podToEndpoint: addresses, conditions ready/serving/terminating, nodeName, zone, targetRef, hostname. */
function podToEndpoint(pod: KubeObject, svc: KubeObject, node: KubeObject | undefined): SliceEndpoint {
  const serving = isPodReady(pod)
  const terminating = !!pod.metadata.deletionTimestamp
  const ready = !!svc.spec?.publishNotReadyAddresses || (serving && !terminating)
  const zone = node?.metadata.labels?.['topology.kubernetes.io/zone']
  return {
    addresses: [pod.status.podIP],
    conditions: { ready, serving, terminating },
    ...(shouldSetHostname(pod, svc) ? { hostname: pod.spec.hostname } : {}),
    ...(pod.spec?.nodeName ? { nodeName: pod.spec.nodeName } : {}),
    targetRef: { kind: 'Pod', name: pod.metadata.name, namespace: pod.metadata.namespace ?? 'default', uid: pod.metadata.uid ?? '' },
    ...(zone ? { zone } : {}),
  }
}

function keysFor(change: Change, store: ReadonlyStore): readonly ObjectKey[] {
  const obj = change.object
  if (obj.kind === 'Service') return [change.key]
  if (obj.kind === 'Pod') return servicesForPodChange(change, store)
  if (obj.kind === 'Node' && change.type !== 'added') {
    const zone = (o?: KubeObject) => o?.metadata.labels?.['topology.kubernetes.io/zone']
    return zone(change.previous) !== zone(obj) ? store.list('Service').map(keyOf) : []
  }
  if (obj.kind === 'EndpointSlice' && change.type !== 'added' && obj.metadata.labels?.[MANAGED_BY_LABEL] === SLICE_CONTROLLER) {
    const svc = obj.metadata.labels?.[SERVICE_NAME_LABEL]
    return svc ? [objectKey('Service', obj.metadata.namespace, svc)] : []
  }
  return []
}

function makeSync(tracker: TriggerTimeTracker, memo: PodMemo<SliceEndpoint>, last: LastSyncs) {
  const entriesOf = new Map<ObjectKey, { svc: KubeObject; revision: number; pods: readonly KubeObject[]; entries: (SliceEndpoint | null)[] }>()
  let nodeCache: { revision: number | undefined; nodes: Map<string, KubeObject | undefined> } = { revision: undefined, nodes: new Map() }
  return (key: ObjectKey, ctx: ControllerContext): SyncResult => {
    const { kind, namespace, name } = parseKey(key)
    if (kind !== 'Service') return { writes: [] }
    const svc = ctx.store.getByKey(key)
    const existing = managedSlices(ctx.store, namespace, name, SLICE_CONTROLLER)
    const selector = svc && svc.spec?.type !== 'ExternalName' ? serviceSelector(svc) : null
    if (!svc || !selector) {
      // Slices are owned by the Service (the garbage collector would remove them); a selector removed means none.
      if (!svc) tracker.forget(namespace, name)
      last.forget(key)
      entriesOf.delete(key)
      return { writes: existing.map((s) => ({ op: 'delete' as const, key: keyOf(s) })) }
    }
    const pods = selectedPods(ctx.store, svc, selector)
    // Zones come from the Nodes: their revision is part of what the last sync read.
    const revision = ctx.store.indexes?.revision('Node')
    if (revision !== undefined && last.unchanged(key, svc, pods, revision, existing)) return { writes: [] }
    const trigger = tracker.compute(svc, pods)
    const groups = new Map<string, SliceGroup>()
    const servicePorts = (svc.spec?.ports ?? []) as ServicePort[]
    const portsOf = (pod: KubeObject) => {
      const ports: SlicePort[] = []
      for (const sp of servicePorts) {
        const num = findPort(pod, sp)
        if (num === undefined) continue
        ports.push({ name: sp.name ?? '', port: num, protocol: sp.protocol ?? 'TCP', ...(sp.appProtocol ? { appProtocol: sp.appProtocol } : {}) })
      }
      return ports
    }
    // Numeric target ports are the same for every pod: one mapping, built once (a named one is looked up per pod).
    const shared = servicePorts.every((sp) => typeof (sp.targetPort ?? sp.port) === 'number') ? portsOf(svc) : undefined
    const sharedKey = shared && canonicalJson(shared)
    // Nodes looked up once per revision of the Nodes (every sync read one per pod: 1M look-ups for 5,000 pods).
    if (revision === undefined || nodeCache.revision !== revision) nodeCache = { revision, nodes: new Map() }
    const nodes = nodeCache.nodes
    // An endpoint is built once per pod object; what else it reads is the Service's flag and name (hostname) and
    // the node's zone: the variant its memo entry is kept for, one string per node and sync.
    const flag = svc.spec?.publishNotReadyAddresses ? 'p' : ''
    const variants = new Map<string, string>()
    // A pod object at the same place as in this Service's last sync, with the Service and Nodes as they were then,
    // gives the same endpoint (or none): taken from that sync instead of looked up again.
    let stored: Map<string, SliceEndpoint> | undefined
    const storedEndpoint = (e: SliceEndpoint): SliceEndpoint => {
      const uid = e.targetRef?.uid
      if (!uid) return e
      if (!stored) {
        stored = new Map()
        for (const s of existing) for (const x of (s.endpoints ?? []) as SliceEndpoint[]) if (x.targetRef?.uid) stored.set(x.targetRef.uid, x)
      }
      const old = stored.get(uid)
      return old && canonicalEqual(old, e) ? old : e
    }
    const prior = entriesOf.get(key)
    const same = prior && prior.svc === svc && prior.revision === revision && prior.pods.length === pods.length ? prior : undefined
    const entries: (SliceEndpoint | null)[] = new Array(pods.length)
    for (let i = 0; i < pods.length; i++) {
      const pod = pods[i]
      if (shared && same && same.pods[i] === pod) {
        const e = (entries[i] = same.entries[i])
        if (e) {
          let g = groups.get(sharedKey!)
          if (!g) groups.set(sharedKey!, (g = { ports: shared, endpoints: [] }))
          g.endpoints.push(e)
        }
        continue
      }
      entries[i] = null
      if (!shouldPodBeInEndpoints(pod, true)) continue
      const ports = shared ?? portsOf(pod)
      const pk = sharedKey ?? canonicalJson(ports)
      let g = groups.get(pk)
      if (!g) groups.set(pk, (g = { ports, endpoints: [] }))
      const nodeName: string = pod.spec?.nodeName ?? ''
      if (!nodes.has(nodeName)) nodes.set(nodeName, ctx.store.get('Node', undefined, nodeName))
      const node = nodes.get(nodeName)
      let variant = variants.get(nodeName)
      if (variant === undefined) variants.set(nodeName, (variant = `${flag}|${node?.metadata.labels?.['topology.kubernetes.io/zone'] ?? ''}`))
      if (shouldSetHostname(pod, svc)) variant += '|hostname'
      let e = memo.get(pod, variant, () => podToEndpoint(pod, svc, node))
      // The store freezes what it keeps: an endpoint not frozen was never stored (rebuilt after a pod write that left it
      // as it was, its slice update was a no-op). Take the equal stored one, so later syncs compare slices by identity.
      if (!Object.isFrozen(e)) {
        const old = storedEndpoint(e)
        if (old !== e) memo.replace(pod, variant, (e = old))
      }
      entries[i] = e
      g.endpoints.push(e)
    }
    if (revision !== undefined && Object.isFrozen(svc)) entriesOf.set(key, { svc, revision, pods, entries })
    const labels: Record<string, string> = {}
    for (const [k, v] of Object.entries((svc.metadata.labels ?? {}) as Record<string, string>)) if (k !== SERVICE_NAME_LABEL && k !== MANAGED_BY_LABEL) labels[k] = v
    labels[MANAGED_BY_LABEL] = SLICE_CONTROLLER
    labels[SERVICE_NAME_LABEL] = name
    const current = existing[0]?.metadata.annotations?.[TRIGGER_TIME_ANNOTATION]
    const annotations: Record<string, string> = {}
    if (trigger ?? current) annotations[TRIGGER_TIME_ANNOTATION] = (trigger ?? current)!
    const writes = reconcileSlices(ctx.store, ctx.rng, {
      namespace: namespace ?? 'default', serviceName: name, labels: headlessLabel(svc, labels), annotations,
      owner: { apiVersion: 'v1', kind: 'Service', name, uid: svc.metadata.uid!, controller: true, blockOwnerDeletion: true },
      placeholder: true,
    }, existing, [...groups.values()])
    last.remember(key, svc, pods, revision, existing, writes)
    return { writes }
  }
}

/**
 * The EndpointSlice controller: for every Service with a selector, IPv4 EndpointSlices `<svc>-<5 chars>` labelled
 * `kubernetes.io/service-name` and managed-by `endpointslice-controller.k8s.io`, one endpoint per pod with an IP
 * (conditions ready/serving/terminating, nodeName, zone), ports resolved per pod, owned by the Service.
 */
export function endpointSliceController(memo = new PodMemo<SliceEndpoint>(), last = new LastSyncs()): Controller {
  return { name: 'endpointslice-controller', watches: ['Service', 'Pod', 'Node', 'EndpointSlice'], ignoresOwnWrites: ['EndpointSlice'], keysFor, sync: makeSync(new TriggerTimeTracker(), memo, last) }
}
