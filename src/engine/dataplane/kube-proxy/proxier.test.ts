// Rule-for-rule comparisons with iptables-save text. Expectations come from kube-proxy's proxier_test.go
// (TestOverallIPTablesRules, rewritten in iptables-save's canonical argument order) and from a real kind node.
import { describe, expect, it } from 'vitest'
import { renderIptablesSave } from './iptables-save'
import { compileProxyRules, compileProxyRulesForNodes } from './proxier'
import { OVERALL, lines, port, slice, svc, tableLines } from './test-fixtures'
import type { ProxierInput } from '../types'

const NOW = Date.UTC(2026, 0, 1, 9) / 1000
const save = (input: ProxierInput, table: 'nat' | 'filter') => tableLines(renderIptablesSave(compileProxyRules(input), { now: NOW, table }), table)
const KIND = { nodeName: 'kind-worker', nodeIPs: ['172.18.0.3'], clusterCIDR: '10.244.0.0/16' }
const rulesOf = (all: string[], prefix: string) => all.filter((l) => l.startsWith(`-A ${prefix}`))

describe('proxier_test.go TestOverallIPTablesRules', () => {
  const input: ProxierInput = {
    nodeName: 'test-node', nodeIPs: ['192.168.0.2'], clusterCIDR: '10.0.0.0/8',
    ...OVERALL,
  }

  it('programs the filter table', () => {
    expect(save(input, 'filter')).toEqual(lines(`
      :INPUT ACCEPT [0:0]
      :FORWARD ACCEPT [0:0]
      :OUTPUT ACCEPT [0:0]
      :KUBE-EXTERNAL-SERVICES - [0:0]
      :KUBE-FIREWALL - [0:0]
      :KUBE-FORWARD - [0:0]
      :KUBE-KUBELET-CANARY - [0:0]
      :KUBE-NODEPORTS - [0:0]
      :KUBE-PROXY-CANARY - [0:0]
      :KUBE-PROXY-FIREWALL - [0:0]
      :KUBE-SERVICES - [0:0]
      -A INPUT -m conntrack --ctstate NEW -m comment --comment "kubernetes load balancer firewall" -j KUBE-PROXY-FIREWALL
      -A INPUT -m comment --comment "kubernetes health check service ports" -j KUBE-NODEPORTS
      -A INPUT -m conntrack --ctstate NEW -m comment --comment "kubernetes externally-visible service portals" -j KUBE-EXTERNAL-SERVICES
      -A INPUT -j KUBE-FIREWALL
      -A FORWARD -m conntrack --ctstate NEW -m comment --comment "kubernetes load balancer firewall" -j KUBE-PROXY-FIREWALL
      -A FORWARD -m comment --comment "kubernetes forwarding rules" -j KUBE-FORWARD
      -A FORWARD -m conntrack --ctstate NEW -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
      -A FORWARD -m conntrack --ctstate NEW -m comment --comment "kubernetes externally-visible service portals" -j KUBE-EXTERNAL-SERVICES
      -A OUTPUT -m conntrack --ctstate NEW -m comment --comment "kubernetes load balancer firewall" -j KUBE-PROXY-FIREWALL
      -A OUTPUT -m conntrack --ctstate NEW -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
      -A OUTPUT -j KUBE-FIREWALL
      -A KUBE-EXTERNAL-SERVICES -d 192.168.99.22/32 -p tcp -m comment --comment "ns2/svc2:p80 has no local endpoints" -m tcp --dport 80 -j DROP
      -A KUBE-EXTERNAL-SERVICES -d 1.2.3.4/32 -p tcp -m comment --comment "ns2/svc2:p80 has no local endpoints" -m tcp --dport 80 -j DROP
      -A KUBE-EXTERNAL-SERVICES -p tcp -m comment --comment "ns2/svc2:p80 has no local endpoints" -m addrtype --dst-type LOCAL -m tcp --dport 3001 -j DROP
      -A KUBE-FIREWALL ! -s 127.0.0.0/8 -d 127.0.0.0/8 -m comment --comment "block incoming localnet connections" -m conntrack ! --ctstate RELATED,ESTABLISHED,DNAT -j DROP
      -A KUBE-FORWARD -m conntrack --ctstate INVALID -m nfacct --nfacct-name  ct_state_invalid_dropped_pkts -j DROP
      -A KUBE-FORWARD -m comment --comment "kubernetes forwarding rules" -m mark --mark 0x4000/0x4000 -j ACCEPT
      -A KUBE-FORWARD -m comment --comment "kubernetes forwarding conntrack rule" -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
      -A KUBE-NODEPORTS -p tcp -m comment --comment "ns2/svc2:p80 health check node port" -m tcp --dport 30000 -j ACCEPT
      -A KUBE-PROXY-FIREWALL -d 5.6.7.8/32 -p tcp -m comment --comment "ns5/svc5:p80 traffic not accepted by KUBE-FW-NUKIZ6OKUXPJNT4C" -m tcp --dport 80 -j DROP
      -A KUBE-SERVICES -d 172.30.0.46/32 -p tcp -m comment --comment "ns6/svc6:p80 has no endpoints" -m tcp --dport 80 -j REJECT --reject-with icmp-port-unreachable
    `))
  })

  it('programs the nat table', () => {
    const nat = save(input, 'nat')
    expect(nat.filter((l) => l.startsWith(':KUBE-') && !l.includes('CANARY'))).toEqual(lines(`
      :KUBE-EXT-4SW47YFZTEDKD3PK - [0:0]
      :KUBE-EXT-GNZBNJ2PO5MGZ6GT - [0:0]
      :KUBE-EXT-NUKIZ6OKUXPJNT4C - [0:0]
      :KUBE-EXT-X27LE4BHSL4DOUIK - [0:0]
      :KUBE-FW-NUKIZ6OKUXPJNT4C - [0:0]
      :KUBE-MARK-MASQ - [0:0]
      :KUBE-NODEPORTS - [0:0]
      :KUBE-POSTROUTING - [0:0]
      :KUBE-SEP-C6EBXVWJJZMIWKLZ - [0:0]
      :KUBE-SEP-I77PXRDZVX7PMWMN - [0:0]
      :KUBE-SEP-OYPFS5VJICHGATKP - [0:0]
      :KUBE-SEP-RS4RBKLTHTF2IUXJ - [0:0]
      :KUBE-SEP-SXIVWICOYRO3J4NJ - [0:0]
      :KUBE-SEP-UKSFD7AGPMPPLUHC - [0:0]
      :KUBE-SERVICES - [0:0]
      :KUBE-SVC-4SW47YFZTEDKD3PK - [0:0]
      :KUBE-SVC-GNZBNJ2PO5MGZ6GT - [0:0]
      :KUBE-SVC-NUKIZ6OKUXPJNT4C - [0:0]
      :KUBE-SVC-X27LE4BHSL4DOUIK - [0:0]
      :KUBE-SVC-XPGD46QRK7WJZT7O - [0:0]
    `))
    expect(rulesOf(nat, 'KUBE-SERVICES')).toEqual(lines(`
      -A KUBE-SERVICES -d 172.30.0.41/32 -p tcp -m comment --comment "ns1/svc1:p80 cluster IP" -m tcp --dport 80 -j KUBE-SVC-XPGD46QRK7WJZT7O
      -A KUBE-SERVICES -d 172.30.0.42/32 -p tcp -m comment --comment "ns2/svc2:p80 cluster IP" -m tcp --dport 80 -j KUBE-SVC-GNZBNJ2PO5MGZ6GT
      -A KUBE-SERVICES -d 192.168.99.22/32 -p tcp -m comment --comment "ns2/svc2:p80 external IP" -m tcp --dport 80 -j KUBE-EXT-GNZBNJ2PO5MGZ6GT
      -A KUBE-SERVICES -d 1.2.3.4/32 -p tcp -m comment --comment "ns2/svc2:p80 loadbalancer IP" -m tcp --dport 80 -j KUBE-EXT-GNZBNJ2PO5MGZ6GT
      -A KUBE-SERVICES -d 172.30.0.43/32 -p tcp -m comment --comment "ns3/svc3:p80 cluster IP" -m tcp --dport 80 -j KUBE-SVC-X27LE4BHSL4DOUIK
      -A KUBE-SERVICES -d 172.30.0.44/32 -p tcp -m comment --comment "ns4/svc4:p80 cluster IP" -m tcp --dport 80 -j KUBE-SVC-4SW47YFZTEDKD3PK
      -A KUBE-SERVICES -d 192.168.99.33/32 -p tcp -m comment --comment "ns4/svc4:p80 external IP" -m tcp --dport 80 -j KUBE-EXT-4SW47YFZTEDKD3PK
      -A KUBE-SERVICES -d 172.30.0.45/32 -p tcp -m comment --comment "ns5/svc5:p80 cluster IP" -m tcp --dport 80 -j KUBE-SVC-NUKIZ6OKUXPJNT4C
      -A KUBE-SERVICES -d 5.6.7.8/32 -p tcp -m comment --comment "ns5/svc5:p80 loadbalancer IP" -m tcp --dport 80 -j KUBE-FW-NUKIZ6OKUXPJNT4C
      -A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS
    `))
    expect(rulesOf(nat, 'KUBE-EXT-GNZBNJ2PO5MGZ6GT')).toEqual(lines(`
      -A KUBE-EXT-GNZBNJ2PO5MGZ6GT -s 10.0.0.0/8 -m comment --comment "pod traffic for ns2/svc2:p80 external destinations" -j KUBE-SVC-GNZBNJ2PO5MGZ6GT
      -A KUBE-EXT-GNZBNJ2PO5MGZ6GT -m comment --comment "masquerade LOCAL traffic for ns2/svc2:p80 external destinations" -m addrtype --src-type LOCAL -j KUBE-MARK-MASQ
      -A KUBE-EXT-GNZBNJ2PO5MGZ6GT -m comment --comment "route LOCAL traffic for ns2/svc2:p80 external destinations" -m addrtype --src-type LOCAL -j KUBE-SVC-GNZBNJ2PO5MGZ6GT
    `))
    expect(rulesOf(nat, 'KUBE-FW-')).toEqual(lines(`
      -A KUBE-FW-NUKIZ6OKUXPJNT4C -s 203.0.113.0/25 -m comment --comment "ns5/svc5:p80 loadbalancer IP" -j KUBE-EXT-NUKIZ6OKUXPJNT4C
      -A KUBE-FW-NUKIZ6OKUXPJNT4C -m comment --comment "other traffic to ns5/svc5:p80 will be dropped by KUBE-PROXY-FIREWALL"
    `))
    expect(rulesOf(nat, 'KUBE-NODEPORTS')).toEqual(lines(`
      -A KUBE-NODEPORTS -d 127.0.0.0/8 -p tcp -m comment --comment "ns2/svc2:p80" -m tcp --dport 3001 -m nfacct --nfacct-name  localhost_nps_accepted_pkts -j KUBE-EXT-GNZBNJ2PO5MGZ6GT
      -A KUBE-NODEPORTS -p tcp -m comment --comment "ns2/svc2:p80" -m tcp --dport 3001 -j KUBE-EXT-GNZBNJ2PO5MGZ6GT
      -A KUBE-NODEPORTS -d 127.0.0.0/8 -p tcp -m comment --comment "ns3/svc3:p80" -m tcp --dport 3003 -m nfacct --nfacct-name  localhost_nps_accepted_pkts -j KUBE-EXT-X27LE4BHSL4DOUIK
      -A KUBE-NODEPORTS -p tcp -m comment --comment "ns3/svc3:p80" -m tcp --dport 3003 -j KUBE-EXT-X27LE4BHSL4DOUIK
      -A KUBE-NODEPORTS -d 127.0.0.0/8 -p tcp -m comment --comment "ns5/svc5:p80" -m tcp --dport 3002 -m nfacct --nfacct-name  localhost_nps_accepted_pkts -j KUBE-EXT-NUKIZ6OKUXPJNT4C
      -A KUBE-NODEPORTS -p tcp -m comment --comment "ns5/svc5:p80" -m tcp --dport 3002 -j KUBE-EXT-NUKIZ6OKUXPJNT4C
    `))
    expect(rulesOf(nat, 'KUBE-POSTROUTING').concat(rulesOf(nat, 'KUBE-MARK-MASQ'))).toEqual(lines(`
      -A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN
      -A KUBE-POSTROUTING -j MARK --set-xmark 0x4000/0x0
      -A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully
      -A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000
    `))
  })

  it('writes session affinity as recent --rcheck before the cascade and recent --set in the endpoint chain', () => {
    const nat = save(input, 'nat')
    expect(rulesOf(nat, 'KUBE-SVC-NUKIZ6OKUXPJNT4C').concat(rulesOf(nat, 'KUBE-SEP-I77PXRDZVX7PMWMN'))).toEqual(lines(`
      -A KUBE-SVC-NUKIZ6OKUXPJNT4C ! -s 10.0.0.0/8 -d 172.30.0.45/32 -p tcp -m comment --comment "ns5/svc5:p80 cluster IP" -m tcp --dport 80 -j KUBE-MARK-MASQ
      -A KUBE-SVC-NUKIZ6OKUXPJNT4C -m comment --comment "ns5/svc5:p80 -> 10.180.0.3:80" -m recent --rcheck --seconds 10800 --reap --name KUBE-SEP-I77PXRDZVX7PMWMN --mask 255.255.255.255 --rsource -j KUBE-SEP-I77PXRDZVX7PMWMN
      -A KUBE-SVC-NUKIZ6OKUXPJNT4C -m comment --comment "ns5/svc5:p80 -> 10.180.0.3:80" -j KUBE-SEP-I77PXRDZVX7PMWMN
      -A KUBE-SEP-I77PXRDZVX7PMWMN -s 10.180.0.3/32 -m comment --comment "ns5/svc5:p80" -j KUBE-MARK-MASQ
      -A KUBE-SEP-I77PXRDZVX7PMWMN -p tcp -m comment --comment "ns5/svc5:p80" -m recent --set --name KUBE-SEP-I77PXRDZVX7PMWMN --mask 255.255.255.255 --rsource -m tcp -j DNAT --to-destination 10.180.0.3:80
    `))
  })
})

describe('kind-style services', () => {
  it('ClusterIP with 2 endpoints matches a kind node\'s iptables-save', () => {
    const nat = save({
      ...KIND,
      services: [svc('default', 'my-nginx', { clusterIP: '10.96.86.215', ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }] })],
      endpointSlices: [slice('default', 'my-nginx', [
        { addresses: ['10.244.3.3'], nodeName: 'kind-worker2', conditions: { ready: true } },
        { addresses: ['10.244.2.3'], nodeName: 'kind-worker3', conditions: { ready: true } },
      ], [{ name: '', port: 80, protocol: 'TCP' }])],
    }, 'nat')
    // Copied from `iptables -t nat -S` on a kind worker (the same rules iptables-save prints).
    expect([...rulesOf(nat, 'KUBE-SEP'), ...rulesOf(nat, 'KUBE-SERVICES'), ...rulesOf(nat, 'KUBE-SVC')]).toEqual(lines(`
      -A KUBE-SEP-MEZP33SDGZXSPSO5 -s 10.244.3.3/32 -m comment --comment "default/my-nginx" -j KUBE-MARK-MASQ
      -A KUBE-SEP-MEZP33SDGZXSPSO5 -p tcp -m comment --comment "default/my-nginx" -m tcp -j DNAT --to-destination 10.244.3.3:80
      -A KUBE-SEP-TIQJFJVSHRJZTTZW -s 10.244.2.3/32 -m comment --comment "default/my-nginx" -j KUBE-MARK-MASQ
      -A KUBE-SEP-TIQJFJVSHRJZTTZW -p tcp -m comment --comment "default/my-nginx" -m tcp -j DNAT --to-destination 10.244.2.3:80
      -A KUBE-SERVICES -d 10.96.86.215/32 -p tcp -m comment --comment "default/my-nginx cluster IP" -m tcp --dport 80 -j KUBE-SVC-L65ENXXZWWSAPRCR
      -A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS
      -A KUBE-SVC-L65ENXXZWWSAPRCR ! -s 10.244.0.0/16 -d 10.96.86.215/32 -p tcp -m comment --comment "default/my-nginx cluster IP" -m tcp --dport 80 -j KUBE-MARK-MASQ
      -A KUBE-SVC-L65ENXXZWWSAPRCR -m comment --comment "default/my-nginx -> 10.244.2.3:80" -m statistic --mode random --probability 0.50000000000 -j KUBE-SEP-TIQJFJVSHRJZTTZW
      -A KUBE-SVC-L65ENXXZWWSAPRCR -m comment --comment "default/my-nginx -> 10.244.3.3:80" -j KUBE-SEP-MEZP33SDGZXSPSO5
    `))
  })

  const kubia = (extra: object = {}, ready = [true, true, true]) => ({
    ...KIND,
    services: [svc('default', 'kubia', {
      type: 'NodePort', clusterIP: '10.96.12.7', ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 8080, nodePort: 30123 }], ...extra,
    })],
    endpointSlices: [slice('default', 'kubia', [
      { addresses: ['10.244.1.2'], nodeName: 'kind-worker', conditions: { ready: ready[0] } },
      { addresses: ['10.244.2.2'], nodeName: 'kind-worker2', conditions: { ready: ready[1] } },
      { addresses: ['10.244.2.3'], nodeName: 'kind-worker2', conditions: { ready: ready[2] } },
    ], [port('http', 8080)])],
  })

  it('NodePort: node port rules, EXT chain masquerade, 1/3–1/2 cascade', () => {
    const nat = save(kubia(), 'nat')
    const svcChain = nat.find((l) => l.startsWith(':KUBE-SVC-'))!.slice(1, 26)
    const ext = svcChain.replace('KUBE-SVC-', 'KUBE-EXT-')
    expect(rulesOf(nat, 'KUBE-NODEPORTS')).toEqual([
      `-A KUBE-NODEPORTS -d 127.0.0.0/8 -p tcp -m comment --comment "default/kubia:http" -m tcp --dport 30123 -m nfacct --nfacct-name  localhost_nps_accepted_pkts -j ${ext}`,
      `-A KUBE-NODEPORTS -p tcp -m comment --comment "default/kubia:http" -m tcp --dport 30123 -j ${ext}`,
    ])
    expect(rulesOf(nat, ext)).toEqual([
      `-A ${ext} -m comment --comment "masquerade traffic for default/kubia:http external destinations" -j KUBE-MARK-MASQ`,
      `-A ${ext} -j ${svcChain}`,
    ])
    const cascade = rulesOf(nat, svcChain).slice(1).map((l) => l.replace(/KUBE-SEP-\w+/, 'SEP'))
    expect(cascade).toEqual([
      `-A ${svcChain} -m comment --comment "default/kubia:http -> 10.244.1.2:8080" -m statistic --mode random --probability 0.33333333349 -j SEP`,
      `-A ${svcChain} -m comment --comment "default/kubia:http -> 10.244.2.2:8080" -m statistic --mode random --probability 0.50000000000 -j SEP`,
      `-A ${svcChain} -m comment --comment "default/kubia:http -> 10.244.2.3:8080" -j SEP`,
    ])
  })

  it('leaves not-ready endpoints out and rejects when none is ready', () => {
    expect(rulesOf(save(kubia({}, [false, true, false]), 'nat'), 'KUBE-SEP').map((l) => l.split(' --to-destination ')[1]).filter(Boolean)).toEqual(['10.244.2.2:8080'])
    const filter = save(kubia({}, [false, false, false]), 'filter')
    expect([...rulesOf(filter, 'KUBE-SERVICES'), ...rulesOf(filter, 'KUBE-EXTERNAL-SERVICES')]).toEqual(lines(`
      -A KUBE-SERVICES -d 10.96.12.7/32 -p tcp -m comment --comment "default/kubia:http has no endpoints" -m tcp --dport 80 -j REJECT --reject-with icmp-port-unreachable
      -A KUBE-EXTERNAL-SERVICES -p tcp -m comment --comment "default/kubia:http has no endpoints" -m addrtype --dst-type LOCAL -m tcp --dport 30123 -j REJECT --reject-with icmp-port-unreachable
    `))
    expect(save(kubia({}, [false, false, false]), 'nat').filter((l) => /KUBE-(SVC|SEP|EXT)/.test(l))).toEqual([])
  })

  it('uses serving terminating endpoints when no endpoint is ready', () => {
    const input = kubia()
    input.endpointSlices[0].endpoints = [{ addresses: ['10.244.1.9'], nodeName: 'kind-worker', conditions: { ready: false, serving: true, terminating: true } }]
    expect(save(input, 'nat').some((l) => l.includes('--to-destination 10.244.1.9:8080'))).toBe(true)
  })

  it('LoadBalancer + externalTrafficPolicy Local: KUBE-EXT short-circuits, KUBE-SVL holds local endpoints only', () => {
    const input = kubia({ type: 'LoadBalancer', externalTrafficPolicy: 'Local', healthCheckNodePort: 31999 })
    ;(input.services[0] as { status?: unknown }).status = { loadBalancer: { ingress: [{ ip: '172.18.255.200', ipMode: 'VIP' }] } }
    const nat = save(input, 'nat')
    const h = nat.find((l) => l.startsWith(':KUBE-SVC-'))!.slice(10, 26)
    expect(rulesOf(nat, `KUBE-EXT-${h}`)).toEqual([
      `-A KUBE-EXT-${h} -s 10.244.0.0/16 -m comment --comment "pod traffic for default/kubia:http external destinations" -j KUBE-SVC-${h}`,
      `-A KUBE-EXT-${h} -m comment --comment "masquerade LOCAL traffic for default/kubia:http external destinations" -m addrtype --src-type LOCAL -j KUBE-MARK-MASQ`,
      `-A KUBE-EXT-${h} -m comment --comment "route LOCAL traffic for default/kubia:http external destinations" -m addrtype --src-type LOCAL -j KUBE-SVC-${h}`,
      `-A KUBE-EXT-${h} -j KUBE-SVL-${h}`,
    ])
    expect(rulesOf(nat, `KUBE-SVL-${h}`).map((l) => l.replace(/KUBE-SEP-\w+/, 'SEP'))).toEqual([
      `-A KUBE-SVL-${h} -m comment --comment "default/kubia:http -> 10.244.1.2:8080" -j SEP`,
    ])
    expect(rulesOf(nat, 'KUBE-SERVICES')[1]).toBe(
      `-A KUBE-SERVICES -d 172.18.255.200/32 -p tcp -m comment --comment "default/kubia:http loadbalancer IP" -m tcp --dport 80 -j KUBE-EXT-${h}`)
    expect(rulesOf(save(input, 'filter'), 'KUBE-NODEPORTS')).toEqual([
      '-A KUBE-NODEPORTS -p tcp -m comment --comment "default/kubia:http health check node port" -m tcp --dport 31999 -j ACCEPT',
    ])
    // On a node without a local endpoint, external traffic is dropped in the filter table.
    const other = save({ ...input, nodeName: 'kind-control-plane' }, 'filter')
    expect(rulesOf(other, 'KUBE-EXTERNAL-SERVICES')).toEqual(lines(`
      -A KUBE-EXTERNAL-SERVICES -d 172.18.255.200/32 -p tcp -m comment --comment "default/kubia:http has no local endpoints" -m tcp --dport 80 -j DROP
      -A KUBE-EXTERNAL-SERVICES -p tcp -m comment --comment "default/kubia:http has no local endpoints" -m addrtype --dst-type LOCAL -m tcp --dport 30123 -j DROP
    `))
  })

  it('sessionAffinity ClientIP with the default timeout', () => {
    const nat = save(kubia({ type: 'ClusterIP', sessionAffinity: 'ClientIP', ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 8080 }] }), 'nat')
    const h = nat.find((l) => l.startsWith(':KUBE-SVC-'))!.slice(10, 26)
    const svcRules = rulesOf(nat, `KUBE-SVC-${h}`)
    expect(svcRules).toHaveLength(1 + 3 + 3)
    expect(svcRules[1]).toMatch(/^-A KUBE-SVC-\w+ -m comment --comment "default\/kubia:http -> 10.244.1.2:8080" -m recent --rcheck --seconds 10800 --reap --name (KUBE-SEP-\w+) --mask 255.255.255.255 --rsource -j \1$/)
    expect(rulesOf(nat, 'KUBE-NODEPORTS')).toEqual([])
  })

  it('skips headless and ExternalName services', () => {
    const rules = compileProxyRules({
      ...KIND,
      services: [svc('default', 'h', { clusterIP: 'None', ports: [{ port: 80 }] }), svc('default', 'e', { type: 'ExternalName', externalName: 'example.com' })],
      endpointSlices: [],
    })
    expect(rules.tables.nat.chains.some((c) => c.name.startsWith('KUBE-SVC-'))).toBe(false)
  })
})

describe('renderIptablesSave', () => {
  it('prints headers, mangle/filter/nat order and footers', () => {
    const out = renderIptablesSave(compileProxyRules({ ...KIND, services: [], endpointSlices: [] }), { now: NOW })
    expect(out.split('\n').filter((l) => l.startsWith('#') || l.startsWith('*') || l === 'COMMIT')).toEqual([
      '# Generated by iptables-save v1.8.9 (nf_tables) on Thu Jan  1 09:00:00 2026', '*mangle', 'COMMIT', '# Completed on Thu Jan  1 09:00:00 2026',
      '# Generated by iptables-save v1.8.9 (nf_tables) on Thu Jan  1 09:00:00 2026', '*filter', 'COMMIT', '# Completed on Thu Jan  1 09:00:00 2026',
      '# Generated by iptables-save v1.8.9 (nf_tables) on Thu Jan  1 09:00:00 2026', '*nat', 'COMMIT', '# Completed on Thu Jan  1 09:00:00 2026',
    ])
    expect(out.endsWith('\n')).toBe(true)
  })

  it('adds KIND-MASQ-AGENT when asked', () => {
    const nat = save({ ...KIND, kindMasqAgent: true, services: [], endpointSlices: [] }, 'nat')
    expect(nat).toContain('-A POSTROUTING -m addrtype ! --dst-type LOCAL -m comment --comment "kind-masq-agent: ensure nat POSTROUTING directs all non-LOCAL destination traffic to our custom KIND-MASQ-AGENT chain" -j KIND-MASQ-AGENT')
    expect(nat).toContain('-A KIND-MASQ-AGENT -d 10.244.0.0/16 -m comment --comment "kind-masq-agent: local traffic is not subject to MASQUERADE" -j RETURN')
  })
})

describe('compileProxyRulesForNodes', () => {
  const ep = (ip: string, nodeName: string) => ({ addresses: [ip], nodeName, conditions: { ready: true } })
  const http = [port('http', 8080)]
  const services = [
    svc('default', 'cluster', { clusterIP: '10.96.0.10', ports: [{ name: 'http', port: 80, protocol: 'TCP' }] }),
    svc('default', 'local', { type: 'LoadBalancer', externalTrafficPolicy: 'Local', clusterIP: '10.96.0.11', healthCheckNodePort: 32000,
      loadBalancerSourceRanges: ['172.18.0.3/32', '203.0.113.0/24'], ports: [{ name: 'http', port: 80, protocol: 'TCP', nodePort: 30011 }] },
    { loadBalancer: { ingress: [{ ip: '172.18.255.1' }] } }),
    svc('default', 'internal-local', { clusterIP: '10.96.0.12', internalTrafficPolicy: 'Local', ports: [{ name: 'http', port: 80, protocol: 'TCP' }] }),
  ]
  const endpointSlices = [
    slice('default', 'cluster', [ep('10.244.1.2', 'kind-worker'), ep('10.244.2.2', 'kind-worker2')], http),
    slice('default', 'local', [ep('10.244.1.3', 'kind-worker'), ep('10.244.2.3', 'kind-worker2'), ep('10.244.2.4', 'kind-worker2')], http),
    slice('default', 'internal-local', [ep('10.244.2.5', 'kind-worker2')], http),
  ]
  const nodes = [
    { nodeName: 'kind-control-plane', nodeIPs: ['172.18.0.2'] },
    { nodeName: 'kind-worker', nodeIPs: ['172.18.0.3'] },
    { nodeName: 'kind-worker2', nodeIPs: ['172.18.0.4'] },
    { nodeName: 'kind-worker3', nodeIPs: ['172.18.0.5'] },
  ]

  it('gives every node the rules compileProxyRules gives it alone, sharing the tables of nodes whose rules are the same', () => {
    const all = compileProxyRulesForNodes({ clusterCIDR: '10.244.0.0/16', services, endpointSlices }, nodes)
    for (const n of nodes) {
      const alone = compileProxyRules({ ...n, clusterCIDR: '10.244.0.0/16', services, endpointSlices })
      expect(renderIptablesSave(all.get(n.nodeName)!, { now: NOW }), n.nodeName).toBe(renderIptablesSave(alone, { now: NOW }))
    }
    // No local endpoint and no source range holding the node IP: the control plane and worker3 have the same rules.
    expect(all.get('kind-control-plane')!.tables).toBe(all.get('kind-worker3')!.tables)
    expect(all.get('kind-worker')!.tables).not.toBe(all.get('kind-worker2')!.tables)
    expect(save({ ...KIND, services, endpointSlices }, 'nat').some((l) => l.startsWith('-A KUBE-FW-'))).toBe(true)
  })

  it('shares the chains that are the same between nodes whose tables differ (kind: docker\'s DNS ports per node)', () => {
    const dockerDNS = (nodeName: string) => ({ gateway: '172.18.0.1', tcpPort: 40000 + nodeName.length, udpPort: 50000 + nodeName.length })
    const all = compileProxyRulesForNodes({ clusterCIDR: '10.244.0.0/16', services, endpointSlices, dockerDNS }, nodes)
    const chain = (node: string, name: string) => all.get(node)!.tables.nat.chains.find((c) => c.name === name)!
    // The control plane and kind-worker3 differ in docker's ports only: one KUBE-SERVICES, two DOCKER_OUTPUT chains.
    expect(all.get('kind-control-plane')!.tables).not.toBe(all.get('kind-worker3')!.tables)
    expect(chain('kind-control-plane', 'KUBE-SERVICES')).toBe(chain('kind-worker3', 'KUBE-SERVICES'))
    expect(chain('kind-control-plane', 'DOCKER_OUTPUT')).not.toBe(chain('kind-worker3', 'DOCKER_OUTPUT'))
    expect(chain('kind-control-plane', 'DOCKER_OUTPUT').rules.map((r) => r.text).join()).toContain(':40018')
    expect(chain('kind-worker3', 'DOCKER_OUTPUT').rules.map((r) => r.text).join()).toContain(':40012')
    for (const n of nodes) {
      const alone = compileProxyRules({ ...n, clusterCIDR: '10.244.0.0/16', services, endpointSlices, dockerDNS })
      expect(renderIptablesSave(all.get(n.nodeName)!, { now: NOW }), n.nodeName).toBe(renderIptablesSave(alone, { now: NOW }))
    }
  })
})
