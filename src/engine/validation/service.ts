// Service validation, in the order the API server checks (so multi-error messages list errors in the
// same order as a real cluster).
// Upstream: pkg/apis/core/validation/validation.go ValidateService / ValidateServiceUpdate /
// ValidateServiceClusterIPsRelatedFields (Kubernetes v1.32).
import type { KubeObject } from '../api/types.ts'
import { goServicePortKey, goStringSlice } from './go-format.ts'
import { duplicate, forbidden, invalid, notSupported, path, required, type ErrorList, type FieldPath } from './field-errors.ts'
import { isIPv6, isValidIP, validateNonSpecialIP } from './ip.ts'
import { isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidPortName, isValidPortNum, nameIsDNS1035Label } from './names.ts'
import { validateLabels, validateObjectMeta } from './object-meta.ts'
import type { ServicePort, ServiceSpec, SessionAffinityConfig } from 'kubernetes-types/core/v1'

export const supportedPortProtocols = ['SCTP', 'TCP', 'UDP']
const serviceTypes = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort']

function isHeadlessService(spec: ServiceSpec): boolean {
  return Array.isArray(spec?.clusterIPs) && spec.clusterIPs.length === 1 && spec.clusterIPs[0] === 'None'
}

/** apiservice.ExternallyAccessible: NodePort, LoadBalancer, or ClusterIP with externalIPs. */
function externallyAccessible(spec: ServiceSpec): boolean {
  return spec?.type === 'LoadBalancer' || spec?.type === 'NodePort' ||
    (spec?.type === 'ClusterIP' && Array.isArray(spec?.externalIPs) && spec.externalIPs.length > 0)
}

/** apiservice.NeedsHealthCheck: LoadBalancer with externalTrafficPolicy Local. */
export function needsHealthCheck(spec: ServiceSpec): boolean {
  return spec?.type === 'LoadBalancer' && spec?.externalTrafficPolicy === 'Local'
}

/** ValidatePortNumOrName (targetPort, probe ports): numbers in range, names IANA_SVC_NAME. */
export function validatePortNumOrName(port: unknown, p: FieldPath): ErrorList {
  if (typeof port === 'string') return isValidPortName(port).map((m) => invalid(p, port, m))
  const n = typeof port === 'number' ? port : 0
  return isValidPortNum(n).map((m) => invalid(p, n, m))
}

function validateServicePort(sp: ServicePort, requireName: boolean, names: Set<string>, p: FieldPath): ErrorList {
  const errs: ErrorList = []
  const name = sp.name ?? ''
  if (requireName && !name) errs.push(required(p.child('name')))
  else if (name) {
    errs.push(...isDNS1123Label(name).map((m) => invalid(p.child('name'), name, m)))
    if (names.has(name)) errs.push(duplicate(p.child('name'), name))
    else names.add(name)
  }
  const port = sp.port ?? 0
  errs.push(...isValidPortNum(port).map((m) => invalid(p.child('port'), port, m)))
  if (!sp.protocol) errs.push(required(p.child('protocol')))
  else if (!supportedPortProtocols.includes(sp.protocol)) errs.push(notSupported(p.child('protocol'), sp.protocol, supportedPortProtocols))
  errs.push(...validatePortNumOrName(sp.targetPort, p.child('targetPort')))
  if (sp.appProtocol !== undefined) {
    errs.push(...isQualifiedName(sp.appProtocol).map((m) => invalid(p.child('appProtocol'), sp.appProtocol, m)))
  }
  return errs
}

function validateClientIPAffinityConfig(config: SessionAffinityConfig | undefined, p: FieldPath): ErrorList {
  if (!config) return [required(p, 'when session affinity type is ClientIP')]
  if (!config.clientIP) return [required(p.child('clientIP'), 'when session affinity type is ClientIP')]
  const t = config.clientIP.timeoutSeconds
  if (t === undefined || t === null) return [required(p.child('clientIP', 'timeoutSeconds'), 'when session affinity type is ClientIP')]
  if (!(t > 0 && t <= 86400)) return [invalid(p.child('clientIP', 'timeoutSeconds'), t, 'must be greater than 0 and less than 86400')]
  return []
}

/** ValidateServiceClusterIPsRelatedFields: clusterIP/clusterIPs in sync, valid IPs, families and policy. */
export function validateServiceClusterIPsRelatedFields(spec: ServiceSpec): ErrorList {
  if (spec.type === 'ExternalName') return []
  const errs: ErrorList = []
  const ipsPath = path('spec', 'clusterIPs')
  const ips: string[] | undefined = spec.clusterIPs
  const ipsValue = goStringSlice(ips)
  if (spec.clusterIP) {
    if (!ips || ips.length === 0) errs.push(required(ipsPath))
    else if (ips[0] !== spec.clusterIP) errs.push(invalid(ipsPath, ipsValue, 'first value must match `clusterIP`'))
  } else if (ips && ips.length) {
    errs.push(invalid(ipsPath, ipsValue, 'must be empty when `clusterIP` is not specified'))
  }
  const families: string[] = spec.ipFamilies ?? []
  const seen = new Set<string>()
  families.forEach((f, i) => {
    if (f !== 'IPv4' && f !== 'IPv6') errs.push(notSupported(path('spec', 'ipFamilies').index(i), f, ['IPv4', 'IPv6']))
    if (seen.has(f)) errs.push(duplicate(path('spec', 'ipFamilies').index(i), f))
    seen.add(f)
  })
  if (spec.ipFamilyPolicy !== undefined && spec.ipFamilyPolicy !== null &&
    !['PreferDualStack', 'RequireDualStack', 'SingleStack'].includes(spec.ipFamilyPolicy)) {
    errs.push(notSupported(path('spec', 'ipFamilyPolicy'), spec.ipFamilyPolicy, ['PreferDualStack', 'RequireDualStack', 'SingleStack']))
  }
  let hasInvalidIPs = false
  ;(ips ?? []).forEach((ip, i) => {
    if (i === 0 && ip === 'None') {
      if (ips!.length > 1) {
        hasInvalidIPs = true
        errs.push(invalid(ipsPath, ipsValue, "'None' must be the first and only value"))
      }
      return
    }
    const e = isValidIP(ipsPath.index(i), ip)
    if (e.length) hasInvalidIPs = true
    errs.push(...e)
  })
  if ((ips?.length ?? 0) > 2) errs.push(invalid(ipsPath, ipsValue, 'may only hold up to 2 values'))
  if (hasInvalidIPs) return errs
  if (ips && ips.length > 1 && isIPv6(ips[0]) === isIPv6(ips[1])) {
    errs.push(invalid(ipsPath, ipsValue, 'may specify no more than one IP for each IP family'))
  }
  if (!isHeadlessService(spec) && ips && ips.length && families.length) {
    ips.forEach((ip, i) => {
      if (i >= families.length) return
      if (families[i] === 'IPv4' && isIPv6(ip)) errs.push(invalid(ipsPath.index(i), ip, `expected an IPv4 value as indicated by \`ipFamilies[${i}]\``))
      if (families[i] === 'IPv6' && !isIPv6(ip)) errs.push(invalid(ipsPath.index(i), ip, `expected an IPv6 value as indicated by \`ipFamilies[${i}]\``))
    })
  }
  return errs
}

function validateExternalTrafficPolicy(spec: ServiceSpec): ErrorList {
  const errs: ErrorList = []
  const sp = path('spec')
  if (!externallyAccessible(spec)) {
    if (spec.externalTrafficPolicy) {
      errs.push(invalid(sp.child('externalTrafficPolicy'), spec.externalTrafficPolicy, 'may only be set for externally-accessible services'))
    }
  } else if (!spec.externalTrafficPolicy) {
    errs.push(required(sp.child('externalTrafficPolicy')))
  } else if (!['Cluster', 'Local'].includes(spec.externalTrafficPolicy)) {
    errs.push(notSupported(sp.child('externalTrafficPolicy'), spec.externalTrafficPolicy, ['Cluster', 'Local']))
  }
  const hc = spec.healthCheckNodePort ?? 0
  if (!needsHealthCheck(spec)) {
    if (hc !== 0) errs.push(invalid(sp.child('healthCheckNodePort'), hc, "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"))
  } else if (hc === 0) {
    errs.push(required(sp.child('healthCheckNodePort')))
  } else {
    errs.push(...isValidPortNum(hc).map((m) => invalid(sp.child('healthCheckNodePort'), hc, m)))
  }
  return errs
}

/** ValidateService: every check on a Service create (also run on update, after the update-only checks). */
export function validateService(svc: KubeObject): ErrorList {
  const errs = validateObjectMeta(svc.metadata, true, nameIsDNS1035Label, path('metadata'))
  const spec = svc.spec ?? {}
  const sp = path('spec')
  const ports: ServicePort[] = Array.isArray(spec.ports) ? spec.ports : []
  if (ports.length === 0 && !isHeadlessService(spec) && spec.type !== 'ExternalName') errs.push(required(sp.child('ports')))
  switch (spec.type) {
    case 'LoadBalancer':
      if (isHeadlessService(spec)) errs.push(invalid(sp.child('clusterIPs').index(0), 'None', "may not be set to 'None' for LoadBalancer services"))
      break
    case 'NodePort':
      if (isHeadlessService(spec)) errs.push(invalid(sp.child('clusterIPs').index(0), 'None', "may not be set to 'None' for NodePort services"))
      break
    case 'ExternalName': {
      if (spec.clusterIPs?.length) errs.push(forbidden(sp.child('clusterIPs'), 'may not be set for ExternalName services'))
      if (spec.ipFamilies?.length) errs.push(forbidden(sp.child('ipFamilies'), 'may not be set for ExternalName services'))
      if (spec.ipFamilyPolicy !== undefined && spec.ipFamilyPolicy !== null) errs.push(forbidden(sp.child('ipFamilyPolicy'), 'may not be set for ExternalName services'))
      const cname = String(spec.externalName ?? '').replace(/\.$/, '')
      if (cname) errs.push(...isDNS1123Subdomain(cname).map((m) => invalid(sp.child('externalName'), cname, m)))
      else errs.push(required(sp.child('externalName')))
      break
    }
  }
  const names = new Set<string>()
  ports.forEach((port, i) => errs.push(...validateServicePort(port ?? {}, ports.length > 1, names, sp.child('ports').index(i))))
  if (spec.selector) errs.push(...validateLabels(spec.selector, sp.child('selector')))
  if (!spec.sessionAffinity) errs.push(required(sp.child('sessionAffinity')))
  else if (!['ClientIP', 'None'].includes(spec.sessionAffinity)) errs.push(notSupported(sp.child('sessionAffinity'), spec.sessionAffinity, ['ClientIP', 'None']))
  if (spec.sessionAffinity === 'ClientIP') errs.push(...validateClientIPAffinityConfig(spec.sessionAffinityConfig, sp.child('sessionAffinityConfig')))
  else if (spec.sessionAffinity === 'None' && spec.sessionAffinityConfig) {
    errs.push(forbidden(sp.child('sessionAffinityConfig'), 'must not be set when session affinity is None'))
  }
  errs.push(...validateServiceClusterIPsRelatedFields(spec))
  ;(spec.externalIPs ?? []).forEach((ip: string, i: number) => {
    const e = isValidIP(sp.child('externalIPs').index(i), ip)
    errs.push(...(e.length ? e : validateNonSpecialIP(ip, sp.child('externalIPs').index(i))))
  })
  if (!spec.type) errs.push(required(sp.child('type')))
  else if (!serviceTypes.includes(spec.type)) errs.push(notSupported(sp.child('type'), spec.type, serviceTypes))
  if (spec.type === 'ClusterIP') {
    ports.forEach((port, i) => {
      if (port?.nodePort) errs.push(forbidden(sp.child('ports').index(i).child('nodePort'), "may not be used when `type` is 'ClusterIP'"))
    })
  }
  const nodePorts = new Set<string>()
  ports.forEach((port, i) => {
    if (!port?.nodePort) return
    const key = `${port.protocol}/${port.nodePort}`
    if (nodePorts.has(key)) errs.push(duplicate(sp.child('ports').index(i).child('nodePort'), port.nodePort))
    nodePorts.add(key)
  })
  const portKeys = new Set<string>()
  ports.forEach((port, i) => {
    const key = `${port?.protocol}/${port?.port}`
    if (portKeys.has(key)) errs.push(duplicate(sp.child('ports').index(i), goServicePortKey(port?.protocol ?? '', port?.port ?? 0)))
    portKeys.add(key)
  })
  if (Array.isArray(spec.loadBalancerSourceRanges) && spec.loadBalancerSourceRanges.length && spec.type !== 'LoadBalancer') {
    errs.push(forbidden(sp.child('LoadBalancerSourceRanges'), "may only be used when `type` is 'LoadBalancer'"))
  }
  if (spec.allocateLoadBalancerNodePorts !== undefined && spec.allocateLoadBalancerNodePorts !== null && spec.type !== 'LoadBalancer') {
    errs.push(forbidden(sp.child('allocateLoadBalancerNodePorts'), "may only be used when `type` is 'LoadBalancer'"))
  }
  if (spec.type === 'LoadBalancer' && (spec.allocateLoadBalancerNodePorts === undefined || spec.allocateLoadBalancerNodePorts === null)) {
    errs.push(required(path('allocateLoadBalancerNodePorts')))
  }
  errs.push(...validateExternalTrafficPolicy(spec))
  if (spec.internalTrafficPolicy === undefined || spec.internalTrafficPolicy === null) {
    if (['NodePort', 'LoadBalancer', 'ClusterIP'].includes(spec.type)) errs.push(required(sp.child('internalTrafficPolicy')))
  } else if (!['Cluster', 'Local'].includes(spec.internalTrafficPolicy)) {
    errs.push(notSupported(sp.child('internalTrafficPolicy'), spec.internalTrafficPolicy, ['Cluster', 'Local']))
  }
  if (spec.trafficDistribution !== undefined && spec.trafficDistribution !== null && spec.trafficDistribution !== 'PreferClose') {
    errs.push(notSupported(sp.child('trafficDistribution'), spec.trafficDistribution, ['PreferClose']))
  }
  return errs
}

function sameStrings(a: string[] | undefined, b: string[] | undefined): boolean {
  return (a ?? []).length === (b ?? []).length && (a ?? []).every((v, i) => v === (b ?? [])[i])
}

/** validateUpgradeDowngradeClusterIPs: the primary cluster IP never changes once set. */
function validateClusterIPsUpdate(oldSpec: ServiceSpec, spec: ServiceSpec): ErrorList {
  if (spec.type === 'ExternalName' || oldSpec.type === 'ExternalName') return []
  if (isHeadlessService(oldSpec) && isHeadlessService(spec)) return []
  const oldIPs: string[] = oldSpec.clusterIPs ?? []
  const ips: string[] = spec.clusterIPs ?? []
  const value = goStringSlice(spec.clusterIPs)
  const p = path('spec', 'clusterIPs')
  const errs: ErrorList = []
  if (oldIPs.length === ips.length) {
    oldIPs.forEach((ip, i) => { if (ip !== ips[i]) errs.push(invalid(p.index(i), value, 'may not change once set')) })
  } else if (oldIPs.length > ips.length) {
    if (ips.length === 0) errs.push(invalid(p.index(0), value, 'primary clusterIP can not be unset'))
    else if (ips[0] !== oldIPs[0]) errs.push(invalid(p.index(0), value, 'may not change once set'))
  } else if (oldIPs.length > 0 && ips[0] !== oldIPs[0]) {
    errs.push(invalid(p.index(0), value, 'may not change once set'))
  }
  return errs
}

function validateIPFamiliesUpdate(oldSpec: ServiceSpec, spec: ServiceSpec): ErrorList {
  if (spec.type === 'ExternalName' || oldSpec.type === 'ExternalName') return []
  if (isHeadlessService(oldSpec) || isHeadlessService(spec)) return []
  const oldF: string[] = oldSpec.ipFamilies ?? []
  const f: string[] = spec.ipFamilies ?? []
  if (oldF.length === f.length && !sameStrings(oldF, f)) {
    return [invalid(path('spec', 'ipFamilies').index(0), goStringSlice(f, '[]core.IPFamily'), 'may not change once set')]
  }
  return []
}

/** ValidateServiceUpdate: update-only checks first, then the full ValidateService. */
export function validateServiceUpdate(svc: KubeObject, old: KubeObject): ErrorList {
  const spec = svc.spec ?? {}
  const oldSpec = old.spec ?? {}
  const errs: ErrorList = [...validateClusterIPsUpdate(oldSpec, spec), ...validateIPFamiliesUpdate(oldSpec, spec)]
  if (needsHealthCheck(oldSpec) && needsHealthCheck(spec) && (spec.healthCheckNodePort ?? 0) !== (oldSpec.healthCheckNodePort ?? 0)) {
    errs.push(forbidden(path('spec', 'healthCheckNodePort'), 'field is immutable'))
  }
  return [...errs, ...validateService(svc)]
}
