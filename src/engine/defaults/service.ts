// Service defaults.
// Upstream: pkg/apis/core/v1/defaults.go SetDefaults_Service (Kubernetes v1.32).
import type { KubeObject } from '../api/types.ts'
import type { ServiceSpec } from 'kubernetes-types/core/v1'

function externallyAccessible(spec: ServiceSpec): boolean {
  return spec.type === 'LoadBalancer' || spec.type === 'NodePort' ||
    (spec.type === 'ClusterIP' && Array.isArray(spec.externalIPs) && spec.externalIPs.length > 0)
}

/**
 * SetDefaults_Service: session affinity None (ClientIP gets a 10800 s timeout), type ClusterIP, port
 * protocol TCP and targetPort = port, externalTrafficPolicy Cluster when externally accessible,
 * internalTrafficPolicy Cluster (not for ExternalName), allocateLoadBalancerNodePorts for LoadBalancer.
 */
export function defaultService(svc: KubeObject): void {
  if (!svc.spec || typeof svc.spec !== 'object') svc.spec = {}
  const spec = svc.spec
  if (!spec.sessionAffinity) spec.sessionAffinity = 'None'
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig
  if (spec.sessionAffinity === 'ClientIP') {
    const t = spec.sessionAffinityConfig?.clientIP?.timeoutSeconds
    if (t === undefined || t === null) spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: 10800 } }
  }
  if (!spec.type) spec.type = 'ClusterIP'
  for (const sp of Array.isArray(spec.ports) ? spec.ports : []) {
    if (!sp || typeof sp !== 'object') continue
    if (!sp.protocol) sp.protocol = 'TCP'
    if (sp.targetPort === undefined || sp.targetPort === null || sp.targetPort === 0 || sp.targetPort === '') sp.targetPort = sp.port
  }
  if (externallyAccessible(spec) && !spec.externalTrafficPolicy) spec.externalTrafficPolicy = 'Cluster'
  if ((spec.internalTrafficPolicy === undefined || spec.internalTrafficPolicy === null) && ['NodePort', 'LoadBalancer', 'ClusterIP'].includes(spec.type)) {
    spec.internalTrafficPolicy = 'Cluster'
  }
  if (spec.type === 'LoadBalancer' && (spec.allocateLoadBalancerNodePorts === undefined || spec.allocateLoadBalancerNodePorts === null)) {
    spec.allocateLoadBalancerNodePorts = true
  }
}
