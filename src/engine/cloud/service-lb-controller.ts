// The cloud-controller-manager's service controller (k8s.io/cloud-provider controllers/service): for each
// LoadBalancer Service it asks the provider for a load balancer and writes `status.loadBalancer.ingress`.
// Providers: cloud-provider-kind (an envoy container per Service on the kind network, next free address,
// ipMode Proxy), `minikube tunnel` (the cluster IP), and a GCE-like cloud (a public IP after a provisioning
// delay, with the EnsuringLoadBalancer / EnsuredLoadBalancer events). Without a provider: `<pending>`.
import type { Controller, ControllerContext, EventRecord, SyncResult } from '../controllers/controller.ts'
import { NO_CHANGES } from '../controllers/controller.ts'
import type { Change, ReadonlyStore } from '../api/store.ts'
import type { KubeObject, ObjectKey } from '../api/types.ts'
import { keyOf, parseKey } from '../api/types.ts'
import { providerState } from './provider-state.ts'
import type { ProviderState } from './provider-state.ts'
import { ipToInt, intToIp } from '../net/ip.ts'
import type { LoadBalancerIngress, NodeAddress } from 'kubernetes-types/core/v1'

/** Seconds a GCE network load balancer takes to come up in the simulation (real ones take 30–60 s). */
const CLOUD_LB_PROVISIONING_SECONDS = 45

type ProviderKind = 'kind' | 'minikube' | 'gke' | 'unknown'

/** Which environment the cluster runs in, read from its Nodes (providerID, provider labels). */
export function providerKind(store: ReadonlyStore): ProviderKind {
  const nodes = store.list('Node')
  if (nodes.some((n) => String(n.spec?.providerID ?? '').startsWith('kind://'))) return 'kind'
  if (nodes.some((n) => n.metadata.labels?.['minikube.k8s.io/name'])) return 'minikube'
  if (nodes.some((n) => n.metadata.labels?.['cloud.google.com/gke-nodepool'])) return 'gke'
  return 'unknown'
}

function nodeIPs(store: ReadonlyStore): string[] {
  return store.list('Node').flatMap((n) => ((n.status?.addresses ?? []) as NodeAddress[]).filter((a) => a.type === 'InternalIP').map((a) => a.address))
}

/** The next address docker's IPAM gives a new container on the kind network (after the nodes and earlier LBs). */
export function nextKindAddress(store: ReadonlyStore, state: ProviderState): string {
  const used = [...nodeIPs(store), ...state.assigned.values()].filter((ip) => ip.startsWith('172.18.')).map(ipToInt)
  return intToIp(Math.max(ipToInt('172.18.0.1'), ...used) + 1)
}

/** The ingress entries the provider reports for `svc` now, or undefined while it has none (yet). */
function desiredIngress(svc: KubeObject, store: ReadonlyStore, state: ProviderState, now: number, rng: { int(a: number, b: number): number }): { ip: string; ipMode?: string }[] | undefined {
  if (svc.spec?.type !== 'LoadBalancer' || svc.spec?.loadBalancerClass) return undefined
  const uid = svc.metadata.uid ?? keyOf(svc)
  switch (providerKind(store)) {
    case 'kind': {
      if (!state.cloudProviderKind) return undefined
      let ip = state.assigned.get(uid)
      if (!ip) state.assigned.set(uid, (ip = nextKindAddress(store, state)))
      return [{ ip, ipMode: 'Proxy' }]
    }
    case 'minikube':
      return state.minikubeTunnel && svc.spec?.clusterIP ? [{ ip: svc.spec.clusterIP, ipMode: 'VIP' }] : undefined
    case 'gke': {
      if (!state.firstSeen.has(uid)) state.firstSeen.set(uid, now)
      if (now - state.firstSeen.get(uid)! < CLOUD_LB_PROVISIONING_SECONDS) return undefined
      let ip = state.assigned.get(uid)
      if (!ip) state.assigned.set(uid, (ip = `34.${rng.int(40, 180)}.${rng.int(0, 255)}.${rng.int(1, 254)}`))
      return [{ ip, ipMode: 'VIP' }]
    }
    default:
      return undefined
  }
}

export class ServiceLoadBalancerController implements Controller {
  readonly name = 'service-controller'
  readonly watches = ['Service', 'Node']

  keysFor(change: Change, store: ReadonlyStore): ObjectKey[] {
    if (change.object.kind === 'Service') return [change.key]
    if (change.object.kind === 'Node') return store.list('Service').filter((s) => s.spec?.type === 'LoadBalancer').map(keyOf)
    return []
  }

  sync(key: ObjectKey, ctx: ControllerContext): SyncResult {
    const { kind, namespace, name } = parseKey(key)
    const svc = ctx.store.get(kind, namespace, name)
    if (!svc) return NO_CHANGES
    const state = providerState(ctx.config)
    const current = (svc.status?.loadBalancer?.ingress ?? []) as LoadBalancerIngress[]
    if (svc.spec?.type !== 'LoadBalancer') {
      if (!current.length) return NO_CHANGES
      return { writes: [{ op: 'update', object: { ...svc, status: { ...(svc.status ?? {}), loadBalancer: {} } } }] }
    }
    const provider = providerKind(ctx.store)
    const firstTime = provider === 'gke' && !state.firstSeen.has(svc.metadata.uid ?? key)
    const desired = desiredIngress(svc, ctx.store, state, ctx.now, ctx.rng)
    const events: EventRecord[] = []
    if (firstTime) events.push({ involved: svc, type: 'Normal', reason: 'EnsuringLoadBalancer', message: 'Ensuring load balancer', source: 'service-controller' })
    if (!desired) {
      if (provider === 'gke') {
        const left = CLOUD_LB_PROVISIONING_SECONDS - (ctx.now - state.firstSeen.get(svc.metadata.uid ?? key)!)
        return { writes: [], events, requeueAfter: Math.max(1, left) }
      }
      return events.length ? { writes: [], events } : NO_CHANGES
    }
    if (JSON.stringify(current) === JSON.stringify(desired)) return events.length ? { writes: [], events } : NO_CHANGES
    if (provider === 'gke') events.push({ involved: svc, type: 'Normal', reason: 'EnsuredLoadBalancer', message: 'Ensured load balancer', source: 'service-controller' })
    return { writes: [{ op: 'update', object: { ...svc, status: { ...(svc.status ?? {}), loadBalancer: { ingress: desired } } } }], events }
  }
}
