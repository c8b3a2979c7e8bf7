// The nftables proxier against kube-proxy's own expectations: pkg/proxy/nftables/proxier_test.go
// (TestOverallNFTablesRules, its `add rule`/`add element` lines rewritten as `nft list` prints them) and its
// packet flow tests (TestNoEndpointsReject, TestClusterIPGeneral), run through kubehop's tracer.
import { describe, expect, it } from 'vitest'
import { compileProxyRules } from '../kube-proxy/proxier'
import { OVERALL, port, slice, svc } from '../kube-proxy/test-fixtures'
import { newNodeDataplaneState, traceNodePacket } from '../tracer'
import type { L4Protocol, NodeRules, ProxierInput } from '../types'
import { renderNftTable } from './list'
import { elementText } from './text'
import type { NftTable } from './types'

const base: Omit<ProxierInput, 'services' | 'endpointSlices'> = {
  nodeName: 'test-node', nodeIPs: ['192.168.0.2'], clusterCIDR: '10.0.0.0/8', serviceCIDR: '172.30.0.0/16', proxyMode: 'nftables',
}
const overall: ProxierInput = {
  ...base,
  ...OVERALL,
}

const nftOf = (input: ProxierInput): NftTable => compileProxyRules(input).nft!
/** `chain: rule` for every rule, and `map: element` for every element, as upstream's dump lists them. */
function dump(t: NftTable): Set<string> {
  const out = new Set<string>()
  for (const c of t.chains) for (const r of c.rules) out.add(`${c.name} ${r.text}`)
  for (const s of t.sets) for (const e of s.elements) out.add(`${s.name} { ${elementText(e)} }`)
  return out
}

describe('proxier_test.go TestOverallNFTablesRules', () => {
  const t = nftOf(overall)
  const d = dump(t)
  // The expected lines, in the upstream order, with `add rule ip kube-proxy ` / `add element ip kube-proxy ` removed.
  const expected = [
    'cluster-ips-check ip daddr @cluster-ips reject comment "Reject traffic to invalid ports of ClusterIPs"',
    'cluster-ips-check ip daddr 172.30.0.0/16 drop comment "Drop traffic to unallocated ClusterIPs"',
    'filter-prerouting-pre-dnat ct state new jump firewall-check',
    'filter-forward ct state new jump service-endpoints-check',
    'filter-forward ct state new jump cluster-ips-check',
    'filter-input ct state new jump nodeport-endpoints-check',
    'filter-input ct state new jump service-endpoints-check',
    'filter-output ct state new jump service-endpoints-check',
    'filter-output-pre-dnat ct state new jump firewall-check',
    'filter-output ct state new jump cluster-ips-check',
    'firewall-check ip daddr . meta l4proto . th dport vmap @firewall-ips',
    'mark-for-masquerade meta mark set meta mark | 0x00004000',
    'masquerading meta mark & 0x00004000 == 0x00000000 return',
    'masquerading meta mark set meta mark ^ 0x00004000',
    'masquerading masquerade fully-random',
    'nat-output jump services',
    'nat-postrouting jump masquerading',
    'nat-prerouting jump services',
    'nodeport-endpoints-check ip daddr @nodeport-ips meta l4proto . th dport vmap @no-endpoint-nodeports',
    'reject-chain reject',
    'services ip daddr . meta l4proto . th dport vmap @service-ips',
    'services ip daddr @nodeport-ips meta l4proto . th dport vmap @service-nodeports',
    'nodeport-ips { 192.168.0.2 }',
    'service-endpoints-check ip daddr . meta l4proto . th dport vmap @no-endpoint-services',
    // svc1
    'service-ULMVA6XW-ns1/svc1/tcp/p80 ip daddr 172.30.0.41 ip saddr != 10.0.0.0/8 jump mark-for-masquerade',
    'service-ULMVA6XW-ns1/svc1/tcp/p80 numgen random mod 1 vmap { 0 : goto endpoint-5OJB2KTY-ns1/svc1/tcp/p80__10.180.0.1/80 }',
    'endpoint-5OJB2KTY-ns1/svc1/tcp/p80__10.180.0.1/80 ip saddr 10.180.0.1 jump mark-for-masquerade',
    'endpoint-5OJB2KTY-ns1/svc1/tcp/p80__10.180.0.1/80 meta l4proto tcp dnat to 10.180.0.1:80',
    'cluster-ips { 172.30.0.41 }',
    'service-ips { 172.30.0.41 . tcp . 80 : goto service-ULMVA6XW-ns1/svc1/tcp/p80 }',
    // svc2
    'service-42NFTM6N-ns2/svc2/tcp/p80 ip daddr 172.30.0.42 ip saddr != 10.0.0.0/8 jump mark-for-masquerade',
    'service-42NFTM6N-ns2/svc2/tcp/p80 numgen random mod 1 vmap { 0 : goto endpoint-SGOXE6O3-ns2/svc2/tcp/p80__10.180.0.2/80 }',
    'external-42NFTM6N-ns2/svc2/tcp/p80 ip saddr 10.0.0.0/8 goto service-42NFTM6N-ns2/svc2/tcp/p80 comment "short-circuit pod traffic"',
    'external-42NFTM6N-ns2/svc2/tcp/p80 fib saddr type local jump mark-for-masquerade comment "masquerade local traffic"',
    'external-42NFTM6N-ns2/svc2/tcp/p80 fib saddr type local goto service-42NFTM6N-ns2/svc2/tcp/p80 comment "short-circuit local traffic"',
    'endpoint-SGOXE6O3-ns2/svc2/tcp/p80__10.180.0.2/80 ip saddr 10.180.0.2 jump mark-for-masquerade',
    'endpoint-SGOXE6O3-ns2/svc2/tcp/p80__10.180.0.2/80 meta l4proto tcp dnat to 10.180.0.2:80',
    'cluster-ips { 172.30.0.42 }',
    'service-ips { 172.30.0.42 . tcp . 80 : goto service-42NFTM6N-ns2/svc2/tcp/p80 }',
    'service-ips { 192.168.99.22 . tcp . 80 : goto external-42NFTM6N-ns2/svc2/tcp/p80 }',
    'service-ips { 1.2.3.4 . tcp . 80 : goto external-42NFTM6N-ns2/svc2/tcp/p80 }',
    'service-nodeports { tcp . 3001 : goto external-42NFTM6N-ns2/svc2/tcp/p80 }',
    'no-endpoint-nodeports { tcp . 3001 comment "ns2/svc2:p80" : drop }',
    'no-endpoint-services { 1.2.3.4 . tcp . 80 comment "ns2/svc2:p80" : drop }',
    'no-endpoint-services { 192.168.99.22 . tcp . 80 comment "ns2/svc2:p80" : drop }',
    // svc3
    'service-4AT6LBPK-ns3/svc3/tcp/p80 ip daddr 172.30.0.43 ip saddr != 10.0.0.0/8 jump mark-for-masquerade',
    'external-4AT6LBPK-ns3/svc3/tcp/p80 jump mark-for-masquerade',
    'external-4AT6LBPK-ns3/svc3/tcp/p80 goto service-4AT6LBPK-ns3/svc3/tcp/p80',
    'endpoint-UEIP74TE-ns3/svc3/tcp/p80__10.180.0.3/80 meta l4proto tcp dnat to 10.180.0.3:80',
    'service-nodeports { tcp . 3003 : goto external-4AT6LBPK-ns3/svc3/tcp/p80 }',
    // svc4
    'service-LAUZTJTB-ns4/svc4/tcp/p80 numgen random mod 2 vmap { 0 : goto endpoint-UNZV3OEC-ns4/svc4/tcp/p80__10.180.0.4/80, 1 : goto endpoint-5RFCDDV7-ns4/svc4/tcp/p80__10.180.0.5/80 }',
    'service-ips { 192.168.99.33 . tcp . 80 : goto external-LAUZTJTB-ns4/svc4/tcp/p80 }',
    // svc5
    'service-HVFWP5L3-ns5/svc5/tcp/p80 ip saddr @affinity-GTK6MW7G-ns5/svc5/tcp/p80__10.180.0.3/80 goto endpoint-GTK6MW7G-ns5/svc5/tcp/p80__10.180.0.3/80',
    'endpoint-GTK6MW7G-ns5/svc5/tcp/p80__10.180.0.3/80 update @affinity-GTK6MW7G-ns5/svc5/tcp/p80__10.180.0.3/80 { ip saddr }',
    'firewall-HVFWP5L3-ns5/svc5/tcp/p80 ip saddr != 203.0.113.0/25 drop',
    'service-ips { 5.6.7.8 . tcp . 80 : goto external-HVFWP5L3-ns5/svc5/tcp/p80 }',
    'service-nodeports { tcp . 3002 : goto external-HVFWP5L3-ns5/svc5/tcp/p80 }',
    'firewall-ips { 5.6.7.8 . tcp . 80 : goto firewall-HVFWP5L3-ns5/svc5/tcp/p80 }',
    // svc6
    'cluster-ips { 172.30.0.46 }',
    'no-endpoint-services { 172.30.0.46 . tcp . 80 comment "ns6/svc6:p80" : goto reject-chain }',
  ]

  it.each(expected)('has %s', (line) => expect(d).toContain(line))

  it('writes nothing upstream does not: the rule and element counts match its dump', () => {
    const rules = t.chains.reduce((n, c) => n + c.rules.length, 0)
    const elements = t.sets.reduce((n, s) => n + s.elements.length, 0)
    // Upstream's dump: 23 base rules, then 4, 7, 6, 8, 9 and 0 rules for svc1..svc6; 1 nodeport-ips element, then 2, 8, 3, 3, 5 and 2.
    expect(rules).toBe(23 + 4 + 7 + 6 + 8 + 9 + 0)
    expect(elements).toBe(1 + 2 + 8 + 3 + 3 + 5 + 2)
  })

  it('creates the affinity set with its timeout and lists it as nft does', () => {
    const text = renderNftTable(t)
    expect(text).toContain('\tset affinity-GTK6MW7G-ns5/svc5/tcp/p80__10.180.0.3/80 {\n\t\ttype ipv4_addr\n\t\tflags dynamic,timeout\n\t\ttimeout 3h\n\t}')
    expect(text).toContain('\tchain nat-prerouting {\n\t\ttype nat hook prerouting priority dstnat; policy accept;\n\t\tjump services\n\t}')
    expect(text).toContain('\tchain filter-prerouting-pre-dnat {\n\t\ttype filter hook prerouting priority dstnat - 10; policy accept;')
  })

  it('leaves no KUBE-* chain in iptables (kubelet\'s remain)', () => {
    const rules = compileProxyRules(overall)
    const names = Object.values(rules.tables).flatMap((t) => t.chains.map((c) => c.name))
    expect(names.filter((n) => n.startsWith('KUBE-'))).toEqual(['KUBE-IPTABLES-HINT', 'KUBE-KUBELET-CANARY', 'KUBE-FIREWALL', 'KUBE-KUBELET-CANARY', 'KUBE-KUBELET-CANARY'])
  })
})

/** upstream's runPacketFlowTests: where a new connection ends up, and whether it was masqueraded. */
function flow(rules: NodeRules, src: string, dst: string, dport: number, protocol: L4Protocol = 'tcp', seed = 0.3) {
  let n = seed
  const random = { float: () => { n = (n + 0.37) % 1; return n } }
  const local = ['192.168.0.2', '192.168.1.2', '192.168.99.11'].includes(dst)
  const r = traceNodePacket(rules, newNodeDataplaneState(), { protocol, src: { ip: src, port: 40000 }, dst: { ip: dst, port: dport }, origin: 'network' },
    { random, now: 0, localAddresses: ['192.168.0.2', '192.168.1.2', '192.168.99.11'], egressAddress: () => '192.168.0.2' })
  void local
  if (r.verdict.outcome === 'reject') return 'REJECT'
  if (r.verdict.outcome === 'drop') return 'DROP'
  return `${r.packetAfter.dst.ip}:${r.packetAfter.dst.port}${r.verdict.snat ? ' masq' : ''}`
}

describe('proxier_test.go packet flows', () => {
  it('TestNoEndpointsReject: every address of a service without endpoints rejects', () => {
    const rules = compileProxyRules({
      ...base,
      services: [svc('ns1', 'svc1', { type: 'LoadBalancer', clusterIP: '172.30.0.41', externalIPs: ['192.168.99.11'], ports: [{ name: 'p80', port: 80, protocol: 'TCP', nodePort: 3001 }] },
        { loadBalancer: { ingress: [{ ip: '1.2.3.4' }] } })],
      endpointSlices: [],
    })
    expect(flow(rules, '10.0.0.2', '172.30.0.41', 80)).toBe('REJECT')
    expect(flow(rules, '203.0.113.2', '192.168.99.11', 80)).toBe('REJECT')
    expect(flow(rules, '10.0.0.2', '192.168.0.2', 3001)).toBe('REJECT')
    expect(flow(rules, '203.0.113.2', '192.168.0.2', 3001)).toBe('REJECT')
    expect(flow(rules, '10.0.0.2', '1.2.3.4', 80)).toBe('REJECT')
  })

  it('TestClusterIPGeneral: hairpin masquerades, wrong ports reject, unallocated cluster IPs drop', () => {
    const rules = compileProxyRules({
      ...base,
      services: [
        svc('ns1', 'svc1', { clusterIP: '172.30.0.41', ports: [{ name: 'http', port: 80, protocol: 'TCP' }] }),
        svc('ns2', 'svc2', { clusterIP: '172.30.0.42', ports: [{ name: 'http', port: 80, protocol: 'TCP' }, { name: 'dns-udp', port: 53, protocol: 'UDP' }] }),
      ],
      endpointSlices: [
        slice('ns1', 'svc1', [{ addresses: ['10.180.0.1'], nodeName: 'test-node' }], [port('http', 80)]),
        slice('ns2', 'svc2', [{ addresses: ['10.180.0.1'], nodeName: 'test-node' }, { addresses: ['10.180.2.1'], nodeName: 'node2' }], [port('http', 80), port('dns-udp', 53, 'UDP')]),
      ],
    })
    expect(flow(rules, '10.180.0.2', '172.30.0.41', 80)).toBe('10.180.0.1:80')
    expect(flow(rules, '10.180.0.1', '172.30.0.41', 80)).toBe('10.180.0.1:80 masq')
    const picks = new Set([0.1, 0.5, 0.8].map((s) => flow(rules, '10.180.0.2', '172.30.0.42', 80, 'tcp', s)))
    expect(picks).toEqual(new Set(['10.180.0.1:80', '10.180.2.1:80']))
    expect(flow(rules, '10.180.0.2', '172.30.0.42', 80, 'udp')).toBe('REJECT')
    expect(flow(rules, '10.180.0.2', '172.30.0.41', 443)).toBe('REJECT')
    expect(flow(rules, '10.180.0.2', '172.30.0.50', 80)).toBe('DROP')
  })

  it('TestOverall: external clients to a node port are masqueraded; Local policy without local endpoints drops; source ranges filter', () => {
    const rules = compileProxyRules(overall)
    expect(flow(rules, '203.0.113.2', '192.168.0.2', 3003)).toBe('10.180.0.3:80 masq')
    expect(flow(rules, '203.0.113.2', '192.168.0.2', 3001)).toBe('DROP')
    expect(flow(rules, '10.0.0.2', '1.2.3.4', 80)).toBe('10.180.0.2:80')
    expect(flow(rules, '203.0.113.2', '5.6.7.8', 80)).toBe('10.180.0.3:80 masq')
    expect(flow(rules, '203.0.113.130', '5.6.7.8', 80)).toBe('DROP')
  })

  it('names the map element that decided in the trace', () => {
    const rules = compileProxyRules(overall)
    const r = traceNodePacket(rules, newNodeDataplaneState(), { protocol: 'tcp', src: { ip: '10.0.0.2', port: 40000 }, dst: { ip: '172.30.0.41', port: 80 }, origin: 'network' },
      { random: { float: () => 0.5 }, now: 0, localAddresses: ['192.168.0.2'] })
    const rulesSeen = r.hops.map((h) => h.rule)
    expect(rulesSeen).toContain('ip daddr . meta l4proto . th dport vmap @service-ips → 172.30.0.41 . tcp . 80 : goto service-ULMVA6XW-ns1/svc1/tcp/p80')
    expect(rulesSeen).toContain('meta l4proto tcp dnat to 10.180.0.1:80')
    expect(r.verdict.service).toBe('ns1/svc1:p80')
  })
})
