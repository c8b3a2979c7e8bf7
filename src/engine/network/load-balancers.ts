// Load balancers in front of LoadBalancer Services, as each provider builds them: cloud-provider-kind runs an
// envoy container per Service on the kind network (a proxy: the node sees the envoy's address), GCE's network
// load balancer passes packets through unchanged (the node sees the client and the LB IP), and minikube tunnel
// routes the service range to the node (the LB address is the cluster IP).
import type { KubeObject } from '../api/types.ts'
import type { NetworkView } from './view.ts'
import type { LoadBalancerIngress } from 'kubernetes-types/core/v1'
import type { Endpoint as SliceEndpoint } from 'kubernetes-types/discovery/v1'
import { announcer, poolOf } from '../metallb/pools.ts'
import type { Announcement } from '../metallb/pools.ts'

export interface LoadBalancerInfo {
  ip: string
  /** `l2`: MetalLB's layer-2 mode, a speaker answers ARP and the node's kube-proxy rules take the packet. */
  mode: 'proxy' | 'passthrough' | 'tunnel' | 'l2'
  /** For `l2`: the node and speaker that answer ARP for the address (none: nobody answers). */
  announce?: Announcement
  /** The LoadBalancer Service (for a Gateway's proxy: the Gateway itself). */
  service: KubeObject
  /** Set when this address is a Gateway's L7 proxy (cloud-provider-kind's envoy, GKE's front end). */
  gateway?: KubeObject
}

/** Every address in Services' `status.loadBalancer.ingress`, with how traffic to it travels. */
export function loadBalancers(view: NetworkView): LoadBalancerInfo[] {
  const out: LoadBalancerInfo[] = []
  for (const svc of view.store.list('Service')) {
    if (svc.spec?.type !== 'LoadBalancer') continue
    for (const ing of (svc.status?.loadBalancer?.ingress ?? []) as LoadBalancerIngress[]) {
      if (!ing.ip) continue
      if (view.profileType !== 'gke' && poolOf(view.store, ing.ip)) {
        out.push({ ip: ing.ip, mode: 'l2', service: svc, announce: announcer(view.store, svc, ing.ip, (node) => localReadyEndpoints(view, svc, node) > 0) })
        continue
      }
      const mode = view.profileType === 'kind' ? 'proxy' : view.profileType === 'minikube' ? 'tunnel' : 'passthrough'
      out.push({ ip: ing.ip, mode, service: svc })
    }
  }
  // Gateways programmed by a provider: status.addresses is the proxy's own address.
  for (const gw of view.store.list('Gateway')) {
    for (const a of (gw.status?.addresses ?? []) as { type?: string; value: string }[]) {
      if ((a.type ?? 'IPAddress') === 'IPAddress') out.push({ ip: a.value, mode: 'proxy', service: gw, gateway: gw })
    }
  }
  return out
}

/**
 * Nodes a load balancer sends to: all nodes minus those labelled
 * `node.kubernetes.io/exclude-from-external-load-balancers` (the service controller's node filter), and with
 * `externalTrafficPolicy: Local` only those whose kube-proxy health check (`/healthz` on healthCheckNodePort)
 * reports local endpoints. Nodes that are down fail the check.
 */
export function lbTargetNodes(view: NetworkView, svc: KubeObject): { name: string; ip: string; healthy: boolean }[] {
  const local = svc.spec?.externalTrafficPolicy === 'Local'
  const eligible = view.nodes.filter((n) => !('node.kubernetes.io/exclude-from-external-load-balancers' in n.labels))
  // A down node fails every health check (the provider's probe of the node port, or of kube-proxy's /healthz).
  return eligible.map((n) => ({ name: n.name, ip: n.internalIP, healthy: !n.down && (!local || localReadyEndpoints(view, svc, n.name) > 0) }))
}

/** Ready endpoints of a Service on one node (what kube-proxy's health check server counts). */
export function localReadyEndpoints(view: NetworkView, svc: KubeObject, node: string): number {
  let n = 0
  for (const slice of view.store.list('EndpointSlice', svc.metadata.namespace)) {
    if (slice.metadata.labels?.['kubernetes.io/service-name'] !== svc.metadata.name) continue
    for (const ep of (slice.endpoints ?? []) as SliceEndpoint[]) if (ep.nodeName === node && ep.conditions?.ready !== false) n++
  }
  return n
}
