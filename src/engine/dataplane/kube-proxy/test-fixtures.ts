// Builders for Service and EndpointSlice objects in tests (the shapes the API store holds).
import type { EndpointSlice, Service } from '../../api/types'
import type { ProxierInput } from '../types'

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

/** The cluster of upstream's TestOverallIPTablesRules / TestOverallNFTablesRules (pkg/proxy/{iptables,nftables}/proxier_test.go). */
export const OVERALL: Pick<ProxierInput, 'services' | 'endpointSlices'> = {
  services: [
  svc('ns1', 'svc1', { clusterIP: '172.30.0.41', ports: [{ name: 'p80', port: 80, protocol: 'TCP' }] }),
  svc('ns2', 'svc2', {
    type: 'LoadBalancer', externalTrafficPolicy: 'Local', clusterIP: '172.30.0.42', externalIPs: ['192.168.99.22'],
    healthCheckNodePort: 30000, ports: [{ name: 'p80', port: 80, protocol: 'TCP', nodePort: 3001 }],
  }, { loadBalancer: { ingress: [{ ip: '1.2.3.4' }] } }),
  svc('ns3', 'svc3', { type: 'NodePort', clusterIP: '172.30.0.43', ports: [{ name: 'p80', port: 80, protocol: 'TCP', nodePort: 3003 }] }),
  svc('ns4', 'svc4', { type: 'NodePort', clusterIP: '172.30.0.44', externalIPs: ['192.168.99.33'], ports: [{ name: 'p80', port: 80, protocol: 'TCP', targetPort: 80 }] }),
  svc('ns5', 'svc5', {
    type: 'LoadBalancer', externalTrafficPolicy: 'Cluster', clusterIP: '172.30.0.45', healthCheckNodePort: 30000,
    loadBalancerSourceRanges: [' 203.0.113.0/25'], sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 10800 } },
    ports: [{ name: 'p80', port: 80, protocol: 'TCP', nodePort: 3002 }],
  }, { loadBalancer: { ingress: [{ ip: '5.6.7.8' }] } }),
  svc('ns6', 'svc6', { type: 'ClusterIP', clusterIP: '172.30.0.46', ports: [{ name: 'p80', port: 80, protocol: 'TCP', targetPort: 80 }] }),
  ],
  endpointSlices: [
  slice('ns1', 'svc1', [{ addresses: ['10.180.0.1'] }], [port('p80', 80)]),
  slice('ns2', 'svc2', [{ addresses: ['10.180.0.2'] }], [port('p80', 80)]),
  slice('ns3', 'svc3', [{ addresses: ['10.180.0.3'] }], [port('p80', 80)]),
  slice('ns4', 'svc4', [{ addresses: ['10.180.0.4'] }, { addresses: ['10.180.0.5'], nodeName: 'test-node' }], [port('p80', 80)]),
  slice('ns5', 'svc5', [{ addresses: ['10.180.0.3'] }], [port('p80', 80)]),
  ],
}
