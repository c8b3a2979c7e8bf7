// Builders for Service and EndpointSlice objects in tests (the shapes the API store holds).
import type { EndpointSlice, Service } from '../../api/types'

export function svc(ns: string, name: string, spec: NonNullable<Service['spec']>, status: Service['status'] = {}): Service {
  return { apiVersion: 'v1', kind: 'Service', metadata: { namespace: ns, name }, spec, status }
}

type SliceEndpoint = NonNullable<EndpointSlice['endpoints']>[number]

export function slice(ns: string, service: string, endpoints: SliceEndpoint[], ports: EndpointSlice['ports']): EndpointSlice {
  return {
    apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', addressType: 'IPv4',
    metadata: { namespace: ns, name: `${service}-x7k2p`, labels: { 'kubernetes.io/service-name': service } },
    endpoints, ports,
  }
}

export const port = (name: string, p: number, protocol = 'TCP') => ({ name, port: p, protocol })

/** Lines of one table of an iptables-save output, without the comment and COMMIT lines. */
export function tableLines(save: string, table: string): string[] {
  const start = save.indexOf(`*${table}\n`)
  const end = save.indexOf('COMMIT', start)
  return save.slice(start + table.length + 2, end).trim().split('\n')
}

/** Expected text written as an indented template: trims and drops blank lines. */
export function lines(text: string): string[] {
  return text.split('\n').map((l) => l.trim()).filter(Boolean)
}
