// kind's own iptables layers on a node: kindnet's masquerade agent, docker's DNS rules as kind's entrypoint
// rewrites them, and the CNI portmap plugin's hostPort chains, in the tables and order a kind node's
// iptables-save shows them (kindnetd masq.go, kind entrypoint enable_network_magic, plugins portmap_iptables.go).
import { describe, expect, it } from 'vitest'
import { renderIptablesSave } from '../kube-proxy/iptables-save'
import { compileProxyRules } from '../kube-proxy/proxier'
import { tableLines } from '../kube-proxy/test-fixtures'
import { newNodeDataplaneState, traceNodePacket } from '../tracer'
import type { ProxierInput } from '../types'

const input: ProxierInput = {
  nodeName: 'kind-worker', nodeIPs: ['172.18.0.3'], clusterCIDR: '10.244.0.0/16', services: [], endpointSlices: [],
  kindMasqAgent: true,
  dockerDNS: () => ({ gateway: '172.18.0.1', tcpPort: 41955, udpPort: 56003 }),
  hostPorts: [{ nodeName: 'kind-worker', sandboxID: 'a'.repeat(64), podIP: '10.244.1.5', ports: [{ protocol: 'tcp', hostPort: 8080, containerPort: 80 }] }],
}
const nat = (i: ProxierInput) => tableLines(renderIptablesSave(compileProxyRules(i), { now: 0, table: 'nat' }), 'nat')

describe('a kind node\'s own chains', () => {
  it('orders the built-in chains\' jumps as they were made: portmap\'s prepended masquerade, kube-proxy, docker, kindnet, portmap\'s DNAT', () => {
    const lines = nat(input)
    expect(lines.filter((l) => l.startsWith('-A POSTROUTING'))).toEqual([
      '-A POSTROUTING -m comment --comment "CNI portfwd requiring masquerade" -j CNI-HOSTPORT-MASQ',
      '-A POSTROUTING -m comment --comment "kubernetes postrouting rules" -j KUBE-POSTROUTING',
      '-A POSTROUTING -d 172.18.0.1/32 -j DOCKER_POSTROUTING',
      '-A POSTROUTING -m addrtype ! --dst-type LOCAL -m comment --comment "kind-masq-agent: ensure nat POSTROUTING directs all non-LOCAL destination traffic to our custom KIND-MASQ-AGENT chain" -j KIND-MASQ-AGENT',
    ])
    expect(lines.filter((l) => l.startsWith('-A PREROUTING'))).toEqual([
      '-A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES',
      '-A PREROUTING -d 172.18.0.1/32 -j DOCKER_OUTPUT',
      '-A PREROUTING -m addrtype --dst-type LOCAL -j CNI-HOSTPORT-DNAT',
    ])
    expect(lines).toContain('-A DOCKER_OUTPUT -d 172.18.0.1/32 -p udp -m udp --dport 53 -j DNAT --to-destination 127.0.0.11:56003')
    expect(lines).toContain('-A DOCKER_POSTROUTING -s 127.0.0.11/32 -p udp -m udp --sport 56003 -j SNAT --to-source 172.18.0.1:53')
    expect(lines).toContain('-A CNI-HOSTPORT-SETMARK -m comment --comment "CNI portfwd masquerade mark" -j MARK --set-xmark 0x2000/0x2000')
    expect(lines).toContain('-A CNI-HOSTPORT-MASQ -m mark --mark 0x2000/0x2000 -j MASQUERADE')
  })

  it('names the per-sandbox chain CNI-DN- + sha512(network + id), cut to iptables\' 28 characters', () => {
    const dn = nat(input).find((l) => l.startsWith(':CNI-DN-'))!.split(' ')[0].slice(1)
    expect(dn).toHaveLength(28)
    expect(nat(input)).toContain(`-A CNI-HOSTPORT-DNAT -p tcp -m comment --comment "dnat name: \\"kindnet\\" id: \\"${'a'.repeat(64)}\\"" -m multiport --dports 8080 -j ${dn}`)
    expect(nat(input)).toContain(`-A ${dn} -s 10.244.1.5/32 -p tcp -m tcp --dport 8080 -j CNI-HOSTPORT-SETMARK`)
    expect(nat(input)).toContain(`-A ${dn} -s 127.0.0.1/32 -p tcp -m tcp --dport 8080 -j CNI-HOSTPORT-SETMARK`)
    expect(nat(input)).toContain(`-A ${dn} -p tcp -m tcp --dport 8080 -j DNAT --to-destination 10.244.1.5:80`)
  })

  it('has no portmap chains on a node without hostPort pods', () => {
    expect(nat({ ...input, nodeName: 'kind-worker2' }).some((l) => l.includes('CNI-'))).toBe(false)
  })

  it('traces a hostPort connection from the node itself through CNI-DN (masqueraded) and pod egress through KIND-MASQ-AGENT', () => {
    const rules = compileProxyRules(input)
    const opts = { random: { float: () => 0.5 }, now: 0, localAddresses: ['172.18.0.3', '10.244.1.1'] }
    const local = traceNodePacket(rules, newNodeDataplaneState(), { protocol: 'tcp', src: { ip: '127.0.0.1', port: 40000 }, dst: { ip: '127.0.0.1', port: 8080 }, origin: 'local' }, opts)
    expect(local.packetAfter.dst).toEqual({ ip: '10.244.1.5', port: 80 })
    expect(local.hops.map((h) => h.rule).filter((r) => r?.includes('MASQUERADE'))).toEqual(['-A CNI-HOSTPORT-MASQ -m mark --mark 0x2000/0x2000 -j MASQUERADE'])
    const out = traceNodePacket(rules, newNodeDataplaneState(), { protocol: 'tcp', src: { ip: '10.244.1.5', port: 40000 }, dst: { ip: '93.184.215.14', port: 443 }, origin: 'network' },
      { ...opts, egressAddress: () => '172.18.0.3' })
    expect(out.packetAfter.src.ip).toBe('172.18.0.3')
    expect(out.hops.at(-1)?.rule).toBe('-A KIND-MASQ-AGENT -m comment --comment "kind-masq-agent: outbound traffic is subject to MASQUERADE (must be last in chain)" -j MASQUERADE')
    const toPod = traceNodePacket(rules, newNodeDataplaneState(), { protocol: 'tcp', src: { ip: '10.244.1.5', port: 40001 }, dst: { ip: '10.244.2.7', port: 80 }, origin: 'network' }, opts)
    expect(toPod.verdict.snat).toBeUndefined()
  })
})
