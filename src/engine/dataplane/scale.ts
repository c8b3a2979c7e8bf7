// Why nftables mode exists, as numbers: a synthetic cluster of N ClusterIP Services compiled by both
// proxiers, with the rules each programs and the rules the kernel tests for one new connection to the last
// Service (iptables walks KUBE-SERVICES rule by rule; nftables does one `service-ips` verdict-map lookup).
// Shared by the playground's chart and `bench/proxy-modes.ts`.
import type { EndpointSlice, Service } from '../api/types'
import { ruleCounts } from './compare'
import { compileProxyRulesForNodes } from './kube-proxy/proxier'
import { newNodeDataplaneState, traceNodePacket } from './tracer'
import type { ProxierInput } from './types'

export const SCALE_NODE = { nodeName: 'kind-worker', nodeIPs: ['172.18.0.3'] }

/** n ClusterIP Services of two endpoints each, named so that the last one is last in KUBE-SERVICES too. */
export function syntheticServices(n: number): Pick<ProxierInput, 'services' | 'endpointSlices' | 'clusterCIDR' | 'serviceCIDR'> {
  const services: Service[] = []
  const endpointSlices: EndpointSlice[] = []
  for (let i = 0; i < n; i++) {
    const name = `svc-${String(i).padStart(4, '0')}`
    const ip = `10.96.${Math.floor(i / 250)}.${(i % 250) + 2}`
    services.push({ apiVersion: 'v1', kind: 'Service', metadata: { namespace: 'default', name }, spec: { clusterIP: ip, ports: [{ port: 80, protocol: 'TCP' }] }, status: {} })
    endpointSlices.push({
      apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', addressType: 'IPv4',
      metadata: { namespace: 'default', name: `${name}-abcde`, labels: { 'kubernetes.io/service-name': name } },
      endpoints: [{ addresses: [`10.244.${1 + (i % 2)}.${(i % 250) + 2}`], nodeName: 'kind-worker' }, { addresses: [`10.244.3.${(i % 250) + 2}`], nodeName: 'kind-worker2' }],
      ports: [{ name: '', port: 8080, protocol: 'TCP' }],
    })
  }
  return { services, endpointSlices, clusterCIDR: '10.244.0.0/16', serviceCIDR: '10.96.0.0/16' }
}

interface ModeCost {
  /** Rules in the node's rule set. */
  rules: number
  /** nftables' map and set elements (where its Services live instead of rules). */
  elements: number
  /** Rules the kernel tests for one new connection from a pod to the last Service's cluster IP. */
  tested: number
}

export interface ScalePoint { services: number; iptables: ModeCost; nftables: ModeCost }

/** A fixed draw (the benchmark's): the same walk every time, the first of the two endpoints. */
const DRAW = { float: () => 0.42 }

export function proxyModeCost(n: number, mode: 'iptables' | 'nftables'): ModeCost {
  const base = syntheticServices(n)
  const rules = compileProxyRulesForNodes({ ...base, proxyMode: mode }, [SCALE_NODE]).get(SCALE_NODE.nodeName)!
  const evaluations = { count: 0 }
  const last = base.services[n - 1].spec!.clusterIP!
  traceNodePacket(rules, newNodeDataplaneState(), { protocol: 'tcp', src: { ip: '10.244.1.9', port: 40000 }, dst: { ip: last, port: 80 }, origin: 'network' },
    { random: DRAW, now: 0, localAddresses: SCALE_NODE.nodeIPs, evaluations })
  return { ...ruleCounts(rules), tested: evaluations.count }
}

export function proxyModeScale(counts: number[]): ScalePoint[] {
  return counts.map((n) => ({ services: n, iptables: proxyModeCost(n, 'iptables'), nftables: proxyModeCost(n, 'nftables') }))
}
