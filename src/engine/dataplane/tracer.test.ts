// Packet-flow tests in the style of kube-proxy's proxier_test.go (runPacketFlowTest): table-driven
// {source, destination, port} → {endpoints, masquerade}, on a kind-like worker node.
import { describe, expect, it } from 'vitest'
import { SeededRandom } from '../sim/random'
import { renderConntrackList } from './conntrack'
import { slice, svc } from './kube-proxy/test-fixtures'
import { compileProxyRules } from './kube-proxy/proxier'
import { cidrContains } from './net/ipv4'
import { closeConnection, confirmConnection, newNodeDataplaneState, traceNodePacket } from './tracer'
import type { NodeDataplaneState, Packet, Protocol, TraceOptions } from './types'

const NODE_IP = '172.18.0.3' // kind-worker
const POD_GW = '10.244.1.1' // host side of kind-worker's pod veths
const ep = (ip: string, nodeName: string, ready = true) => ({ addresses: [ip], nodeName, conditions: { ready } })
const http = [{ name: 'http', port: 8080, protocol: 'TCP' }]
const nodePortSvc = (name: string, clusterIP: string, nodePort: number, extra: object = {}) =>
  svc('default', name, { type: 'NodePort', clusterIP, ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 8080, nodePort }], ...extra })

const lb = nodePortSvc('local-lb', '10.96.20.2', 30200, { type: 'LoadBalancer', externalTrafficPolicy: 'Local', healthCheckNodePort: 32000 })
;(lb as { status?: unknown }).status = { loadBalancer: { ingress: [{ ip: '172.18.255.200' }] } }

const rules = compileProxyRules({
  nodeName: 'kind-worker', nodeIPs: [NODE_IP], clusterCIDR: '10.244.0.0/16',
  services: [
    nodePortSvc('kubia', '10.96.12.7', 30123),
    lb,
    nodePortSvc('remote-only', '10.96.20.3', 30300, { externalTrafficPolicy: 'Local' }),
    svc('default', 'empty', { clusterIP: '10.96.0.50', selector: { app: 'none' }, ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 8080 }] }),
    svc('default', 'sticky', { clusterIP: '10.96.0.60', sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 600 } },
      ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 8080 }] }),
    svc('default', 'self', { clusterIP: '10.96.0.70', ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 8080 }] }),
  ],
  endpointSlices: [
    slice('default', 'kubia', [ep('10.244.1.2', 'kind-worker'), ep('10.244.2.2', 'kind-worker2'), ep('10.244.2.3', 'kind-worker2'), ep('10.244.2.9', 'kind-worker2', false)], http),
    slice('default', 'local-lb', [ep('10.244.1.5', 'kind-worker'), ep('10.244.2.5', 'kind-worker2')], http),
    slice('default', 'remote-only', [ep('10.244.2.6', 'kind-worker2')], http),
    slice('default', 'sticky', [ep('10.244.1.7', 'kind-worker'), ep('10.244.2.7', 'kind-worker2'), ep('10.244.2.8', 'kind-worker2')], http),
    slice('default', 'self', [ep('10.244.1.2', 'kind-worker')], http),
  ],
})

const opts = (seed: number, now = 1000): TraceOptions => ({
  random: new SeededRandom(seed), now, localAddresses: [NODE_IP, POD_GW],
  egressAddress: (dst) => (cidrContains('10.244.1.0/24', dst) ? POD_GW : NODE_IP),
})

let nextPort = 40000
const packet = (src: string, dst: string, port: number, origin: Packet['origin'] = 'network', protocol: Protocol = 'tcp', sport = nextPort++): Packet =>
  ({ protocol, src: { ip: src, port: sport }, dst: { ip: dst, port }, origin })

interface FlowCase {
  name: string
  sourceIP: string
  destIP: string
  destPort: number
  origin?: Packet['origin']
  /** Endpoints new connections may reach (over many seeds), or the verdict. */
  output: string[] | 'REJECT' | 'DROP' | 'LOCAL' | 'UNCHANGED'
  masq?: boolean
}

function runFlow(c: FlowCase) {
  const reached = new Set<string>()
  const masqs = new Set<boolean>()
  const outcomes = new Set<string>()
  // One seeded source for all draws, as the engine uses it (the first draw of SeededRandom(n) is the same for small n).
  const random = new SeededRandom(2024)
  for (let i = 0; i < 60; i++) {
    const r = traceNodePacket(rules, newNodeDataplaneState(), packet(c.sourceIP, c.destIP, c.destPort, c.origin), { ...opts(0), random })
    outcomes.add(r.verdict.outcome)
    if (r.verdict.dnat) reached.add(`${r.verdict.dnat.ip}:${r.verdict.dnat.port}`)
    masqs.add(r.verdict.snat !== undefined)
  }
  return { reached: [...reached].sort(), masqs: [...masqs], outcomes: [...outcomes] }
}

describe('packet flow on kind-worker', () => {
  const cases: FlowCase[] = [
    { name: 'pod to cluster IP', sourceIP: '10.244.1.9', destIP: '10.96.12.7', destPort: 80, output: ['10.244.1.2:8080', '10.244.2.2:8080', '10.244.2.3:8080'], masq: false },
    { name: 'remote pod to cluster IP', sourceIP: '10.244.2.9', destIP: '10.96.12.7', destPort: 80, output: ['10.244.1.2:8080', '10.244.2.2:8080', '10.244.2.3:8080'], masq: false },
    { name: 'node to cluster IP', sourceIP: NODE_IP, destIP: '10.96.12.7', destPort: 80, origin: 'local', output: ['10.244.1.2:8080', '10.244.2.2:8080', '10.244.2.3:8080'], masq: true },
    { name: 'outside to cluster IP (routed to the node)', sourceIP: '172.18.0.1', destIP: '10.96.12.7', destPort: 80, output: ['10.244.1.2:8080', '10.244.2.2:8080', '10.244.2.3:8080'], masq: true },
    { name: 'outside to NodePort, Cluster policy', sourceIP: '172.18.0.1', destIP: NODE_IP, destPort: 30123, output: ['10.244.1.2:8080', '10.244.2.2:8080', '10.244.2.3:8080'], masq: true },
    { name: 'node to its own NodePort', sourceIP: NODE_IP, destIP: NODE_IP, destPort: 30123, origin: 'local', output: ['10.244.1.2:8080', '10.244.2.2:8080', '10.244.2.3:8080'], masq: true },
    { name: 'node to localhost NodePort', sourceIP: '127.0.0.1', destIP: '127.0.0.1', destPort: 30123, origin: 'local', output: ['10.244.1.2:8080', '10.244.2.2:8080', '10.244.2.3:8080'], masq: true },
    { name: 'outside to NodePort, Local policy', sourceIP: '172.18.0.1', destIP: NODE_IP, destPort: 30200, output: ['10.244.1.5:8080'], masq: false },
    { name: 'outside to LB IP, Local policy', sourceIP: '172.18.0.1', destIP: '172.18.255.200', destPort: 80, output: ['10.244.1.5:8080'], masq: false },
    { name: 'pod to LB IP, Local policy (short-circuit to all endpoints)', sourceIP: '10.244.1.9', destIP: '172.18.255.200', destPort: 80, output: ['10.244.1.5:8080', '10.244.2.5:8080'], masq: false },
    { name: 'node to NodePort, Local policy (masqueraded, any endpoint)', sourceIP: NODE_IP, destIP: NODE_IP, destPort: 30200, origin: 'local', output: ['10.244.1.5:8080', '10.244.2.5:8080'], masq: true },
    { name: 'outside to NodePort, Local policy, no local endpoint', sourceIP: '172.18.0.1', destIP: NODE_IP, destPort: 30300, output: 'DROP' },
    { name: 'pod to NodePort of a Local service without local endpoint', sourceIP: '10.244.1.9', destIP: NODE_IP, destPort: 30300, output: ['10.244.2.6:8080'], masq: false },
    { name: 'pod to service without endpoints', sourceIP: '10.244.1.9', destIP: '10.96.0.50', destPort: 80, output: 'REJECT' },
    { name: 'node to service without endpoints', sourceIP: NODE_IP, destIP: '10.96.0.50', destPort: 80, origin: 'local', output: 'REJECT' },
    { name: 'pod to the targetPort of a cluster IP', sourceIP: '10.244.1.9', destIP: '10.96.12.7', destPort: 8080, output: 'UNCHANGED' },
    { name: 'outside to a port of the node nobody maps', sourceIP: '172.18.0.1', destIP: NODE_IP, destPort: 31999, output: 'LOCAL' },
    { name: 'outside to the health check node port', sourceIP: '172.18.0.1', destIP: NODE_IP, destPort: 32000, output: 'LOCAL' },
    { name: 'hairpin: a pod reaching itself through its service', sourceIP: '10.244.1.2', destIP: '10.96.0.70', destPort: 80, output: ['10.244.1.2:8080'], masq: true },
  ]

  it.each(cases)('$name', (c) => {
    const { reached, masqs, outcomes } = runFlow(c)
    if (Array.isArray(c.output)) {
      expect(outcomes).toEqual(['forward'])
      expect(reached).toEqual(c.output)
      expect(masqs).toEqual([c.masq])
    } else if (c.output === 'UNCHANGED') {
      expect({ outcomes, reached, masqs }).toEqual({ outcomes: ['forward'], reached: [], masqs: [false] })
    } else {
      expect(outcomes).toEqual([{ REJECT: 'reject', DROP: 'drop', LOCAL: 'local' }[c.output]])
      expect(reached).toEqual([])
    }
  })

  it('never sends traffic to a not-ready endpoint', () => {
    expect(runFlow({ name: '', sourceIP: '10.244.1.9', destIP: '10.96.12.7', destPort: 80, output: [] }).reached).not.toContain('10.244.2.9:8080')
  })

  it('names the rule of every hop and explains the masquerade', () => {
    const r = traceNodePacket(rules, newNodeDataplaneState(), packet('172.18.0.1', NODE_IP, 30123), opts(3))
    expect(r.hops.map((h) => h.action)).toEqual(['jump', 'jump', 'jump', 'mark-masq', 'jump', 'pick-endpoint', 'DNAT', 'jump', 'accept', 'jump', 'SNAT'])
    expect(r.hops.every((h) => h.rule?.startsWith('-A ') && h.at === 'node/kind-worker' && h.note.length > 0)).toBe(true)
    const dnat = r.hops.find((h) => h.action === 'DNAT')!
    expect(dnat.rule).toMatch(/^-A KUBE-SEP-\w{16} -p tcp -m comment --comment "default\/kubia:http" -m tcp -j DNAT --to-destination 10\.244\.\d\.\d:8080$/)
    expect(dnat).toMatchObject({ dst: `${NODE_IP}:30123`, dstAfter: r.verdict.dnat!.ip + ':8080' })
    const snat = r.hops.at(-1)!
    expect(snat.rule).toBe('-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully')
    expect(snat.srcAfter.split(':')[0]).toBe(r.verdict.dnat!.ip === '10.244.1.2' ? POD_GW : NODE_IP)
    expect(r.verdict.service).toBe('default/kubia:http')
  })

  it('reports the REJECT rule and the DROP rule', () => {
    const rej = traceNodePacket(rules, newNodeDataplaneState(), packet('10.244.1.9', '10.96.0.50', 80), opts(1))
    expect(rej.hops.at(-1)).toMatchObject({ action: 'reject', rule: '-A KUBE-SERVICES -d 10.96.0.50/32 -p tcp -m comment --comment "default/empty:http has no endpoints" -m tcp --dport 80 -j REJECT --reject-with icmp-port-unreachable' })
    const drop = traceNodePacket(rules, newNodeDataplaneState(), packet('172.18.0.1', NODE_IP, 30300), opts(1))
    expect(drop.hops.at(-1)).toMatchObject({ action: 'drop', rule: '-A KUBE-EXTERNAL-SERVICES -p tcp -m comment --comment "default/remote-only:http has no local endpoints" -m addrtype --dst-type LOCAL -m tcp --dport 30300 -j DROP' })
    expect(drop.entry).toBeUndefined()
  })

  it('lets ICMP to a cluster IP through untouched: a cluster IP does not answer ping', () => {
    const r = traceNodePacket(rules, newNodeDataplaneState(), packet('10.244.1.9', '10.96.12.7', 0, 'network', 'icmp', 0), opts(1))
    expect(r.verdict).toMatchObject({ outcome: 'forward', conntrack: 'untracked', dnat: undefined })
    expect(r.packetAfter.dst.ip).toBe('10.96.12.7')
  })
})

describe('conntrack', () => {
  it('keeps a keep-alive connection on one endpoint and un-NATs the replies', () => {
    const state = newNodeDataplaneState()
    const first = packet('10.244.1.9', '10.96.12.7', 80)
    const r1 = traceNodePacket(rules, state, first, opts(7))
    const chosen = r1.verdict.dnat!
    // The reply from the endpoint passes back through this node: established, source restored to the VIP.
    const reply = traceNodePacket(rules, state, { protocol: 'tcp', src: chosen, dst: first.src, origin: 'network' }, opts(7, 1001))
    expect(reply.verdict.conntrack).toBe('reply')
    expect(reply.packetAfter.src).toEqual({ ip: '10.96.12.7', port: 80 })
    for (let i = 0; i < 25; i++) {
      const again = traceNodePacket(rules, state, { ...first }, opts(100 + i, 1002 + i))
      expect(again.verdict).toMatchObject({ conntrack: 'established', dnat: chosen })
      expect(again.hops[0]).toMatchObject({ component: 'conntrack', action: 'DNAT', rule: null })
      expect(again.hops.some((h) => h.rule === '-A KUBE-FORWARD -m comment --comment "kubernetes forwarding conntrack rule" -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT')).toBe(true)
    }
    expect(state.conntrack.entries).toHaveLength(1)
  })

  it('spreads separate connections (new source ports) over the endpoints', () => {
    const state = newNodeDataplaneState()
    const random = new SeededRandom(11)
    const seen = new Set<string>()
    for (let i = 0; i < 30; i++) {
      const r = traceNodePacket(rules, state, packet('10.244.1.9', '10.96.12.7', 80), { ...opts(0), random })
      seen.add(r.verdict.dnat!.ip)
    }
    expect(seen.size).toBe(3)
    expect(state.conntrack.entries).toHaveLength(30)
  })

  it('prints conntrack -L lines', () => {
    const state = newNodeDataplaneState()
    const r = traceNodePacket(rules, state, packet('172.18.0.1', NODE_IP, 30200, 'network', 'tcp', 51000), opts(1, 1000))
    expect(renderConntrackList(state.conntrack, 1000)).toEqual({
      stdout: 'tcp      6 119 SYN_SENT src=172.18.0.1 dst=172.18.0.3 sport=51000 dport=30200 [UNREPLIED] src=10.244.1.5 dst=172.18.0.1 sport=8080 dport=51000 mark=0 use=1\n',
      stderr: 'conntrack v1.4.7 (conntrack-tools): 1 flow entries have been shown.\n',
    })
    confirmConnection(state, r.entry!, 1000)
    expect(renderConntrackList(state.conntrack, 1000).stdout).toBe(
      'tcp      6 431999 ESTABLISHED src=172.18.0.1 dst=172.18.0.3 sport=51000 dport=30200 src=10.244.1.5 dst=172.18.0.1 sport=8080 dport=51000 [ASSURED] mark=0 use=1\n')
    closeConnection(state, r.entry!, 1010)
    expect(renderConntrackList(state.conntrack, 1070).stdout).toMatch(/^tcp {6}6 59 TIME_WAIT src=172\.18\.0\.1 .* \[ASSURED\] mark=0 use=1\n$/)
    expect(renderConntrackList(state.conntrack, 1131)).toEqual({ stdout: '', stderr: 'conntrack v1.4.7 (conntrack-tools): 0 flow entries have been shown.\n' })
  })

  it('prints a UDP flow without a state', () => {
    const state = newNodeDataplaneState()
    const dnsRules = compileProxyRules({
      nodeName: 'kind-worker', nodeIPs: [NODE_IP], clusterCIDR: '10.244.0.0/16',
      services: [svc('kube-system', 'kube-dns', { clusterIP: '10.96.0.10', ports: [{ name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 }] })],
      endpointSlices: [slice('kube-system', 'kube-dns', [ep('10.244.0.3', 'kind-control-plane')], [{ name: 'dns', port: 53, protocol: 'UDP' }])],
    })
    traceNodePacket(dnsRules, state, packet('10.244.1.9', '10.96.0.10', 53, 'network', 'udp', 37001), opts(1, 500))
    expect(renderConntrackList(state.conntrack, 500).stdout).toBe(
      'udp      17 29 src=10.244.1.9 dst=10.96.0.10 sport=37001 dport=53 [UNREPLIED] src=10.244.0.3 dst=10.244.1.9 sport=53 dport=37001 mark=0 use=1\n')
  })
})

describe('session affinity (ClientIP)', () => {
  const random = new SeededRandom(99)
  const connect = (state: NodeDataplaneState, client: string, _seed: number, now: number) =>
    traceNodePacket(rules, state, packet(client, '10.96.0.60', 80), { ...opts(0, now), random })

  it('pins a client IP to one endpoint across new connections, for the affinity timeout', () => {
    const state = newNodeDataplaneState()
    const first = connect(state, '10.244.1.9', 1, 1000).verdict.dnat!
    for (let i = 0; i < 20; i++) {
      const r = connect(state, '10.244.1.9', 50 + i, 1000 + i * 10)
      expect(r.verdict.dnat).toEqual(first)
      expect(r.hops.find((h) => h.action === 'pick-endpoint')!.rule).toContain('-m recent --rcheck --seconds 600 --reap')
    }
    // Other clients still spread.
    const others = new Set(Array.from({ length: 30 }, (_, i) => connect(state, `10.244.2.${100 + i}`, 200 + i, 2000).verdict.dnat!.ip))
    expect(others.size).toBe(3)
  })

  it('forgets the client after the timeout (seconds counted from the last new connection)', () => {
    const state = newNodeDataplaneState()
    connect(state, '10.244.1.9', 1, 1000)
    const later = connect(state, '10.244.1.9', 2, 1000 + 601)
    expect(later.hops.find((h) => h.action === 'pick-endpoint')!.rule).not.toContain('--rcheck')
  })
})

describe('randomness', () => {
  it('picks each of 3 endpoints about 1/3 of the time', () => {
    const random = new SeededRandom(42)
    const counts = new Map<string, number>()
    const n = 12000
    for (let i = 0; i < n; i++) {
      const r = traceNodePacket(rules, newNodeDataplaneState(), packet('10.244.1.9', '10.96.12.7', 80, 'network', 'tcp', 1000 + (i % 60000)), { ...opts(0), random })
      counts.set(r.verdict.dnat!.ip, (counts.get(r.verdict.dnat!.ip) ?? 0) + 1)
    }
    expect(counts.size).toBe(3)
    for (const c of counts.values()) expect(Math.abs(c / n - 1 / 3)).toBeLessThan(0.02)
  })

  it('gives the same sequence for the same seed', () => {
    const run = (seed: number) => {
      const random = new SeededRandom(seed)
      return Array.from({ length: 40 }, (_, i) =>
        traceNodePacket(rules, newNodeDataplaneState(), packet('10.244.1.9', '10.96.12.7', 80, 'network', 'tcp', 2000 + i), { ...opts(0), random }).verdict.dnat!.ip)
    }
    expect(run(5)).toEqual(run(5))
    expect(run(5)).not.toEqual(run(6))
  })
})
