// Reads the few facts the topology draws out of a snapshot's raw API objects (no React, no layout).
import type { KubeObject } from '../../engine/api/types.ts'
import type { ClusterSnapshot } from '../../engine/snapshot.ts'
import { readIngresses, readLoadBalancers, type IngressInfo, type LoadBalancerInfo } from './entryPoints.ts'
import { sameData } from './sameData.ts'
import { podDisplayStatus } from '../../engine/api/pod-display-status.ts'

/** How a pod box looks: one per family of kubectl STATUS values (the legend explains each). */
export type PodState = 'running' | 'not-ready' | 'pending' | 'creating' | 'terminating' | 'failed' | 'completed'

export interface PodInfo {
  id: string
  name: string
  namespace: string
  nodeName: string | null
  ip: string | null
  phase: string
  ready: boolean
  /** kubectl's STATUS column (Running, ContainerCreating, Terminating, CrashLoopBackOff, Completed, Init:0/1, ...). */
  status: string
  /** kubectl's READY column: `1/1`. */
  readyText: string
  restarts: number
  /** When a Terminating pod's grace period ends (its deletionTimestamp, seconds since the epoch), else null. */
  graceEndsAt: number | null
  state: PodState
  labels: Record<string, string>
  /** The workload that owns the pod (a ReplicaSet's Deployment, a StatefulSet, a DaemonSet, a Job), or kind `Pod` for a bare pod. */
  workload: { kind: string; name: string }
}

export interface NodeInfo {
  id: string
  name: string
  ip: string | null
  podCIDR: string | null
  controlPlane: boolean
  /** `NoSchedule`/`NoExecute` taints: the scheduler keeps ordinary pods off this node. */
  tainted: boolean
  ready: boolean
  /** The node agents drawn as chips instead of pod cards (kube-proxy, the CNI's daemon). */
  agents: string[]
  /** Node ports open on every node (NodePort and LoadBalancer Services), sorted. */
  nodePorts: number[]
}

export interface ServiceInfo {
  id: string
  name: string
  namespace: string
  type: string
  clusterIP: string
  /** kubectl's PORT(S) column: `80:30123/TCP`, `53/UDP,53/TCP`. */
  ports: string
  nodePorts: number[]
  /** LoadBalancer ingress IP, `<pending>` while no provider assigned one, null for other types. */
  externalIP: string | null
  selector: Record<string, string> | null
  readyEndpoints: number
  /** Addresses in the Endpoints' notReadyAddresses (pods that fail their readiness probe: no traffic). */
  notReadyEndpoints: number
  /** Nothing to route to: the symptom of a selector that matches no ready pod (ExternalName never has any). */
  noEndpoints: boolean
  /** Pods whose labels match `spec.selector`, in the Service's namespace. */
  selectedPodIds: string[]
  /** Node ids whose InternalIP is an endpoint address (host-network backends such as the API server). */
  endpointNodeIds: string[]
}

export interface TopologyModel {
  nodes: NodeInfo[]
  pods: PodInfo[]
  services: ServiceInfo[]
  /** One per LoadBalancer Service, in id order. */
  loadBalancers: LoadBalancerInfo[]
  ingresses: IngressInfo[]
}

export const idOf = (o: KubeObject): string => `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`

// The waiting/terminated reasons kubectl prints for a container that is not going to serve: red boxes.
const FAILED = /BackOff|Err|Error|Invalid|OOMKilled|ExitCode|Signal|Failed|Evicted|ContainerCannotRun|DeadlineExceeded/

/** The look of a kubectl STATUS: a presentation of the printer's reading, never a second reading of the pod. */
function podState(status: string, phase: string, ready: boolean, terminating: boolean, scheduled: boolean): PodState {
  if (terminating && (status === 'Terminating' || status === 'Unknown')) return 'terminating'
  if (status === 'Completed' || (phase === 'Succeeded' && !FAILED.test(status))) return 'completed'
  if (status === 'Running') return ready ? 'running' : 'not-ready'
  if (status === 'NotReady') return 'not-ready'
  if (FAILED.test(status) || phase === 'Failed') return 'failed'
  if (status === 'ContainerCreating' || status === 'PodInitializing' || status.startsWith('Init:')) return 'creating'
  if (phase === 'Pending') return scheduled ? 'creating' : 'pending'
  return phase === 'Running' ? (ready ? 'running' : 'not-ready') : 'pending'
}

type OwnerRef = { kind: string; name: string; controller?: boolean }
const controllerOf = (o: KubeObject): OwnerRef | undefined => {
  const refs = (o.metadata.ownerReferences ?? []) as OwnerRef[]
  return refs.find((r) => r.controller) ?? refs[0]
}

/** The pod's workload: its controller, and a ReplicaSet's own controller (the Deployment) when it has one. */
function workloadOf(o: KubeObject, replicaSetOwners: ReadonlyMap<string, OwnerRef>): { kind: string; name: string } {
  const owner = controllerOf(o)
  if (!owner) return { kind: 'Pod', name: '' }
  const deployment = owner.kind === 'ReplicaSet' ? replicaSetOwners.get(`${o.metadata.namespace ?? 'default'}/${owner.name}`) : undefined
  return deployment ? { kind: deployment.kind, name: deployment.name } : { kind: owner.kind, name: owner.name }
}

function readPod(o: KubeObject, replicaSetOwners: ReadonlyMap<string, OwnerRef> = new Map()): PodInfo {
  const phase: string = o.status?.phase ?? 'Pending'
  const ready = (o.status?.conditions ?? []).some((c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True')
  const shown = podDisplayStatus(o)
  const deletion = o.metadata.deletionTimestamp ? Date.parse(o.metadata.deletionTimestamp) / 1000 : NaN
  return {
    id: idOf(o), name: o.metadata.name, namespace: o.metadata.namespace ?? 'default',
    nodeName: o.spec?.nodeName || null, ip: o.status?.podIP || null, phase, ready,
    status: shown.status, readyText: `${shown.readyContainers}/${shown.totalContainers}`, restarts: shown.restarts,
    graceEndsAt: Number.isNaN(deletion) ? null : deletion,
    state: podState(shown.status, phase, ready, !!o.metadata.deletionTimestamp, !!o.spec?.nodeName), labels: o.metadata.labels ?? {},
    workload: workloadOf(o, replicaSetOwners),
  }
}

const AGENTS = ['kube-proxy', 'kindnet', 'calico-node', 'cilium']
const SYSTEM_NAMESPACES = new Set(['kube-system', 'local-path-storage'])

/** The trainer's picture leaves out the control plane's own pods and node agents, but keeps CoreDNS. */
export function isDrawnPod(o: KubeObject): boolean {
  return !SYSTEM_NAMESPACES.has(o.metadata.namespace ?? '') || o.metadata.labels?.['k8s-app'] === 'kube-dns'
}

/** Node name → the agents running there (one pass over the pods, not one per node). */
function agentsByNode(objects: readonly KubeObject[]): Map<string, string[]> {
  const out = new Map<string, string[]>()
  for (const o of objects) {
    if (o.kind !== 'Pod' || !o.spec?.nodeName || isDrawnPod(o)) continue
    const agent = AGENTS.find((a) => o.metadata.name.startsWith(`${a}-`))
    if (!agent) continue
    const list = out.get(o.spec.nodeName) ?? []
    if (!list.includes(agent)) list.push(agent)
    out.set(o.spec.nodeName, list)
  }
  for (const list of out.values()) list.sort((a, b) => AGENTS.indexOf(a) - AGENTS.indexOf(b))
  return out
}

function readNode(o: KubeObject): NodeInfo {
  const addresses: { type: string; address: string }[] = o.status?.addresses ?? []
  const taints: { effect: string }[] = o.spec?.taints ?? []
  return {
    id: idOf(o), name: o.metadata.name,
    ip: addresses.find((a) => a.type === 'InternalIP')?.address ?? null,
    podCIDR: o.spec?.podCIDR ?? null,
    controlPlane: 'node-role.kubernetes.io/control-plane' in (o.metadata.labels ?? {}),
    tainted: taints.some((t) => t.effect === 'NoSchedule' || t.effect === 'NoExecute') || !!o.spec?.unschedulable,
    ready: (o.status?.conditions ?? []).some((c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True'),
    agents: [], nodePorts: [],
  }
}

function formatPorts(type: string, ports: { port: number; nodePort?: number; protocol?: string }[]): string {
  if (!ports.length) return '<none>'
  return ports.map((p) => {
    const node = (type === 'NodePort' || type === 'LoadBalancer') && p.nodePort ? `:${p.nodePort}` : ''
    return `${p.port}${node}/${p.protocol ?? 'TCP'}`
  }).join(',')
}

/** Ready (and not-ready) addresses from the Endpoints object, else from EndpointSlices (what kube-proxy would route to). */
function endpointAddresses(svc: KubeObject, objects: EndpointObjects): { ready: string[]; notReady: string[] } {
  const ns = svc.metadata.namespace
  const ep = objects.endpoints.get(`${ns ?? ''}/${svc.metadata.name}`)
  if (ep) {
    const subsets = (ep.subsets ?? []) as { addresses?: { ip: string }[]; notReadyAddresses?: { ip: string }[] }[]
    return { ready: subsets.flatMap((s) => (s.addresses ?? []).map((a) => a.ip)),
      notReady: subsets.flatMap((s) => (s.notReadyAddresses ?? []).map((a) => a.ip)) }
  }
  const endpoints = (objects.slices.get(`${ns ?? ''}/${svc.metadata.name}`) ?? [])
    .flatMap((s) => (s.endpoints ?? []) as { addresses: string[]; conditions?: { ready?: boolean } }[])
  return { ready: endpoints.filter((e) => e.conditions?.ready !== false).flatMap((e) => e.addresses),
    notReady: endpoints.filter((e) => e.conditions?.ready === false).flatMap((e) => e.addresses) }
}

/** The ids of the pods in `namespace` whose labels match `selector` (an empty Service selector selects nothing).
 * The selector's pairs are read once, not once per pod: 5,000 pods × each Service showed in profiles. */
function selectedPods(selector: Record<string, string> | null, namespace: string, pods: readonly PodInfo[]): string[] {
  const pairs = selector ? Object.entries(selector) : []
  if (!pairs.length) return []
  const out: string[] = []
  for (const p of pods) {
    if (p.namespace !== namespace) continue
    let all = true
    for (const [k, v] of pairs) if (p.labels[k] !== v) { all = false; break }
    if (all) out.push(p.id)
  }
  return out
}

/** The Endpoints and EndpointSlices of a snapshot by `namespace/service`, in snapshot order: one pass over the
 * objects for every Service, not one per Service. */
interface EndpointObjects { endpoints: Map<string, KubeObject>; slices: Map<string, KubeObject[]> }

function endpointObjects(objects: readonly KubeObject[]): EndpointObjects {
  const endpoints = new Map<string, KubeObject>()
  const slices = new Map<string, KubeObject[]>()
  for (const o of objects) {
    if (o.kind === 'Endpoints') {
      const key = `${o.metadata.namespace ?? ''}/${o.metadata.name}`
      if (!endpoints.has(key)) endpoints.set(key, o)
    } else if (o.kind === 'EndpointSlice') {
      const service = o.metadata.labels?.['kubernetes.io/service-name']
      if (service === undefined) continue
      const key = `${o.metadata.namespace ?? ''}/${service}`
      const list = slices.get(key)
      if (list) list.push(o)
      else slices.set(key, [o])
    }
  }
  return { endpoints, slices }
}

function readService(o: KubeObject, objects: EndpointObjects, pods: PodInfo[], nodes: NodeInfo[]): ServiceInfo {
  const type: string = o.spec?.type ?? 'ClusterIP'
  const ports = o.spec?.ports ?? []
  const selector: Record<string, string> | null = o.spec?.selector ?? null
  const namespace = o.metadata.namespace ?? 'default'
  const endpoints = endpointAddresses(o, objects)
  const addresses = endpoints.ready
  const addressSet = new Set(addresses)
  const lbIngress: { ip?: string; hostname?: string }[] = o.status?.loadBalancer?.ingress ?? []
  return {
    id: idOf(o), name: o.metadata.name, namespace, type,
    clusterIP: o.spec?.clusterIP ?? (type === 'ExternalName' ? '' : '<none>'),
    ports: formatPorts(type, ports),
    nodePorts: ports.map((p: { nodePort?: number }) => p.nodePort).filter((p: number | undefined): p is number => !!p),
    externalIP: type === 'LoadBalancer' ? (lbIngress[0]?.ip ?? lbIngress[0]?.hostname ?? '<pending>')
      : type === 'ExternalName' ? (o.spec?.externalName ?? null) : null,
    selector,
    readyEndpoints: addresses.length,
    notReadyEndpoints: endpoints.notReady.length,
    noEndpoints: addresses.length === 0 && type !== 'ExternalName',
    selectedPodIds: selectedPods(selector, namespace, pods),
    endpointNodeIds: nodes.filter((n) => n.ip && addressSet.has(n.ip)).map((n) => n.id),
  }
}

const byName = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

// Snapshots are immutable: the layout and the drawing of one snapshot share one reading of it.
const models = new WeakMap<ClusterSnapshot, TopologyModel>()
let lastModel: TopologyModel | null = null

/** A pod read once per object (a snapshot diff keeps every unchanged object's reference): its reading, the key of
 * its ReplicaSet (`namespace/name`, null when its controller is no ReplicaSet), and `Kind/name` of that
 * ReplicaSet's own controller when it was read (compared by value: a ReplicaSet's status write brings a new
 * object, the same Deployment). */
interface ReadPod { info: PodInfo; replicaSet: string | null; owner: string | undefined | typeof AHEAD }
const podInfos = new WeakMap<KubeObject, ReadPod>()
/** The owner of a pod read ahead (readPodsAhead): its workload is still to be worked out. */
const AHEAD = Symbol('ahead')

function replicaSetKeyOf(o: KubeObject): string | null {
  const rs = controllerOf(o)
  return rs?.kind === 'ReplicaSet' ? `${o.metadata.namespace ?? 'default'}/${rs.name}` : null
}

/** Reads the pods among `objects` before their snapshot is drawn (the parts of a big diff, as they arrive): what
 * the snapshot's reading then adds is each pod's workload, from its ReplicaSet. */
export function readPodsAhead(objects: readonly KubeObject[]): void {
  for (const o of objects) if (o.kind === 'Pod' && isDrawnPod(o) && !podInfos.has(o)) podInfos.set(o, { info: readPod(o), replicaSet: replicaSetKeyOf(o), owner: AHEAD })
}

const samePods = (a: readonly PodInfo[], b: readonly PodInfo[]) => a.length === b.length && a.every((p, i) => p === b[i] || sameData(p, b[i]))

/** Same drawing: a snapshot that changed only what the picture leaves out (Leases, Events, heartbeats). */
function sameModel(a: TopologyModel, b: TopologyModel): boolean {
  return samePods(a.pods, b.pods) && sameData(a.nodes, b.nodes) && sameData(a.services, b.services)
    && sameData(a.loadBalancers, b.loadBalancers) && sameData(a.ingresses, b.ingresses)
}

/** The topology model of a snapshot (read once per snapshot object; treat it as read-only). A snapshot drawn the
 * same as the previous one gets the previous model object, so nothing downstream is recomputed. */
export function readTopology(snapshot: ClusterSnapshot): TopologyModel {
  let model = models.get(snapshot)
  if (!model) {
    model = read(snapshot)
    if (lastModel && sameModel(lastModel, model)) model = lastModel
    lastModel = model
    models.set(snapshot, model)
  }
  return model
}

function read(snapshot: ClusterSnapshot): TopologyModel {
  const { objects } = snapshot
  const nodes = objects.filter((o) => o.kind === 'Node').map(readNode).sort(byName)
  const replicaSetOwners = new Map<string, OwnerRef>()
  const ownerIds = new Map<string, string>()
  for (const o of objects) {
    const owner = o.kind === 'ReplicaSet' ? controllerOf(o) : undefined
    if (!owner) continue
    const key = `${o.metadata.namespace ?? 'default'}/${o.metadata.name}`
    replicaSetOwners.set(key, owner)
    ownerIds.set(key, `${owner.kind}/${owner.name}`)
  }
  const pods: PodInfo[] = []
  for (const o of objects) {
    if (o.kind !== 'Pod') continue
    let known = podInfos.get(o) // only drawn pods are read
    if (!known && !isDrawnPod(o)) continue
    const replicaSet = known ? known.replicaSet : replicaSetKeyOf(o)
    const owner = replicaSet === null ? undefined : ownerIds.get(replicaSet)
    if (!known || known.owner !== owner) {
      // Only the workload depends on the owner: a pod read before (ahead, or under another owner) keeps the rest.
      const info = known ? { ...known.info, workload: workloadOf(o, replicaSetOwners) } : readPod(o, replicaSetOwners)
      known = { info, replicaSet, owner }
      podInfos.set(o, known)
    }
    pods.push(known.info)
  }
  pods.sort(byName) // the snapshot's key order already: one pass
  const endpointsByService = endpointObjects(objects)
  const services = objects.filter((o) => o.kind === 'Service')
    .map((o) => readService(o, endpointsByService, pods, nodes)).sort(byName)
  const nodePorts = [...new Set(services.flatMap((s) => s.nodePorts))].sort((a, b) => a - b)
  const agents = agentsByNode(objects)
  for (const n of nodes) { n.agents = agents.get(n.name) ?? []; n.nodePorts = nodePorts }
  const loadBalancers = readLoadBalancers(snapshot)
  const ingresses = objects.some((o) => o.kind === 'Ingress') ? readIngresses(snapshot, new Set(pods.map((p) => p.id))) : []
  return { nodes, pods, services, loadBalancers, ingresses }
}
