// kube-proxy's nftables proxier as a pure function: the same service port map and endpoints as the iptables
// proxier in, one node's `ip kube-proxy` table out. Source: pkg/proxy/nftables/proxier.go (setupNFTables,
// syncProxyRules, writeServiceToEndpointRules); expected output checked against its proxier_test.go
// (TestOverallNFTablesRules, v1.33).
import { cidrContains } from '../net/ipv4'
import type { EndpointSlice, Service } from '../../api/types'
import { categorizeEndpoints } from '../kube-proxy/categorize'
import type { EndpointInfo, ServicePortInfo } from '../kube-proxy/service-ports'
import { buildServicePorts, portExternallyAccessible, usesLocalEndpoints } from '../kube-proxy/service-ports'
import { endpointBase, servicePortBase } from './names'
import type { NftAction, NftBaseChain, NftChain, NftElement, NftMatch, NftRule, NftSet, NftTable, NftVerdict } from './types'
import { ruleText } from './text'

export interface NftProxierInput {
  services: Service[]
  endpointSlices: EndpointSlice[]
  /** `--cluster-cidr` (kind: 10.244.0.0/16): kube-proxy's "is this a pod?" test. */
  clusterCIDR?: string
  /** The ServiceCIDRs: traffic to an unallocated address in them is dropped. */
  serviceCIDR?: string
  masqueradeAll?: boolean
}

export interface NftNode {
  nodeName: string
  /** The node's primary IPs: `--nodeport-addresses primary`, the nftables mode's default, puts them in @nodeport-ips. */
  nodeIPs: string[]
}

const MASQ_MARK = 0x4000

// Base chains in the order setupNFTables creates them (nft lists chains in creation order).
const BASE_CHAINS: [string, NftBaseChain][] = [
  ['filter-prerouting-pre-dnat', { type: 'filter', hook: 'prerouting', priority: -110 }],
  ['filter-output-pre-dnat', { type: 'filter', hook: 'output', priority: -110 }],
  ['filter-forward', { type: 'filter', hook: 'forward', priority: 0 }],
  ['filter-input', { type: 'filter', hook: 'input', priority: 0 }],
  ['filter-output', { type: 'filter', hook: 'output', priority: 0 }],
  ['nat-prerouting', { type: 'nat', hook: 'prerouting', priority: -100 }],
  ['nat-output', { type: 'nat', hook: 'output', priority: -100 }],
  ['nat-postrouting', { type: 'nat', hook: 'postrouting', priority: 100 }],
]

// nftablesJumpChains: [destination, source, ct state new?], in kube-proxy's order.
const JUMPS: [string, string, boolean][] = [
  ['nodeport-endpoints-check', 'filter-input', true],
  ['service-endpoints-check', 'filter-input', true],
  ['service-endpoints-check', 'filter-forward', true],
  ['service-endpoints-check', 'filter-output', true],
  ['firewall-check', 'filter-prerouting-pre-dnat', true],
  ['firewall-check', 'filter-output-pre-dnat', true],
  ['services', 'nat-output', false],
  ['services', 'nat-prerouting', false],
  ['masquerading', 'nat-postrouting', false],
  ['cluster-ips-check', 'filter-forward', true],
  ['cluster-ips-check', 'filter-output', true],
]

const goto = (chain: string): NftVerdict => ({ kind: 'goto', chain })
const verdict = (v: NftVerdict): NftAction => ({ kind: 'verdict', verdict: v })
const daddr = (cidrs: string[], negate?: boolean): NftMatch => ({ kind: 'addr', field: 'daddr', cidrs, negate })
const saddr = (cidrs: string[], negate?: boolean): NftMatch => ({ kind: 'addr', field: 'saddr', cidrs, negate })

/** Accumulates one table in creation order. */
class TableWriter {
  readonly sets = new Map<string, NftSet>()
  readonly chains = new Map<string, NftChain>()
  private readonly keys = new Map<string, Set<string>>()

  set(name: string, kind: NftSet['kind'], type: string, comment?: string, extra: Partial<NftSet> = {}): NftSet {
    let s = this.sets.get(name)
    if (!s) this.sets.set(name, (s = { name, kind, type, comment, elements: [], ...extra }))
    return s
  }
  chain(name: string, base?: NftBaseChain, comment?: string): NftChain {
    let c = this.chains.get(name)
    if (!c) this.chains.set(name, (c = { name, base, comment, rules: [] }))
    return c
  }
  rule(chain: string, matches: NftMatch[], action: NftAction, comment?: string, service?: string): void {
    const spec = { chain, matches, action, comment, service }
    this.chain(chain).rules.push({ ...spec, text: ruleText(spec) } as NftRule)
  }
  element(set: string, key: string[], v?: NftVerdict, comment?: string): void {
    // A set holds each key once (several ports of one Service share its cluster IP).
    const s = this.sets.get(set)!
    const k = key.join(' . ')
    let seen = this.keys.get(set)
    if (!seen) this.keys.set(set, (seen = new Set()))
    if (seen.has(k)) return
    seen.add(k)
    const el: NftElement = { key }
    if (comment !== undefined) el.comment = comment
    if (v) el.verdict = v
    s.elements.push(el)
  }
  build(): NftTable {
    return { family: 'ip', name: 'kube-proxy', comment: 'rules for kube-proxy', sets: [...this.sets.values()], chains: [...this.chains.values()] }
  }
}

function setup(t: TableWriter, input: NftProxierInput, node: NftNode): void {
  for (const [name, base] of BASE_CHAINS) t.chain(name, base)
  for (const [dst, src, ctNew] of JUMPS) {
    t.chain(dst)
    t.rule(src, ctNew ? [{ kind: 'ct-new' }] : [], verdict({ kind: 'jump', chain: dst }))
  }
  t.chain('mark-for-masquerade')
  t.rule('mark-for-masquerade', [], { kind: 'mark-or', value: MASQ_MARK })
  t.rule('masquerading', [{ kind: 'mark-clear', mask: MASQ_MARK }], verdict({ kind: 'return' }))
  t.rule('masquerading', [], { kind: 'mark-xor', value: MASQ_MARK })
  t.rule('masquerading', [], { kind: 'masquerade' })
  t.set('cluster-ips', 'set', 'ipv4_addr', 'Active ClusterIPs')
  t.rule('cluster-ips-check', [{ kind: 'in-set', field: 'daddr', set: 'cluster-ips' }], verdict({ kind: 'reject' }), 'Reject traffic to invalid ports of ClusterIPs')
  if (input.serviceCIDR) t.rule('cluster-ips-check', [daddr([input.serviceCIDR])], verdict({ kind: 'drop' }), 'Drop traffic to unallocated ClusterIPs')
  t.set('nodeport-ips', 'set', 'ipv4_addr', 'IPs that accept NodePort traffic')
  // Localhost node ports are not supported in nftables mode: only the node's own addresses go in.
  for (const ip of node.nodeIPs) if (!ip.startsWith('127.')) t.element('nodeport-ips', [ip])
  t.set('no-endpoint-services', 'map', 'ipv4_addr . inet_proto . inet_service : verdict', 'vmap to drop or reject packets to services with no endpoints')
  t.set('no-endpoint-nodeports', 'map', 'inet_proto . inet_service : verdict', 'vmap to drop or reject packets to service nodeports with no endpoints')
  t.chain('reject-chain', undefined, 'helper for @no-endpoint-services / @no-endpoint-nodeports')
  t.rule('reject-chain', [], verdict({ kind: 'reject' }))
  t.rule('service-endpoints-check', [], { kind: 'vmap', key: 'daddr.proto.dport', map: 'no-endpoint-services' })
  t.rule('nodeport-endpoints-check', [{ kind: 'in-set', field: 'daddr', set: 'nodeport-ips' }], { kind: 'vmap', key: 'proto.dport', map: 'no-endpoint-nodeports' })
  t.set('firewall-ips', 'map', 'ipv4_addr . inet_proto . inet_service : verdict', 'destinations that are subject to LoadBalancerSourceRanges')
  t.rule('firewall-check', [], { kind: 'vmap', key: 'daddr.proto.dport', map: 'firewall-ips' })
  t.set('service-ips', 'map', 'ipv4_addr . inet_proto . inet_service : verdict', 'ClusterIP, ExternalIP and LoadBalancer IP traffic')
  t.set('service-nodeports', 'map', 'inet_proto . inet_service : verdict', 'NodePort traffic')
  t.rule('services', [], { kind: 'vmap', key: 'daddr.proto.dport', map: 'service-ips' })
  t.rule('services', [{ kind: 'in-set', field: 'daddr', set: 'nodeport-ips' }], { kind: 'vmap', key: 'proto.dport', map: 'service-nodeports' })
}

/** `namespace`, `name` and port name of a `namespace/name[:port]` service port name. */
function parts(svcPortName: string): [string, string, string] {
  const slash = svcPortName.indexOf('/')
  const rest = svcPortName.slice(slash + 1)
  const colon = rest.indexOf(':')
  return [svcPortName.slice(0, slash), colon < 0 ? rest : rest.slice(0, colon), colon < 0 ? '' : rest.slice(colon + 1)]
}

interface Names { cluster: string; local: string; external: string; firewall: string; endpoint: (ep: EndpointInfo) => string; affinity: (ep: EndpointInfo) => string }

function namesOf(sp: ServicePortInfo): Names {
  const [ns, name, port] = parts(sp.name)
  const base = servicePortBase(ns, name, sp.protocol, port)
  const epBase = (ep: EndpointInfo) => endpointBase(ns, name, sp.protocol, port, ep.ip, ep.port)
  return {
    cluster: `service-${base}`, local: `local-${base}`, external: `external-${base}`, firewall: `firewall-${base}`,
    endpoint: (ep) => `endpoint-${epBase(ep)}`, affinity: (ep) => `affinity-${epBase(ep)}`,
  }
}

function writeServicePort(t: TableWriter, input: NftProxierInput, node: NftNode, sp: ServicePortInfo): void {
  const n = namesOf(sp)
  const svc = sp.name
  const { clusterEndpoints, localEndpoints, allReachable, hasAnyEndpoints } = categorizeEndpoints(sp)
  const p = sp.protocol
  const port = String(sp.port)
  const usesClusterChain = clusterEndpoints.length > 0 && (!sp.internalPolicyLocal || portExternallyAccessible(sp))
  const usesLocalChain = localEndpoints.length > 0 && usesLocalEndpoints(sp)
  const internalChain = sp.internalPolicyLocal ? n.local : n.cluster
  const hasInternal = hasAnyEndpoints && (!sp.internalPolicyLocal || localEndpoints.length > 0)
  const externalPolicyChain = sp.externalPolicyLocal ? n.local : n.cluster
  const hasExternal = hasAnyEndpoints && (!sp.externalPolicyLocal || localEndpoints.length > 0)
  const usesExtChain = hasAnyEndpoints && portExternallyAccessible(sp)
  const usesFW = sp.loadBalancerVIPs.length > 0 && sp.loadBalancerSourceRanges.length > 0
  // No endpoints at all: reject; endpoints elsewhere but none usable here: drop.
  const internalFilter: NftVerdict = !hasAnyEndpoints ? goto('reject-chain') : { kind: 'drop' }
  const externalFilter = internalFilter

  for (const ep of allReachable) t.chain(n.endpoint(ep))
  if (usesClusterChain) t.chain(n.cluster)
  if (usesLocalChain) t.chain(n.local)
  if (usesExtChain) t.chain(n.external)

  t.element('cluster-ips', [sp.clusterIP])
  if (hasInternal) t.element('service-ips', [sp.clusterIP, p, port], goto(internalChain))
  else t.element('no-endpoint-services', [sp.clusterIP, p, port], internalFilter, svc)
  for (const ip of sp.externalIPs) {
    if (hasAnyEndpoints) t.element('service-ips', [ip, p, port], goto(n.external))
    if (!hasExternal) t.element('no-endpoint-services', [ip, p, port], externalFilter, svc)
  }
  if (usesFW) t.chain(n.firewall)
  for (const ip of sp.loadBalancerVIPs) {
    if (hasAnyEndpoints) t.element('service-ips', [ip, p, port], goto(n.external))
    if (usesFW) t.element('firewall-ips', [ip, p, port], goto(n.firewall))
  }
  if (!hasExternal) for (const ip of sp.loadBalancerVIPs) t.element('no-endpoint-services', [ip, p, port], externalFilter, svc)
  if (sp.nodePort !== 0) {
    if (hasAnyEndpoints) t.element('service-nodeports', [p, String(sp.nodePort)], goto(n.external))
    if (!hasExternal) t.element('no-endpoint-nodeports', [p, String(sp.nodePort)], externalFilter, svc)
  }

  if (hasInternal) {
    if (input.masqueradeAll) t.rule(internalChain, [daddr([sp.clusterIP])], verdict({ kind: 'jump', chain: 'mark-for-masquerade' }), undefined, svc)
    else if (input.clusterCIDR) t.rule(internalChain, [daddr([sp.clusterIP]), saddr([input.clusterCIDR], true)], verdict({ kind: 'jump', chain: 'mark-for-masquerade' }), undefined, svc)
  }
  if (usesExtChain) {
    const ext = n.external
    if (!sp.externalPolicyLocal) {
      t.rule(ext, [], verdict({ kind: 'jump', chain: 'mark-for-masquerade' }), undefined, svc)
    } else {
      if (input.clusterCIDR) t.rule(ext, [saddr([input.clusterCIDR])], verdict(goto(n.cluster)), 'short-circuit pod traffic', svc)
      t.rule(ext, [{ kind: 'fib-saddr-local' }], verdict({ kind: 'jump', chain: 'mark-for-masquerade' }), 'masquerade local traffic', svc)
      t.rule(ext, [{ kind: 'fib-saddr-local' }], verdict(goto(n.cluster)), 'short-circuit local traffic', svc)
    }
    if (hasExternal) t.rule(ext, [], verdict(goto(externalPolicyChain)), undefined, svc)
  }
  if (usesFW) {
    const nodeIP = node.nodeIPs[0]
    const allowFromNode = !!nodeIP && sp.loadBalancerSourceRanges.some((r) => cidrContains(r, nodeIP))
    const sources = [...sp.loadBalancerSourceRanges, ...(allowFromNode ? sp.loadBalancerVIPs : [])]
    t.rule(n.firewall, [saddr(sources, true)], verdict({ kind: 'drop' }), undefined, svc)
  }
  if (sp.sessionAffinityClientIP) {
    for (const ep of allReachable) t.set(n.affinity(ep), 'set', 'ipv4_addr', undefined, { flags: ['dynamic', 'timeout'], timeoutSeconds: sp.stickyMaxAgeSeconds })
  }
  if (usesClusterChain) writeServiceToEndpoints(t, sp, n, n.cluster, clusterEndpoints)
  if (usesLocalChain) writeServiceToEndpoints(t, sp, n, n.local, localEndpoints)
  for (const ep of allReachable) {
    const chain = n.endpoint(ep)
    // Hairpin: a pod reaching itself through the service is masqueraded.
    t.rule(chain, [saddr([ep.ip])], verdict({ kind: 'jump', chain: 'mark-for-masquerade' }), undefined, svc)
    if (sp.sessionAffinityClientIP) t.rule(chain, [], { kind: 'update', set: n.affinity(ep) }, undefined, svc)
    t.rule(chain, [{ kind: 'l4proto', protocol: p }], { kind: 'dnat', ip: ep.ip, port: ep.port }, undefined, svc)
  }
}

function writeServiceToEndpoints(t: TableWriter, sp: ServicePortInfo, n: Names, chain: string, endpoints: EndpointInfo[]): void {
  if (sp.sessionAffinityClientIP) {
    for (const ep of endpoints) t.rule(chain, [{ kind: 'in-set', field: 'saddr', set: n.affinity(ep) }], verdict(goto(n.endpoint(ep))), undefined, sp.name)
  }
  t.rule(chain, [], { kind: 'numgen', chains: endpoints.map(n.endpoint) }, undefined, sp.name)
}

/**
 * Compiles the `ip kube-proxy` table kube-proxy (mode nftables) programs on each node. Services are looked
 * up in verdict maps (`service-ips`, `service-nodeports`) instead of a KUBE-SERVICES rule per service; each
 * service port gets `service-`/`external-`/`local-`/`firewall-` chains and one `endpoint-` chain per
 * endpoint, picked with `numgen random mod N vmap`. Returns one table per node (Local policies and
 * @nodeport-ips make them differ).
 */
export function compileNftablesForNodes(input: NftProxierInput, nodes: NftNode[]): Map<string, NftTable> {
  const ports = buildServicePorts(undefined, input.services, input.endpointSlices)
  const out = new Map<string, NftTable>()
  for (const node of nodes) {
    const t = new TableWriter()
    setup(t, input, node)
    for (const sp of ports) {
      const view = usesLocalEndpoints(sp) ? { ...sp, endpoints: sp.endpoints.map((ep) => ({ ...ep, isLocal: ep.nodeName === node.nodeName })) } : sp
      writeServicePort(t, input, node, view)
    }
    out.set(node.nodeName, t.build())
  }
  return out
}
