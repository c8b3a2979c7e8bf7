// How the Service registry reconciles a new Service spec with the old one around allocation.
// Upstream: pkg/registry/core/service/storage/storage.go (patchAllocatedValues, normalizeClusterIPs)
// and pkg/registry/core/service/strategy.go (dropTypeDependentFields) — Kubernetes v1.32.
import type { ServicePort, ServiceSpec } from 'kubernetes-types/core/v1'

const needsClusterIP = (spec: ServiceSpec) => spec.type !== 'ExternalName'
export const needsNodePort = (spec: ServiceSpec) => spec.type === 'NodePort' || spec.type === 'LoadBalancer'
const needsHCNodePort = (spec: ServiceSpec) => spec.type === 'LoadBalancer' && spec.externalTrafficPolicy === 'Local'

const sameList = (a: unknown[] | undefined, b: unknown[] | undefined) =>
  (a ?? []).length === (b ?? []).length && (a ?? []).every((v, i) => v === (b ?? [])[i])

/**
 * patchAllocatedValues: a client that sends a Service without its allocated values (kubectl replace,
 * a PUT of the original manifest) keeps its cluster IP, node ports (matched by port name) and
 * health-check node port.
 */
export function patchAllocatedValues(spec: ServiceSpec, oldSpec: ServiceSpec): void {
  if (needsClusterIP(oldSpec) && needsClusterIP(spec)) {
    if (!spec.clusterIP) spec.clusterIP = oldSpec.clusterIP
    if ((!spec.clusterIPs || spec.clusterIPs.length === 0) && oldSpec.clusterIPs?.length) spec.clusterIPs = [...oldSpec.clusterIPs]
  }
  if (needsNodePort(oldSpec) && needsNodePort(spec)) {
    const used = (s: ServiceSpec) => new Set<number>((s.ports ?? []).map((p: ServicePort) => p?.nodePort).filter((n): n is number => Boolean(n)))
    const oldUsed = used(oldSpec)
    const newUsed = used(spec)
    const both = new Set([...oldUsed].filter((p) => newUsed.has(p)))
    const byName = new Map<string, number>((oldSpec.ports ?? []).map((p: ServicePort) => [p?.name ?? '', p?.nodePort ?? 0]))
    for (const p of spec.ports ?? []) {
      if (!p || p.nodePort) continue
      const old = byName.get(p.name ?? '') ?? 0
      if (old && !both.has(old)) p.nodePort = old
    }
  }
  if (needsHCNodePort(oldSpec) && needsHCNodePort(spec) && !spec.healthCheckNodePort) {
    spec.healthCheckNodePort = oldSpec.healthCheckNodePort
  }
}

/** normalizeClusterIPs: keeps clusterIP and clusterIPs in step for clients that only set one of them. */
export function normalizeClusterIPs(spec: ServiceSpec, oldSpec: ServiceSpec | undefined): void {
  if (!oldSpec) {
    if (spec.clusterIP && (!spec.clusterIPs || spec.clusterIPs.length === 0)) spec.clusterIPs = [spec.clusterIP]
    return
  }
  if (oldSpec.clusterIPs?.length && (!spec.clusterIPs || spec.clusterIPs.length === 0) && oldSpec.clusterIP === spec.clusterIP) {
    spec.clusterIPs = [...oldSpec.clusterIPs]
  }
  if ((oldSpec.clusterIP ?? '') !== (spec.clusterIP ?? '')) {
    if (oldSpec.clusterIP && !spec.clusterIP && sameList(oldSpec.clusterIPs, spec.clusterIPs)) delete spec.clusterIPs
    if (spec.clusterIP && sameList(oldSpec.clusterIPs, spec.clusterIPs)) spec.clusterIPs = [spec.clusterIP]
  }
}

/**
 * dropTypeDependentFields: on a type change, fields the new type does not use are wiped — but only
 * when the user did not also change them (then validation reports them instead).
 */
export function dropTypeDependentFields(spec: ServiceSpec, oldSpec: ServiceSpec): void {
  if (needsClusterIP(oldSpec) && !needsClusterIP(spec)) {
    if (sameList(oldSpec.clusterIPs, spec.clusterIPs) && (oldSpec.clusterIP ?? '') === (spec.clusterIP ?? '')) {
      delete spec.clusterIP
      delete spec.clusterIPs
    }
    if (sameList(oldSpec.ipFamilies, spec.ipFamilies)) delete spec.ipFamilies
    if ((oldSpec.ipFamilyPolicy ?? null) === (spec.ipFamilyPolicy ?? null)) delete spec.ipFamilyPolicy
  }
  const nodePorts = (s: ServiceSpec) => (s.ports ?? []).map((p: ServicePort) => p?.nodePort ?? 0)
  if (needsNodePort(oldSpec) && !needsNodePort(spec) && sameList(nodePorts(oldSpec), nodePorts(spec))) {
    for (const p of spec.ports ?? []) if (p) delete p.nodePort
  }
  if (needsHCNodePort(oldSpec) && !needsHCNodePort(spec) && (oldSpec.healthCheckNodePort ?? 0) === (spec.healthCheckNodePort ?? 0)) {
    delete spec.healthCheckNodePort
  }
  if (oldSpec.type === 'LoadBalancer' && spec.type !== 'LoadBalancer' &&
    spec.allocateLoadBalancerNodePorts !== undefined && spec.allocateLoadBalancerNodePorts === oldSpec.allocateLoadBalancerNodePorts) {
    delete spec.allocateLoadBalancerNodePorts
  }
  const external = (s: ServiceSpec) => s.type === 'LoadBalancer' || s.type === 'NodePort' || (s.type === 'ClusterIP' && (s.externalIPs ?? []).length > 0)
  if (external(oldSpec) && !external(spec) && oldSpec.externalTrafficPolicy === spec.externalTrafficPolicy) delete spec.externalTrafficPolicy
  if (oldSpec.type !== 'ExternalName' && spec.type === 'ExternalName' && oldSpec.internalTrafficPolicy === spec.internalTrafficPolicy) {
    delete spec.internalTrafficPolicy
  }
}
