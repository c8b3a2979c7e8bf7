// kube-controller-manager's Endpoints controller (pkg/controller/endpoint/endpoints_controller.go syncService) and
// pkg/api/v1/endpoints/util.go (RepackSubsets, SortSubsets).
import type { Change, ReadonlyStore } from '../api/store.ts'
import type { KubeObject, ObjectKey } from '../api/types.ts'
import { objectKey, parseKey } from '../api/types.ts'
import type { Controller, ControllerContext, SyncResult, Write } from './controller.ts'
import { isPodReady } from './pod-util.ts'
import { canonicalEqual, canonicalJson } from './hash.ts'
import { HEADLESS_LABEL, LastSyncs, PodMemo, TRIGGER_TIME_ANNOTATION, TriggerTimeTracker, findPort, headlessLabel, selectedPods, serviceSelector,
  servicesForPodChange, shouldPodBeInEndpoints, shouldSetHostname } from './endpoint-util.ts'
import type { ServicePort } from 'kubernetes-types/core/v1'

interface Address { ip: string; hostname?: string; nodeName?: string; targetRef?: { kind: string; name: string; namespace: string; uid: string } }
interface Port { name?: string; port: number; protocol: string; appProtocol?: string }
interface Subset { addresses?: Address[]; notReadyAddresses?: Address[]; ports?: Port[] }

const addrKey = (a: Address) => `${a.ip}|${a.targetRef?.uid ?? ''}`
const portKey = (p: Port) => `${p.name ?? ''}|${p.port}|${p.protocol}|${p.appProtocol ?? ''}`
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
const ipNums = new Map<string, number>() // sorts compare the same few hundred addresses over and over
const ipNum = (ip: string) => {
  let n = ipNums.get(ip)
  if (n === undefined) {
    n = ip.split('.').reduce((acc, o) => acc * 256 + Number(o), 0)
    if (ipNums.size > 50_000) ipNums.clear()
    ipNums.set(ip, n)
  }
  return n
}
function compareAddr(a: Address, b: Address): number {
  return ipNum(a.ip) - ipNum(b.ip) || cmp(a.ip, b.ip) || cmp(a.targetRef?.uid ?? '', b.targetRef?.uid ?? '')
}
/** Sorts in place by compareAddr, each address's number looked up once instead of at every comparison. */
function sortAddrs(list: Address[]): void {
  const keyed = list.map((a) => ({ a, n: ipNum(a.ip) }))
  keyed.sort((x, y) => x.n - y.n || cmp(x.a.ip, y.a.ip) || cmp(x.a.targetRef?.uid ?? '', y.a.targetRef?.uid ?? ''))
  for (let i = 0; i < list.length; i++) list[i] = keyed[i].a
}

/**
 * RepackSubsets: groups addresses that offer exactly the same ports into one subset (not ready wins over ready for
 * an address), then sorts addresses by IP/uid. Upstream orders ports and subsets by an md5 of their Go dump;
 * kubehop orders ports by name/number and subsets by their first address, which is stable but not identical.
 */
function repackSubsets(subsets: Subset[]): Subset[] {
  const addrs = new Map<string, Address>()
  const byPort = new Map<string, { port: Port | null; ready: Map<string, boolean> }>()
  for (const s of subsets) {
    const ports: (Port | null)[] = s.ports?.length ? s.ports : [null]
    for (const port of ports) {
      const pk = port ? portKey(port) : '<none>'
      let entry = byPort.get(pk)
      if (!entry) byPort.set(pk, (entry = { port, ready: new Map() }))
      for (const [list, ready] of [[s.addresses ?? [], true], [s.notReadyAddresses ?? [], false]] as const) {
        for (const a of list) {
          const k = addrKey(a)
          if (!addrs.has(k)) addrs.set(k, a)
          const was = entry.ready.get(k)
          if (was === undefined || was) entry.ready.set(k, ready)
        }
      }
    }
  }
  const groups = new Map<string, { ready: Map<string, boolean>; ports: Port[] }>()
  for (const { port, ready } of byPort.values()) {
    // One port mapping (the usual Service) is one group: its key, every address as text, is not needed.
    const gk = byPort.size === 1 ? '' : [...ready].map(([k, r]) => `${k}=${r}`).sort().join(',')
    let g = groups.get(gk)
    if (!g) groups.set(gk, (g = { ready, ports: [] }))
    if (port) g.ports.push(port)
  }
  const out: Subset[] = []
  for (const g of groups.values()) {
    const ready: Address[] = [], notReady: Address[] = []
    for (const [k, r] of g.ready) (r ? ready : notReady).push(addrs.get(k)!)
    sortAddrs(ready)
    sortAddrs(notReady)
    const s: Subset = {}
    if (ready.length) s.addresses = ready
    if (notReady.length) s.notReadyAddresses = notReady
    if (g.ports.length) s.ports = g.ports.sort((a, b) => cmp(a.name ?? '', b.name ?? '') || a.port - b.port || cmp(a.protocol, b.protocol))
    out.push(s)
  }
  const first = (s: Subset) => (s.addresses ?? s.notReadyAddresses ?? [])[0]
  return out.sort((a, b) => compareAddr(first(a) ?? { ip: '0.0.0.0' }, first(b) ?? { ip: '0.0.0.0' }) || cmp(canonicalJson(a.ports), canonicalJson(b.ports)))
}

function addressOf(pod: KubeObject, svc: KubeObject): Address {
  return {
    ...(shouldSetHostname(pod, svc) ? { hostname: pod.spec.hostname } : {}),
    ip: pod.status.podIP,
    ...(pod.spec?.nodeName ? { nodeName: pod.spec.nodeName } : {}),
    targetRef: { kind: 'Pod', name: pod.metadata.name, namespace: pod.metadata.namespace ?? 'default', uid: pod.metadata.uid ?? '' },
  }
}

/** A pod's address with what sorting and grouping it needs, built once per pod object (PodMemo). */
interface PodAddress { address: Address; ipNum: number; ready: boolean }

function podAddress(memo: PodMemo<PodAddress>, pod: KubeObject, svc: KubeObject): PodAddress {
  return memo.get(pod, shouldSetHostname(pod, svc) ? 'hostname' : '', () => {
    const address = addressOf(pod, svc)
    return { address, ipNum: ipNum(address.ip), ready: isPodReady(pod) }
  })
}

const byAddress = (x: PodAddress, y: PodAddress) =>
  x.ipNum - y.ipNum || cmp(x.address.ip, y.address.ip) || cmp(x.address.targetRef?.uid ?? '', y.address.targetRef?.uid ?? '')

/** The last oneMapping per Service object: each pod's entry (null: not in the Endpoints) and both sorted lists. */
interface Mapping { pods: readonly KubeObject[]; entries: (PodAddress | null)[]; ready: PodAddress[]; notReady: PodAddress[] }
const mappings = new WeakMap<KubeObject, Mapping>()

/** Inserts by byAddress (a total order: no two pods share IP and uid) where a sort would have put it. */
function insertSorted(list: PodAddress[], a: PodAddress): void {
  let lo = 0, hi = list.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (byAddress(list[mid], a) < 0) lo = mid + 1
    else hi = mid
  }
  list.splice(lo, 0, a)
}

/**
 * The sorted lists after a sync where the same pods (by name, in the same order) come back with a few of them
 * written: only those leave their place and are inserted at their new one, instead of every pod sorted again.
 */
function updatedMapping(memo: PodMemo<PodAddress>, svc: KubeObject, prev: Mapping, pods: readonly KubeObject[], publishNotReady: boolean): Mapping | undefined {
  if (prev.pods.length !== pods.length) return undefined
  let changed = 0
  for (let i = 0; i < pods.length; i++) {
    if (pods[i] === prev.pods[i]) continue
    if (pods[i].metadata.name !== prev.pods[i].metadata.name || ++changed > 8) return undefined
  }
  const entries = prev.entries.slice(), ready = prev.ready.slice(), notReady = prev.notReady.slice()
  for (let i = 0; i < pods.length && changed; i++) {
    const pod = pods[i]
    if (pod === prev.pods[i]) continue
    changed--
    const old = entries[i]
    if (old) {
      const list = publishNotReady || old.ready ? ready : notReady
      list.splice(list.indexOf(old), 1)
    }
    const a = shouldPodBeInEndpoints(pod, publishNotReady) ? podAddress(memo, pod, svc) : null
    entries[i] = a
    if (a) insertSorted(publishNotReady || a.ready ? ready : notReady, a)
  }
  return { pods, entries, ready, notReady }
}

function fullMapping(memo: PodMemo<PodAddress>, svc: KubeObject, pods: readonly KubeObject[], publishNotReady: boolean): Mapping {
  const entries: (PodAddress | null)[] = [], ready: PodAddress[] = [], notReady: PodAddress[] = []
  for (const pod of pods) {
    const a = shouldPodBeInEndpoints(pod, publishNotReady) ? podAddress(memo, pod, svc) : null
    entries.push(a)
    if (a) (publishNotReady || a.ready ? ready : notReady).push(a)
  }
  ready.sort(byAddress)
  notReady.sort(byAddress)
  return { pods, entries, ready, notReady }
}

/**
 * desiredSubsets for one Service port with a numeric target (most Services): every address offers the same port,
 * so RepackSubsets makes one subset, ready and not-ready addresses each sorted. The same result without the
 * per-address subsets and maps, with each pod's address object reused while the pod is unchanged, and the
 * sorted lists kept from the Service's last sync (a pod write moves one address).
 */
function oneMapping(memo: PodMemo<PodAddress>, svc: KubeObject, pods: readonly KubeObject[], sp: ServicePort, publishNotReady: boolean): Subset[] {
  const prev = mappings.get(svc)
  const m = (prev && updatedMapping(memo, svc, prev, pods, publishNotReady)) ?? fullMapping(memo, svc, pods, publishNotReady)
  if (Object.isFrozen(svc)) mappings.set(svc, m)
  const { ready, notReady } = m
  if (!ready.length && !notReady.length) return []
  const s: Subset = {}
  if (ready.length) s.addresses = ready.map((a) => a.address)
  if (notReady.length) s.notReadyAddresses = notReady.map((a) => a.address)
  s.ports = [{ ...(sp.name ? { name: sp.name } : {}), port: (sp.targetPort ?? sp.port) as number, protocol: sp.protocol ?? 'TCP', ...(sp.appProtocol ? { appProtocol: sp.appProtocol } : {}) }]
  return [s]
}

/** The Endpoints subsets a Service's selector yields (syncService's loop over pods and ports, then RepackSubsets). */
function desiredSubsets(memo: PodMemo<PodAddress>, svc: KubeObject, pods: readonly KubeObject[]): Subset[] {
  const publishNotReady = !!svc.spec?.publishNotReadyAddresses
  const ports: ServicePort[] = svc.spec?.ports ?? []
  const single = ports.length === 1 && typeof (ports[0].targetPort ?? ports[0].port) === 'number' ? ports[0] : undefined
  if (single) return oneMapping(memo, svc, pods, single, publishNotReady)
  const raw: Subset[] = []
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, publishNotReady)) continue
    const { address: addr, ready: podReady } = podAddress(memo, pod, svc)
    const ready = publishNotReady || podReady
    const add = (port: Port | null) => raw.push({ ...(ready ? { addresses: [addr] } : { notReadyAddresses: [addr] }), ...(port ? { ports: [port] } : {}) })
    if (!ports.length) {
      if (svc.spec?.clusterIP === 'None') add(null)
      continue
    }
    for (const sp of ports) {
      const num = findPort(pod, sp)
      if (num === undefined) continue
      add({ ...(sp.name ? { name: sp.name } : {}), port: num, protocol: sp.protocol ?? 'TCP', ...(sp.appProtocol ? { appProtocol: sp.appProtocol } : {}) })
    }
  }
  return repackSubsets(raw)
}

function keysFor(change: Change, store: ReadonlyStore): readonly ObjectKey[] {
  const obj = change.object
  if (obj.kind === 'Service') return [change.key]
  if (obj.kind === 'Pod') return servicesForPodChange(change, store)
  if (obj.kind === 'Endpoints' && change.type !== 'added') return [objectKey('Service', obj.metadata.namespace, obj.metadata.name)]
  return []
}

function makeSync(tracker: TriggerTimeTracker, memo: PodMemo<PodAddress>, last: LastSyncs) {
  return (key: ObjectKey, ctx: ControllerContext): SyncResult => {
    const { kind, namespace, name } = parseKey(key)
    if (kind !== 'Service') return { writes: [] }
    const svc = ctx.store.getByKey(key)
    const current = ctx.store.get('Endpoints', namespace, name)
    if (!svc) {
      tracker.forget(namespace, name)
      last.forget(key)
      return { writes: current ? [{ op: 'delete', key: objectKey('Endpoints', namespace, name) }] : [] }
    }
    if (svc.spec?.type === 'ExternalName') return { writes: [] }
    const selector = serviceSelector(svc)
    if (!selector) return { writes: [] }
    const pods = selectedPods(ctx.store, svc, selector)
    const read = current ? [current] : []
    if (last.unchanged(key, svc, pods, undefined, read)) return { writes: [] }
    const trigger = tracker.compute(svc, pods)
    const subsets = desiredSubsets(memo, svc, pods)
    const svcLabels: Record<string, string> = svc.metadata.labels ?? {}
    if (current) {
      const compareLabels = { ...(current.metadata.labels ?? {}) }
      delete compareLabels[HEADLESS_LABEL]
      if (canonicalEqual(current.subsets ?? [], subsets) && canonicalEqual(compareLabels, svcLabels)) {
        last.remember(key, svc, pods, undefined, read, [])
        return { writes: [] }
      }
    }
    const annotations: Record<string, string> = { ...(current?.metadata.annotations ?? {}) }
    if (trigger) annotations[TRIGGER_TIME_ANNOTATION] = trigger
    else delete annotations[TRIGGER_TIME_ANNOTATION]
    const labels = headlessLabel(svc, svcLabels)
    // Go omits an empty labels map (omitempty), so none is written.
    const metadata: KubeObject['metadata'] = { ...(current?.metadata ?? { name, namespace }), labels }
    if (!Object.keys(labels).length) delete metadata.labels
    if (Object.keys(annotations).length) metadata.annotations = annotations
    else delete metadata.annotations
    const endpoints: KubeObject = { apiVersion: 'v1', kind: 'Endpoints', metadata, ...(subsets.length ? { subsets } : {}) }
    const writes: Write[] = [{ op: current ? 'update' : 'create', object: endpoints }]
    last.remember(key, svc, pods, undefined, read, writes)
    return { writes }
  }
}

/**
 * The Endpoints controller: for every Service with a selector, an Endpoints object of the same name listing ready
 * pod addresses (`addresses`) and the others (`notReadyAddresses`, unless publishNotReadyAddresses), with named
 * targetPorts resolved per pod. Services without a selector are left alone, so hand-made Endpoints stay.
 */
export function endpointsController(memo = new PodMemo<PodAddress>(), last = new LastSyncs()): Controller {
  // Upstream watches Endpoints for deletions only (endpoints_controller.go onEndpointsDelete), so its own writes never
  // wake it; kubehop also re-syncs a Service whose Endpoints someone else edited (a hand edit does not stand).
  return { name: 'endpoint-controller', watches: ['Service', 'Pod', 'Endpoints'], ignoresOwnWrites: ['Endpoints'], keysFor, sync: makeSync(new TriggerTimeTracker(), memo, last) }
}
