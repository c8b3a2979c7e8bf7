// Cluster IP, NodePort and health-check NodePort allocation for Services, on create, update and delete.
// Upstream: pkg/registry/core/service/storage/alloc.go (initIPFamilyFields, allocClusterIPs,
// initNodePorts, allocHealthCheckNodePort, updateNodePorts, updateHealthCheckNodePort) — Kubernetes
// v1.32 on a single-stack IPv4 cluster. Allocation happens before validation, as in the real registry
// (BeginCreate/BeginUpdate run before the strategy's Validate), and is undone if the request fails.
import { AllocationError } from '../allocators/index.ts'
import { goStringSlice } from '../validation/go-format.ts'
import {
  invalid, newInternalError, newInvalid, path, type ErrorList, type StatusError,
} from '../validation/field-errors.ts'
import { isIPv6 } from '../validation/ip.ts'
import { needsHealthCheck, validateServiceClusterIPsRelatedFields } from '../validation/service.ts'
import type { Transaction } from './transaction.ts'
import type { Allocators } from './types.ts'
import { needsNodePort } from './service-strategy.ts'
import type { ServicePort, ServiceSpec } from 'kubernetes-types/core/v1'
import type { KubeObject } from '../api/types.ts'

class Failure {
  constructor(readonly status: StatusError) {}
}

function fail(name: string, errs: ErrorList): never {
  throw new Failure(newInvalid('Service', '', name, errs))
}

function allocError(e: unknown): AllocationError {
  if (e instanceof AllocationError) return e
  throw e
}

/** initIPFamilyFields: ipFamilyPolicy and ipFamilies for a single-stack IPv4 cluster. */
function initIPFamilyFields(name: string, spec: ServiceSpec, oldSpec: ServiceSpec | undefined): void {
  if (spec.type === 'ExternalName') return
  if (spec.ipFamilyPolicy === undefined || spec.ipFamilyPolicy === null) {
    if (oldSpec?.ipFamilyPolicy) spec.ipFamilyPolicy = oldSpec.ipFamilyPolicy
    else if (spec.clusterIP === 'None' && Object.keys(spec.selector ?? {}).length === 0) spec.ipFamilyPolicy = 'RequireDualStack'
    else spec.ipFamilyPolicy = 'SingleStack'
  }
  const pre = validateServiceClusterIPsRelatedFields(spec)
  if (pre.length) fail(name, pre)
  const errs: ErrorList = []
  const policyValue = spec.ipFamilyPolicy
  if (spec.ipFamilyPolicy === 'SingleStack') {
    if ((spec.clusterIPs ?? []).length === 2) errs.push(invalid(path('spec', 'ipFamilyPolicy'), policyValue, "must be 'RequireDualStack' or 'PreferDualStack' when multiple cluster IPs are specified"))
    if ((spec.ipFamilies ?? []).length === 2) errs.push(invalid(path('spec', 'ipFamilyPolicy'), policyValue, "must be 'RequireDualStack' or 'PreferDualStack' when multiple IP families are specified"))
  }
  const families: string[] = [...(spec.ipFamilies ?? [])]
  ;(spec.clusterIPs ?? []).some((ip: string, i: number) => {
    if (ip === 'None') return true
    const fam = isIPv6(ip) ? 'IPv6' : 'IPv4'
    if (i >= families.length) {
      if (fam === 'IPv6') errs.push(invalid(path('spec', 'clusterIPs').index(i), goStringSlice(spec.clusterIPs), 'IPv6 is not configured on this cluster'))
      else families.push(fam)
    }
    return false
  })
  if (errs.length) fail(name, errs)
  spec.ipFamilies = families
  if (spec.clusterIP === 'None' && Object.keys(spec.selector ?? {}).length === 0) {
    if (families.length === 0) families.push('IPv4')
    if (families.length < 2 && spec.ipFamilyPolicy !== 'SingleStack') families.push(families[0] === 'IPv4' ? 'IPv6' : 'IPv4')
    return
  }
  if (spec.ipFamilyPolicy === 'RequireDualStack') {
    errs.push(invalid(path('spec', 'ipFamilyPolicy'), policyValue, 'this cluster is not configured for dual-stack services'))
  }
  families.forEach((f, i) => { if (f !== 'IPv4') errs.push(invalid(path('spec', 'ipFamilies').index(i), f, 'not configured on this cluster')) })
  if (errs.length) fail(name, errs)
  if (families.length === 0) families.push('IPv4')
}

/** allocClusterIPs: the requested cluster IP or a random one from the upper band; none for headless/ExternalName. */
function allocClusterIPs(name: string, spec: ServiceSpec, alloc: Allocators, txn: Transaction): void {
  if (spec.type === 'ExternalName') return
  if (spec.clusterIPs?.[0] === 'None') return
  const requested: string = spec.clusterIPs?.[0] ?? ''
  let ip: string
  try {
    ip = alloc.serviceIPs.allocate(requested || undefined)
  } catch (e) {
    const err = allocError(e)
    if (!requested) throw new Failure(newInternalError(`failed to allocate a serviceIP: ${err.message}`))
    fail(name, [invalid(path('spec', 'clusterIPs'), goStringSlice(spec.clusterIPs), `failed to allocate IP ${requested}: ${err.message}`)])
  }
  txn.onRevert(() => alloc.serviceIPs.release(ip))
  spec.clusterIP = ip
  spec.clusterIPs = [ip, ...(spec.clusterIPs ?? []).slice(1)]
}

const shouldAllocateNodePorts = (spec: ServiceSpec) =>
  spec.type === 'NodePort' || (spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts !== false)

function allocPort(name: string, i: number, requested: number, alloc: Allocators, txn: Transaction): number {
  let port: number
  try {
    port = alloc.nodePorts.allocate(requested || undefined)
  } catch (e) {
    const err = allocError(e)
    if (!requested) throw new Failure(newInternalError(`failed to allocate a nodePort: ${err.message}`))
    fail(name, [invalid(path('spec', 'ports').index(i).child('nodePort'), requested, err.message)])
  }
  txn.onRevert(() => alloc.nodePorts.release(port))
  return port
}

/** initNodePorts: ports sharing a port number (TCP and UDP 53) share one node port. */
function initNodePorts(name: string, spec: ServiceSpec, alloc: Allocators, txn: Transaction): void {
  const ports: ServicePort[] = spec.ports ?? []
  const byPort = new Map<number, number>()
  ports.forEach((sp, i) => {
    if (!sp) return
    if (!sp.nodePort && !shouldAllocateNodePorts(spec)) return
    const allocated = byPort.get(sp.port) ?? 0
    if (!allocated) {
      const requested = ports.slice(i).find((p) => p?.port === sp.port && p?.nodePort)?.nodePort ?? 0
      sp.nodePort = allocPort(name, i, requested, alloc, txn)
      byPort.set(sp.port, sp.nodePort)
    } else if (sp.nodePort !== allocated) {
      if (!sp.nodePort) sp.nodePort = allocated
      else allocPort(name, i, sp.nodePort, alloc, txn)
    }
  })
}

function allocHealthCheckNodePort(spec: ServiceSpec, alloc: Allocators, txn: Transaction): void {
  const requested = spec.healthCheckNodePort ?? 0
  try {
    const port = alloc.nodePorts.allocate(requested || undefined)
    txn.onRevert(() => alloc.nodePorts.release(port))
    spec.healthCheckNodePort = port
  } catch (e) {
    const err = allocError(e)
    throw new Failure(newInternalError(requested
      ? `failed to allocate requested HealthCheck NodePort ${requested}: ${err.message}`
      : `failed to allocate a HealthCheck NodePort 0: ${err.message}`))
  }
}

function run(fn: () => void): StatusError | undefined {
  try {
    fn()
    return undefined
  } catch (e) {
    if (e instanceof Failure) return e.status
    throw e
  }
}

/** allocateCreate: families, cluster IP, node ports, health-check node port. Mutates svc.spec. */
export function allocateServiceCreate(svc: KubeObject, alloc: Allocators, txn: Transaction): StatusError | undefined {
  const name = svc.metadata.name
  const spec = svc.spec
  return run(() => {
    initIPFamilyFields(name, spec, undefined)
    allocClusterIPs(name, spec, alloc, txn)
    if (needsNodePort(spec)) initNodePorts(name, spec, alloc, txn)
    if (needsHealthCheck(spec)) allocHealthCheckNodePort(spec, alloc, txn)
  })
}

const nodePortsOf = (spec: ServiceSpec): number[] => (spec?.ports ?? []).map((p: ServicePort) => p?.nodePort ?? 0).filter((n: number) => n > 0)

/** allocateUpdate: handles type changes (ExternalName ↔ others, ClusterIP ↔ NodePort/LoadBalancer). */
export function allocateServiceUpdate(svc: KubeObject, oldSvc: KubeObject, alloc: Allocators, txn: Transaction): StatusError | undefined {
  const name = svc.metadata.name
  const spec = svc.spec
  const oldSpec = oldSvc.spec ?? {}
  return run(() => {
    initIPFamilyFields(name, spec, oldSpec)
    if (oldSpec.type === 'ExternalName' && spec.type !== 'ExternalName') allocClusterIPs(name, spec, alloc, txn)
    else if (oldSpec.type !== 'ExternalName' && spec.type === 'ExternalName' && oldSpec.clusterIPs?.[0] !== 'None') {
      for (const ip of oldSpec.clusterIPs ?? []) txn.onCommit(() => alloc.serviceIPs.release(ip))
    }
    const oldPorts = nodePortsOf(oldSpec)
    if (needsNodePort(oldSpec) && !needsNodePort(spec)) for (const p of oldPorts) txn.onCommit(() => alloc.nodePorts.release(p))
    if (needsNodePort(spec)) {
      const taken = new Set<number>()
      ;(spec.ports ?? []).forEach((sp: ServicePort, i: number) => {
        if (!sp || (!sp.nodePort && !shouldAllocateNodePorts(spec))) return
        if (sp.nodePort) {
          if (!oldPorts.includes(sp.nodePort) && !taken.has(sp.nodePort)) {
            allocPort(name, i, sp.nodePort, alloc, txn)
            taken.add(sp.nodePort)
          }
        } else {
          sp.nodePort = allocPort(name, i, 0, alloc, txn)
        }
      })
      const now = nodePortsOf(spec)
      for (const p of oldPorts) if (!now.includes(p)) txn.onCommit(() => alloc.nodePorts.release(p))
    }
    const hadHC = needsHealthCheck(oldSpec)
    const needsHC = needsHealthCheck(spec)
    if (!hadHC && needsHC) allocHealthCheckNodePort(spec, alloc, txn)
    else if (hadHC && !needsHC && oldSpec.healthCheckNodePort) {
      const old = oldSpec.healthCheckNodePort
      txn.onCommit(() => alloc.nodePorts.release(old))
    }
  })
}

/** Frees everything a deleted Service held (its cluster IPs, node ports and health-check node port). */
export function releaseService(svc: KubeObject, alloc: Allocators): void {
  const spec = svc.spec ?? {}
  if (spec.type !== 'ExternalName') {
    for (const ip of spec.clusterIPs ?? (spec.clusterIP ? [spec.clusterIP] : [])) if (ip && ip !== 'None') alloc.serviceIPs.release(ip)
  }
  for (const p of nodePortsOf(spec)) alloc.nodePorts.release(p)
  if (spec.healthCheckNodePort) alloc.nodePorts.release(spec.healthCheckNodePort)
}

