// `kubectl get endpoints` and `kubectl get endpointslices`.
// Source: printers.go formatEndpoints, formatDiscoveryPorts, formatDiscoveryEndpoints, listWithMoreString.
import type { TableSpec } from '../table.ts'
import { ageColumn, joinHostPort, listWithMore, nameColumn } from '../table.ts'
import type { Stored } from '../../../../engine/api/types.ts'
import type { EndpointAddress, EndpointSubset, Endpoints } from 'kubernetes-types/core/v1'
import type { Endpoint as SliceEndpoint, EndpointPort as SlicePort, EndpointSlice } from 'kubernetes-types/discovery/v1'

/** formatEndpoints: ready `ip:port` pairs of every subset, three at most, then `+ N more...`; `<none>` without subsets. */
export function formatEndpoints(endpoints: { subsets?: EndpointSubset[] }, ports?: Set<string>): string {
  const subsets: EndpointSubset[] = endpoints.subsets ?? []
  if (!subsets.length) return '<none>'
  const list: string[] = []
  const max = 3
  let more = false
  let count = 0
  for (const ss of subsets) {
    const addresses: EndpointAddress[] = ss.addresses ?? []
    if (!(ss.ports ?? []).length) {
      // Headless services may have no ports.
      count += addresses.length
      for (const addr of addresses) {
        if (list.length === max) { more = true; break }
        list.push(addr.ip)
      }
      continue
    }
    for (const port of ss.ports!) {
      if (ports && !ports.has(port.name ?? '')) continue
      count += addresses.length
      for (const addr of addresses) {
        if (list.length === max) { more = true; break }
        list.push(joinHostPort(addr.ip, port.port))
      }
    }
  }
  return listWithMore(list, more, count, max)
}

function withUnset(list: string[], more: boolean, count: number): string {
  return listWithMore(list, more, count) || '<unset>'
}

function formatDiscoveryPorts(ports: SlicePort[] | undefined): string {
  const list: string[] = []
  let more = false
  let count = 0
  for (const port of ports ?? []) {
    if (list.length < 3) list.push(port.port != null ? String(port.port) : (port.name ?? '*'))
    else if (list.length === 3) more = true
    count++
  }
  return withUnset(list, more, count)
}

function formatDiscoveryEndpoints(endpoints: SliceEndpoint[] | undefined): string {
  const list: string[] = []
  let more = false
  let count = 0
  for (const ep of endpoints ?? []) {
    for (const address of ep.addresses ?? []) {
      if (list.length < 3) list.push(address)
      else if (list.length === 3) more = true
      count++
    }
  }
  return withUnset(list, more, count)
}

export const ENDPOINTS_TABLE: TableSpec<Stored<Endpoints>> = [
  nameColumn,
  { header: 'ENDPOINTS', cell: (e) => formatEndpoints(e) },
  ageColumn,
]

export const ENDPOINT_SLICE_TABLE: TableSpec<Stored<EndpointSlice>> = [
  nameColumn,
  { header: 'ADDRESSTYPE', cell: (s) => s.addressType ?? '' },
  { header: 'PORTS', cell: (s) => formatDiscoveryPorts(s.ports) },
  { header: 'ENDPOINTS', cell: (s) => formatDiscoveryEndpoints(s.endpoints) },
  ageColumn,
]
