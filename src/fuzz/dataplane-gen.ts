// Generators for the data plane's property tests: random Services (every type, both traffic policies,
// affinity) with EndpointSlices whose endpoints are ready, not ready or terminating, on this node or
// another, and packets aimed at cluster IPs, node ports, load-balancer IPs or nowhere in particular.
import fc from 'fast-check'
import type { EndpointSlice, Service } from '../engine/api/types.ts'
import type { Packet } from '../engine/dataplane/types.ts'

export const NODE = { name: 'kind-worker', ip: '172.18.0.3', podCIDR: '10.244.1.0/24', gateway: '10.244.1.1' }
const OTHER_NODES = ['kind-worker2', 'kind-control-plane']

interface GenEndpoint { ip: string; node: string; ready: boolean; serving: boolean; terminating: boolean }
export interface GenService {
  service: Service
  slice: EndpointSlice
  endpoints: GenEndpoint[]
  clusterIP: string
  port: number
  targetPort: number
  nodePort?: number
  lbIP?: string
}

const endpointGen = fc.record({
  local: fc.boolean(), host: fc.integer({ min: 2, max: 250 }), ready: fc.boolean(), serving: fc.boolean(), terminating: fc.boolean(),
}).map(({ local, host, ready, serving, terminating }): GenEndpoint => ({
  ip: local ? `10.244.1.${host}` : `10.244.2.${host}`, node: local ? NODE.name : OTHER_NODES[host % 2],
  // A ready endpoint is always serving and never terminating (EndpointSlice conditions as the controller writes them).
  ready: ready && !terminating, serving: ready && !terminating ? true : serving, terminating,
}))

const serviceGen = (index: number) => fc.record({
  type: fc.constantFrom('ClusterIP', 'NodePort', 'LoadBalancer'),
  policy: fc.constantFrom('Cluster', 'Local'),
  internalLocal: fc.boolean(),
  affinity: fc.boolean(),
  protocol: fc.constantFrom('TCP', 'TCP', 'UDP'),
  port: fc.constantFrom(80, 443, 8080),
  targetPort: fc.constantFrom(80, 8080, 9376),
  endpoints: fc.uniqueArray(endpointGen, { maxLength: 5, selector: (e) => e.ip }),
  namespace: fc.constantFrom('default', 'prod'),
}).map((r): GenService => {
  const clusterIP = `10.96.${1 + index}.${10 + index}`
  const external = r.type !== 'ClusterIP'
  const nodePort = external ? 30000 + index * 7 : undefined
  const lbIP = r.type === 'LoadBalancer' ? `172.18.255.${200 + index}` : undefined
  const name = `svc-${index}`
  const service: Service = {
    apiVersion: 'v1', kind: 'Service', metadata: { namespace: r.namespace, name },
    spec: {
      type: r.type, clusterIP, clusterIPs: [clusterIP], selector: { app: name },
      ports: [{ name: 'p', port: r.port, targetPort: r.targetPort, protocol: r.protocol, ...(nodePort ? { nodePort } : {}) }],
      ...(external ? { externalTrafficPolicy: r.policy } : {}),
      ...(r.internalLocal ? { internalTrafficPolicy: 'Local' } : {}),
      ...(r.affinity ? { sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 10800 } } } : {}),
      ...(r.type === 'LoadBalancer' && r.policy === 'Local' ? { healthCheckNodePort: 32000 + index } : {}),
    },
    status: lbIP ? { loadBalancer: { ingress: [{ ip: lbIP }] } } : {},
  } as Service
  const slice: EndpointSlice = {
    apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', addressType: 'IPv4',
    metadata: { namespace: r.namespace, name: `${name}-abcde`, labels: { 'kubernetes.io/service-name': name } },
    endpoints: r.endpoints.map((e) => ({ addresses: [e.ip], nodeName: e.node, conditions: { ready: e.ready, serving: e.serving, terminating: e.terminating } })),
    ports: [{ name: 'p', port: r.targetPort, protocol: r.protocol }],
  } as EndpointSlice
  return { service, slice, endpoints: r.endpoints, clusterIP, port: r.port, targetPort: r.targetPort, nodePort, lbIP }
})

export const servicesGen: fc.Arbitrary<GenService[]> = fc.integer({ min: 1, max: 6 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => serviceGen(i))))

export interface PacketCase { packet: Packet; target: string }

type Aim = 'clusterIP' | 'nodePort' | 'lb' | 'wrongPort' | 'random'
type From = 'localPod' | 'remotePod' | 'node' | 'external' | 'localhost'

/** A packet at one of the services (cluster IP, node port, LB IP), or at something no rule knows; `aims` and
 * `froms` narrow it to the cases a property is about (an outside client at a node port, a pod at a cluster IP). */
export const packetFor = (services: GenService[], aims: Aim[] = ['clusterIP', 'clusterIP', 'nodePort', 'lb', 'wrongPort', 'random'],
  froms: From[] = ['localPod', 'remotePod', 'node', 'external', 'localhost']): fc.Arbitrary<PacketCase> => fc.record({
  svc: fc.integer({ min: 0, max: services.length - 1 }),
  aim: fc.constantFrom(...aims),
  from: fc.constantFrom(...froms),
  sport: fc.integer({ min: 1024, max: 65535 }),
  protocol: fc.constantFrom<'tcp' | 'udp' | 'icmp'>('tcp', 'tcp', 'udp', 'icmp'),
}).map(({ svc, aim, from, sport, protocol }): PacketCase => {
  const s = services[svc]
  const src = { localPod: '10.244.1.77', remotePod: '10.244.2.77', node: NODE.ip, external: '203.0.113.10', localhost: '127.0.0.1' }[from]
  let dst = { ip: s.clusterIP, port: s.port }
  if (aim === 'nodePort') dst = { ip: from === 'localhost' ? '127.0.0.1' : NODE.ip, port: s.nodePort ?? 30999 }
  if (aim === 'lb') dst = { ip: s.lbIP ?? '172.18.255.250', port: s.port }
  if (aim === 'wrongPort') dst = { ip: s.clusterIP, port: 1 }
  if (aim === 'random') dst = { ip: '10.96.250.250', port: 80 }
  const origin: Packet['origin'] = from === 'node' || from === 'localhost' ? 'local' : 'network'
  return { packet: { protocol, src: { ip: src, port: protocol === 'icmp' ? 0 : sport }, dst: protocol === 'icmp' ? { ip: dst.ip, port: 0 } : dst, origin }, target: `${from}→${aim}/${s.service.metadata!.name}` }
})
