// Endpoints (core/v1) and EndpointSlice (discovery.k8s.io/v1) validation.
// Upstream: pkg/apis/core/validation/validation.go ValidateEndpoints / validateEndpointSubsets and
// pkg/apis/discovery/validation/validation.go ValidateEndpointSliceCreate (v1.32).
import type { KubeObject } from '../api/types.ts'
import { duplicate, invalid, notSupported, path, required, tooMany, type ErrorList, type FieldPath } from './field-errors.ts'
import { isValidIP, isValidIPv4Address, isIPv6, validateNonSpecialIP } from './ip.ts'
import { isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidPortNum, nameIsDNSSubdomain } from './names.ts'
import { validateObjectMeta } from './object-meta.ts'
import { supportedPortProtocols } from './service.ts'
import type { EndpointAddress, EndpointPort, EndpointSubset } from 'kubernetes-types/core/v1'
import type { Endpoint as SliceEndpoint, EndpointPort as SlicePort } from 'kubernetes-types/discovery/v1'

function validateEndpointAddress(addr: EndpointAddress | undefined, p: FieldPath): ErrorList {
  const ip = String(addr?.ip ?? '')
  const errs = isValidIP(p.child('ip'), ip)
  if (addr?.hostname) errs.push(...isDNS1123Label(addr.hostname).map((m) => invalid(p.child('hostname'), addr.hostname, m)))
  if (addr?.nodeName) errs.push(...isDNS1123Subdomain(addr.nodeName).map((m) => invalid(p.child('nodeName'), addr.nodeName, m)))
  errs.push(...validateNonSpecialIP(ip, p.child('ip')))
  return errs
}

function validateEndpointPort(port: EndpointPort | undefined, requireName: boolean, p: FieldPath): ErrorList {
  const errs: ErrorList = []
  if (requireName && !port?.name) errs.push(required(p.child('name')))
  else if (port?.name) errs.push(...isDNS1123Label(port.name).map((m) => invalid(p.child('name'), port.name, m)))
  const n = port?.port ?? 0
  errs.push(...isValidPortNum(n).map((m) => invalid(p.child('port'), n, m)))
  if (!port?.protocol) errs.push(required(p.child('protocol')))
  else if (!supportedPortProtocols.includes(port.protocol)) errs.push(notSupported(p.child('protocol'), port.protocol, supportedPortProtocols))
  if (port?.appProtocol !== undefined) errs.push(...isQualifiedName(port.appProtocol).map((m) => invalid(p.child('appProtocol'), port.appProtocol, m)))
  return errs
}

/** ValidateEndpoints: every subset needs addresses; IPs must be real, non-special addresses. */
export function validateEndpoints(ep: KubeObject): ErrorList {
  const errs = validateObjectMeta(ep.metadata, true, nameIsDNSSubdomain, path('metadata'))
  const subsets: EndpointSubset[] = Array.isArray(ep.subsets) ? ep.subsets : []
  subsets.forEach((ss, i) => {
    const sp = path('subsets').index(i)
    const addrs: EndpointAddress[] = ss?.addresses ?? []
    const notReady: EndpointAddress[] = ss?.notReadyAddresses ?? []
    if (!addrs.length && !notReady.length) errs.push(required(sp, 'must specify `addresses` or `notReadyAddresses`'))
    addrs.forEach((a, j) => errs.push(...validateEndpointAddress(a, sp.child('addresses').index(j))))
    notReady.forEach((a, j) => errs.push(...validateEndpointAddress(a, sp.child('notReadyAddresses').index(j))))
    const ports: EndpointPort[] = ss?.ports ?? []
    ports.forEach((port, j) => errs.push(...validateEndpointPort(port, ports.length > 1, sp.child('ports').index(j))))
  })
  return errs
}

const addressTypes = ['FQDN', 'IPv4', 'IPv6']

function validateSliceAddress(addressType: string, address: string, p: FieldPath): ErrorList {
  switch (addressType) {
    case 'IPv4': {
      const e = isValidIPv4Address(p, address)
      return e.length ? e : validateNonSpecialIP(address, p)
    }
    case 'IPv6': {
      const e = isIPv6(address) ? [] : [invalid(p, address, 'must be a valid IPv6 address')]
      return e.length ? e : validateNonSpecialIP(address, p)
    }
    case 'FQDN': {
      const name = address.replace(/\.$/, '')
      if (!name) return [required(p)]
      const msgs = isDNS1123Subdomain(name)
      if (msgs.length) return [invalid(p, name, msgs.join(','))]
      return name.split('.').length < 2 ? [invalid(p, name, 'should be a domain with at least two segments separated by dots')] : []
    }
    default:
      return []
  }
}

/** ValidateEndpointSliceCreate: endpoints (addresses per addressType), ports, then addressType itself. */
export function validateEndpointSlice(slice: KubeObject): ErrorList {
  const errs = validateObjectMeta(slice.metadata, true, nameIsDNSSubdomain, path('metadata'))
  const addressType = String(slice.addressType ?? '')
  const endpoints: SliceEndpoint[] = Array.isArray(slice.endpoints) ? slice.endpoints : []
  if (endpoints.length > 1000) errs.push(tooMany(path('endpoints'), endpoints.length, 1000))
  else endpoints.forEach((ep, i) => {
    const ip = path('endpoints').index(i)
    const addrs: string[] = ep?.addresses ?? []
    if (!addrs.length) errs.push(required(ip.child('addresses'), 'must contain at least 1 address'))
    else if (addrs.length > 100) errs.push(tooMany(ip.child('addresses'), addrs.length, 100))
    addrs.forEach((a, j) => errs.push(...validateSliceAddress(addressType, String(a), ip.child('addresses').index(j))))
    if (ep?.nodeName) errs.push(...isDNS1123Subdomain(ep.nodeName).map((m) => invalid(ip.child('nodeName'), ep.nodeName, m)))
    if (ep?.zone !== undefined) errs.push(...isDNS1123Label(ep.zone).map((m) => invalid(ip.child('zone'), ep.zone, m)))
    if (ep?.hostname !== undefined) errs.push(...isDNS1123Label(ep.hostname).map((m) => invalid(ip.child('hostname'), ep.hostname, m)))
  })
  const ports: SlicePort[] = Array.isArray(slice.ports) ? slice.ports : []
  const names = new Set<string>()
  ports.forEach((port, i) => {
    const pp = path('ports').index(i)
    const name = port?.name ?? ''
    if (name) errs.push(...isDNS1123Label(name).map((m) => invalid(pp.child('name'), name, m)))
    if (names.has(name)) errs.push(duplicate(pp.child('name'), name))
    else names.add(name)
    if (!port?.protocol) errs.push(required(pp.child('protocol')))
    else if (!supportedPortProtocols.includes(port.protocol)) errs.push(notSupported(pp.child('protocol'), port.protocol, supportedPortProtocols))
    if (port?.appProtocol !== undefined) errs.push(...isQualifiedName(port.appProtocol).map((m) => invalid(pp.child('appProtocol'), port.appProtocol, m)))
  })
  if (!addressType) errs.push(required(path('addressType')))
  else if (!addressTypes.includes(addressType)) errs.push(notSupported(path('addressType'), addressType, addressTypes))
  return errs
}
