// What kube-proxy's ServiceChangeTracker and EndpointSliceCache make of the API objects: one entry per
// service port, with its endpoints. Sources: pkg/proxy/serviceport.go (newBaseServiceInfo),
// pkg/proxy/endpointslicecache.go (addEndpoints, byEndpoint), v1.32.
import type { EndpointSlice, Service } from '../../api/types'
import { isIPv4, parseCidr } from '../net/ipv4'
import type { L4Protocol } from '../types'
import { endpointChainName, serviceChainNames, servicePortName } from './chain-names'

export interface EndpointInfo {
  ip: string
  port: number
  /** `ip:port`, BaseEndpointInfo.String(). */
  key: string
  /** The endpoint's `nodeName` in its EndpointSlice. */
  nodeName?: string
  /** On the node the rules are for (always false when the service ports were built for no node). */
  isLocal: boolean
  ready: boolean
  serving: boolean
  terminating: boolean
  chain: string
}

export interface ServicePortInfo {
  /** `namespace/name[:port]`. */
  name: string
  protocol: L4Protocol
  clusterIP: string
  port: number
  nodePort: number
  externalIPs: string[]
  loadBalancerVIPs: string[]
  loadBalancerSourceRanges: string[]
  healthCheckNodePort: number
  sessionAffinityClientIP: boolean
  stickyMaxAgeSeconds: number
  externalPolicyLocal: boolean
  internalPolicyLocal: boolean
  chains: ReturnType<typeof serviceChainNames>
  endpoints: EndpointInfo[]
}

const SERVICE_NAME_LABEL = 'kubernetes.io/service-name'
const DEFAULT_STICKY_SECONDS = 10800

/** apiservice.ExternallyAccessible: NodePort, LoadBalancer, or a ClusterIP with externalIPs. */
function externallyAccessible(svc: Service): boolean {
  const type = svc.spec?.type ?? 'ClusterIP'
  return type === 'NodePort' || type === 'LoadBalancer' || (type === 'ClusterIP' && (svc.spec?.externalIPs?.length ?? 0) > 0)
}

function lbVIPs(svc: Service): string[] {
  if (svc.spec?.type !== 'LoadBalancer') return []
  // An ingress with ipMode Proxy is reached through the provider's proxy, not captured on the node (LoadBalancerIPMode, GA in 1.32).
  return (svc.status?.loadBalancer?.ingress ?? [])
    .filter((ing) => ing.ip && isIPv4(ing.ip) && (ing.ipMode ?? 'VIP') === 'VIP')
    .map((ing) => ing.ip as string)
}

function endpointsFor(nodeName: string | undefined, svcPort: string, protocol: L4Protocol, portName: string, slices: EndpointSlice[]): EndpointInfo[] {
  const byKey = new Map<string, EndpointInfo>()
  for (const slice of slices) {
    if (slice.addressType !== 'IPv4') continue
    for (const port of slice.ports ?? []) {
      if (port.name === undefined || port.name === null) continue
      if ((port.name ?? '') !== portName || (port.protocol ?? 'TCP').toLowerCase() !== protocol) continue
      if (!port.port) continue
      for (const ep of slice.endpoints ?? []) {
        if (!ep.addresses?.length) continue
        const ip = ep.addresses[0]
        const key = `${ip}:${port.port}`
        const terminating = ep.conditions?.terminating === true
        // Prefer the running endpoint when a terminating one has the same address (endpointslicecache.go).
        if (byKey.has(key) && terminating) continue
        byKey.set(key, {
          ip, port: port.port, key, nodeName: ep.nodeName,
          isLocal: nodeName !== undefined && ep.nodeName === nodeName,
          ready: ep.conditions?.ready ?? true,
          serving: ep.conditions?.serving ?? true,
          terminating,
          chain: endpointChainName(svcPort, protocol, key),
        })
      }
    }
  }
  // Go compares the "ip:port" strings, so 10.244.10.2 sorts before 10.244.2.3.
  return [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
}

/**
 * Builds kube-proxy's service port map for one node: every port of every Service that has a cluster IP
 * (headless and ExternalName Services are not proxied), each with the endpoints its EndpointSlices list
 * (matched by port name and protocol, IPv4 only), sorted as EndpointSliceCache sorts them. The result is
 * ordered by service port name so that rule output is stable (real kube-proxy walks a Go map).
 */
export function buildServicePorts(nodeName: string | undefined, services: Service[], slices: EndpointSlice[]): ServicePortInfo[] {
  const out: ServicePortInfo[] = []
  const slicesByService = new Map<string, EndpointSlice[]>()
  for (const s of slices) {
    const owner = s.metadata?.labels?.[SERVICE_NAME_LABEL]
    if (owner === undefined) continue
    const k = `${s.metadata?.namespace ?? 'default'}/${owner}`
    const list = slicesByService.get(k)
    if (list) list.push(s)
    else slicesByService.set(k, [s])
  }
  for (const svc of services) {
    const ns = svc.metadata?.namespace ?? 'default'
    const name = svc.metadata?.name ?? ''
    const clusterIP = svc.spec?.clusterIP
    if (!clusterIP || clusterIP === 'None' || !isIPv4(clusterIP) || svc.spec?.type === 'ExternalName') continue
    const mySlices = slicesByService.get(`${ns}/${name}`) ?? []
    const external = externallyAccessible(svc)
    const externalPolicyLocal = external && svc.spec?.externalTrafficPolicy === 'Local'
    const affinity = svc.spec?.sessionAffinity === 'ClientIP'
    for (const port of svc.spec?.ports ?? []) {
      const protocol = (port.protocol ?? 'TCP').toLowerCase() as L4Protocol
      const svcPort = servicePortName(ns, name, port.name)
      out.push({
        name: svcPort,
        protocol,
        clusterIP,
        port: port.port,
        nodePort: port.nodePort ?? 0,
        externalIPs: (svc.spec?.externalIPs ?? []).filter(isIPv4),
        loadBalancerVIPs: lbVIPs(svc),
        loadBalancerSourceRanges: (svc.spec?.loadBalancerSourceRanges ?? []).map((r) => r.trim()).filter((r) => parseCidr(r) !== null),
        healthCheckNodePort: svc.spec?.type === 'LoadBalancer' && externalPolicyLocal ? svc.spec?.healthCheckNodePort ?? 0 : 0,
        sessionAffinityClientIP: affinity,
        stickyMaxAgeSeconds: affinity ? svc.spec?.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? DEFAULT_STICKY_SECONDS : 0,
        externalPolicyLocal,
        internalPolicyLocal: svc.spec?.internalTrafficPolicy === 'Local',
        chains: serviceChainNames(svcPort, protocol),
        endpoints: endpointsFor(nodeName, svcPort, protocol, port.name ?? '', mySlices),
      })
    }
  }
  return out.sort((a, b) => (a.name + a.protocol < b.name + b.protocol ? -1 : 1))
}

/** BaseServicePortInfo.ExternallyAccessible for one port. */
export function portExternallyAccessible(sp: ServicePortInfo): boolean {
  return sp.nodePort !== 0 || sp.loadBalancerVIPs.length > 0 || sp.externalIPs.length > 0
}

/** UsesClusterEndpoints: Cluster internal policy, or any external access (short-circuiting needs them). */
export function usesClusterEndpoints(sp: ServicePortInfo): boolean {
  return !sp.internalPolicyLocal || portExternallyAccessible(sp)
}

export function usesLocalEndpoints(sp: ServicePortInfo): boolean {
  return sp.internalPolicyLocal || (sp.externalPolicyLocal && portExternallyAccessible(sp))
}
