// The ways into the cluster a trainer draws in front of the Services: the load balancer of each LoadBalancer
// Service (cloud-provider-kind's envoy, minikube tunnel, the cloud's LB) and each Ingress with the ingress
// controller pods that serve it. Read from the snapshot's raw objects, as model.ts does.
import type { ReadonlyStore } from '../../engine/api/store.ts'
import type { KubeObject } from '../../engine/api/types.ts'
import { controllerPods, ingressesServedBy } from '../../engine/ingress/classes.ts'
import type { ClusterSnapshot } from '../../engine/snapshot.ts'

interface LbTarget {
  nodeId: string
  /** Passes the provider's health check: the node is Ready and, for `externalTrafficPolicy: Local`, has a ready local endpoint. */
  healthy: boolean
}

export interface LoadBalancerInfo {
  /** `LoadBalancer/<namespace>/<service>`: one box per LoadBalancer Service. */
  id: string
  serviceId: string
  name: string
  namespace: string
  /** Who builds it: `cloud-provider-kind (envoy)`, `minikube tunnel`, `cloud load balancer`. */
  provider: string
  /** A short name for the chip: `envoy`, `tunnel`, `cloud LB`. */
  chip: string
  /** What a `<pending>` address waits for (`cloud-provider-kind`, `minikube tunnel`, the cloud provisioning it). */
  waitsFor: string
  /** The ingress IP (or hostname), `<pending>` until the provider assigned one. */
  ip: string
  ports: number[]
  local: boolean
  /** The nodes it sends to (all nodes but those excluded from external load balancers). */
  targets: LbTarget[]
}

interface IngressRuleInfo { host: string; path: string; service: string; port: string }

interface IngressBackendPod { podId: string; service: string; ready: boolean }

export interface IngressInfo {
  id: string
  name: string
  namespace: string
  className: string | null
  /** kubectl's ADDRESS column (status.loadBalancer.ingress), empty until a controller publishes one. */
  address: string
  rules: IngressRuleInfo[]
  /** Running ingress-nginx controller pods that pick this Ingress up; none means the Ingress does nothing. */
  controllerPodIds: string[]
  /** Pods behind the backend Services: the controller connects to their endpoints directly, not via the cluster IP. */
  backends: IngressBackendPod[]
}

const idOf = (o: KubeObject): string => `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`

/** A read-only store over a snapshot's objects, so the engine's own ingress-class rules can be reused. */
function snapshotStore(objects: readonly KubeObject[]): ReadonlyStore {
  return {
    get: (kind, namespace, name) => objects.find((o) => o.kind === kind && (o.metadata.namespace ?? undefined) === (namespace || undefined) && o.metadata.name === name),
    getByKey: () => undefined,
    list: (kind, namespace) => objects.filter((o) => o.kind === kind && (namespace === undefined || o.metadata.namespace === namespace)),
    version: 0,
  }
}

/** The id of the box drawn for a LoadBalancer Service's load balancer (also the request animation's hop target). */
export const lbBoxId = (svc: KubeObject): string => `LoadBalancer/${svc.metadata.namespace ?? ''}/${svc.metadata.name}`

const PROVIDERS: Record<string, string> = { kind: 'cloud-provider-kind (envoy)', minikube: 'minikube tunnel', gke: 'cloud load balancer' }
const CHIPS: Record<string, string> = { kind: 'envoy', minikube: 'tunnel', gke: 'cloud LB' }
const WAITS_FOR: Record<string, string> = { kind: 'until cloud-provider-kind runs', minikube: 'until minikube tunnel runs', gke: 'provisioning…' }

const isReadyNode = (n: KubeObject) =>
  (n.status?.conditions ?? []).some((c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True')

function readySlicePods(svc: KubeObject, objects: readonly KubeObject[]): { node?: string; ready: boolean; pod?: string }[] {
  return objects
    .filter((o) => o.kind === 'EndpointSlice' && o.metadata.namespace === svc.metadata.namespace
      && o.metadata.labels?.['kubernetes.io/service-name'] === svc.metadata.name)
    .flatMap((s) => ((s.endpoints ?? []) as { nodeName?: string; conditions?: { ready?: boolean }; targetRef?: { kind?: string; name?: string } }[])
      .map((e) => ({ node: e.nodeName, ready: e.conditions?.ready !== false, pod: e.targetRef?.kind === 'Pod' ? e.targetRef.name : undefined })))
}

export function readLoadBalancers(snapshot: ClusterSnapshot): LoadBalancerInfo[] {
  const { objects, profile } = snapshot
  const nodes = objects.filter((o) => o.kind === 'Node')
  const out: LoadBalancerInfo[] = []
  for (const svc of objects) {
    if (svc.kind !== 'Service' || svc.spec?.type !== 'LoadBalancer') continue
    const ingress: { ip?: string; hostname?: string }[] = svc.status?.loadBalancer?.ingress ?? []
    const local = svc.spec?.externalTrafficPolicy === 'Local'
    const endpoints = local ? readySlicePods(svc, objects) : []
    const targets = nodes
      .filter((n) => !('node.kubernetes.io/exclude-from-external-load-balancers' in (n.metadata.labels ?? {})))
      .map((n) => ({ nodeId: idOf(n),
        healthy: isReadyNode(n) && (!local || endpoints.some((e) => e.ready && e.node === n.metadata.name)) }))
      .sort((a, b) => (a.nodeId < b.nodeId ? -1 : 1))
    out.push({
      id: lbBoxId(svc), serviceId: idOf(svc),
      name: svc.metadata.name, namespace: svc.metadata.namespace ?? 'default',
      provider: (profile && PROVIDERS[profile.type]) ?? 'load balancer', chip: (profile && CHIPS[profile.type]) ?? 'LB',
      waitsFor: (profile && WAITS_FOR[profile.type]) ?? 'until a load-balancer provider assigns one',
      ip: ingress[0]?.ip ?? ingress[0]?.hostname ?? '<pending>',
      ports: ((svc.spec?.ports ?? []) as { port: number }[]).map((p) => p.port),
      local, targets,
    })
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : 1))
}

interface RawBackend { service?: { name: string; port?: { number?: number; name?: string } }; serviceName?: string; servicePort?: number | string }

function backendOf(b: RawBackend | undefined): { service: string; port: string } | null {
  if (b?.service) return { service: b.service.name, port: String(b.service.port?.number ?? b.service.port?.name ?? '') }
  if (b?.serviceName) return { service: b.serviceName, port: String(b.servicePort ?? '') }
  return null
}

export function readIngresses(snapshot: ClusterSnapshot, drawnPodIds: ReadonlySet<string>): IngressInfo[] {
  const { objects } = snapshot
  const ingresses = objects.filter((o) => o.kind === 'Ingress')
  if (!ingresses.length) return []
  const store = snapshotStore(objects)
  const served = new Map<string, string[]>()
  for (const pod of controllerPods(store)) {
    if (pod.metadata.deletionTimestamp) continue
    for (const ing of ingressesServedBy(store, pod)) {
      const list = served.get(idOf(ing)) ?? served.set(idOf(ing), []).get(idOf(ing))!
      if (drawnPodIds.has(idOf(pod))) list.push(idOf(pod))
    }
  }
  return ingresses.map((ing) => {
    const namespace = ing.metadata.namespace ?? 'default'
    const rules: IngressRuleInfo[] = []
    const def = backendOf(ing.spec?.defaultBackend ?? ing.spec?.backend)
    if (def) rules.push({ host: '*', path: '(default)', ...def })
    for (const rule of (ing.spec?.rules ?? []) as { host?: string; http?: { paths?: { path?: string; backend?: RawBackend }[] } }[]) {
      for (const p of rule.http?.paths ?? []) {
        const b = backendOf(p.backend)
        if (b) rules.push({ host: rule.host ?? '*', path: p.path ?? '/', ...b })
      }
    }
    const backends: IngressBackendPod[] = []
    for (const svcName of [...new Set(rules.map((r) => r.service))].sort()) {
      const svc = store.get('Service', namespace, svcName)
      if (!svc) continue
      for (const e of readySlicePods(svc, objects)) {
        const podId = e.pod ? `Pod/${namespace}/${e.pod}` : null
        if (podId && drawnPodIds.has(podId) && !backends.some((x) => x.podId === podId)) backends.push({ podId, service: svcName, ready: e.ready })
      }
    }
    const address = ((ing.status?.loadBalancer?.ingress ?? []) as { ip?: string; hostname?: string }[])
      .map((a) => a.ip ?? a.hostname ?? '').filter(Boolean).join(',')
    return {
      id: idOf(ing), name: ing.metadata.name, namespace,
      className: ing.spec?.ingressClassName ?? ing.metadata.annotations?.['kubernetes.io/ingress.class'] ?? null,
      address, rules, controllerPodIds: [...new Set(served.get(idOf(ing)) ?? [])].sort(), backends,
    }
  }).sort((a, b) => (a.id < b.id ? -1 : 1))
}
