// Which endpoints a node uses for Cluster and Local traffic policy. Source: pkg/proxy/topology.go
// CategorizeEndpoints (v1.32), without topology hints (kind nodes have no zones).
import type { EndpointInfo, ServicePortInfo } from './service-ports'
import { usesClusterEndpoints, usesLocalEndpoints } from './service-ports'

export interface Categorized {
  clusterEndpoints: EndpointInfo[]
  localEndpoints: EndpointInfo[]
  allReachable: EndpointInfo[]
  hasAnyEndpoints: boolean
}

/**
 * proxy.CategorizeEndpoints: Ready endpoints by default; when none are Ready, Serving+Terminating ones
 * (independently for Cluster and Local). `hasAnyEndpoints` is true when some node could serve the service,
 * even if this node has no local endpoint.
 */
export function categorizeEndpoints(sp: ServicePortInfo): Categorized {
  const eps = sp.endpoints
  let clusterEndpoints: EndpointInfo[] = []
  let localEndpoints: EndpointInfo[] = []
  let hasAnyEndpoints = false
  if (usesClusterEndpoints(sp)) {
    clusterEndpoints = eps.filter((ep) => ep.ready)
    if (clusterEndpoints.length === 0) clusterEndpoints = eps.filter((ep) => ep.serving && ep.terminating)
    hasAnyEndpoints = clusterEndpoints.length > 0
  }
  if (!usesLocalEndpoints(sp)) return { clusterEndpoints, localEndpoints, allReachable: clusterEndpoints, hasAnyEndpoints }

  let localReady = false
  let localServingTerminating = false
  for (const ep of eps) {
    if (ep.ready) {
      hasAnyEndpoints = true
      if (ep.isLocal) localReady = true
    } else if (ep.serving && ep.terminating) {
      hasAnyEndpoints = true
      if (ep.isLocal) localServingTerminating = true
    }
  }
  let usingTerminating = false
  if (localReady) localEndpoints = eps.filter((ep) => ep.isLocal && ep.ready)
  else if (localServingTerminating) {
    usingTerminating = true
    localEndpoints = eps.filter((ep) => ep.isLocal && ep.serving && ep.terminating)
  }
  if (!usesClusterEndpoints(sp)) return { clusterEndpoints, localEndpoints, allReachable: localEndpoints, hasAnyEndpoints }
  if (!usingTerminating) return { clusterEndpoints, localEndpoints, allReachable: clusterEndpoints, hasAnyEndpoints }
  const merged = new Map<string, EndpointInfo>()
  for (const ep of [...clusterEndpoints, ...localEndpoints]) merged.set(ep.key, ep)
  return { clusterEndpoints, localEndpoints, allReachable: [...merged.values()], hasAnyEndpoints }
}
