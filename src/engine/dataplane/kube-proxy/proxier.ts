// kube-proxy's iptables proxier, as a pure function: Services + EndpointSlices in, one node's tables out.
// Source: pkg/proxy/iptables/proxier.go syncProxyRules and writeServiceToEndpointRules (v1.32); expected
// outputs cross-checked with its proxier_test.go (TestOverallIPTablesRules) and a kind node's iptables-save.
import { cidrContains, LOOPBACK_CIDR } from '../net/ipv4'
import type { Chain, CidrMatch, DockerDNS, L4Protocol, MatchModule, NodeRules, ProxierInput, Rule, Table } from '../types'
import { writeBaseChains, writeLocalnetRule } from './base-chains'
import { categorizeEndpoints } from './categorize'
import { kubeProxyProbability, rule } from './rule-text'
import type { EndpointInfo, ServicePortInfo } from './service-ports'
import { buildServicePorts, portExternallyAccessible, usesLocalEndpoints } from './service-ports'
import { TableBuilder } from './table-builder'
import { writePortmapDNAT, writePortmapMasq } from '../kind/portmap'
import { compileNftablesForNodes } from '../nftables/proxier'

const LOCALHOST_NODEPORTS_COUNTER = 'localhost_nps_accepted_pkts'
const CT_INVALID_COUNTER = 'ct_state_invalid_dropped_pkts'

/** Where rules go: a node's TableBuilder, or a RuleLog that records them once for every node that shares them. */
interface RuleSink {
  chain(name: string): unknown
  add(spec: Omit<Rule, 'text'>): unknown
}

interface Ctx {
  nat: RuleSink
  filter: RuleSink
  nodeIP: string | undefined
  clusterCIDR: string | undefined
  masqueradeAll: boolean
  markMasq: { value: number; mask: number }
  localhostNodePorts: boolean
  nfacct: boolean
}

const comment = (text: string): MatchModule => ({ module: 'comment', comment: text })
const l4 = (protocol: L4Protocol, dport?: number): MatchModule => ({ module: protocol, dport })
const jump = (chain: string) => ({ kind: 'jump' as const, chain })

/** One node the rules are compiled for: its name (Local endpoints) and InternalIP(s). */
export interface ProxierNode {
  nodeName: string
  nodeIPs: string[]
}

/**
 * The rules of one table written by one part of the sync (the jumps, one service port, the trailer), built
 * once (text included) and replayed, as the same Rule objects, into every node whose rules contain them.
 */
class RuleLog implements RuleSink {
  readonly ops: (string | Rule)[] = []
  chain(name: string): this {
    this.ops.push(name)
    return this
  }
  add(spec: Omit<Rule, 'text'>): this {
    this.ops.push(rule(spec))
    return this
  }
  replay(into: TableBuilder): void {
    for (const op of this.ops) {
      if (typeof op === 'string') into.chain(op)
      else into.push(op)
    }
  }
}

interface Fragment {
  mangle?: RuleLog
  filter: RuleLog
  nat: RuleLog
}

/**
 * Compiles the iptables rules kube-proxy (mode iptables, v1.32) programs on one node, plus the chains
 * kubelet and the built-in tables contribute, from plain Service and EndpointSlice objects. The result keeps
 * both the parsed matches (for the tracer) and each rule's iptables-save text (for `iptables-save`).
 * Mirrors proxier.go syncProxyRules: KUBE-SERVICES captures cluster IPs, external IPs, load-balancer IPs
 * and (last) node ports; KUBE-SVC/KUBE-SVL pick an endpoint with a `statistic` cascade (after `recent`
 * checks for ClientIP affinity); KUBE-SEP DNATs; KUBE-MARK-MASQ marks and KUBE-POSTROUTING masquerades;
 * the filter table rejects services without endpoints and drops Local-policy traffic without local endpoints.
 */
export function compileProxyRules(input: ProxierInput): NodeRules {
  return compileProxyRulesForNodes(input, [{ nodeName: input.nodeName, nodeIPs: input.nodeIPs }]).get(input.nodeName)!
}

/**
 * compileProxyRules for several nodes at once, as every node's kube-proxy would compute them: the service
 * ports and endpoints are gathered once, and each service port's rules are written once per distinct
 * node-dependent input (which endpoints are local, for Local policies; whether the node's IP is in the
 * loadBalancerSourceRanges, for KUBE-FW) and shared by every node with that input. Nodes whose rules come
 * out the same share the same tables. The rules are identical to compiling each node on its own.
 */
export function compileProxyRulesForNodes(input: Omit<ProxierInput, 'nodeName' | 'nodeIPs'>, nodes: ProxierNode[]): Map<string, NodeRules> {
  const bit = input.masqueradeBit ?? 14
  const base = {
    clusterCIDR: input.clusterCIDR,
    masqueradeAll: input.masqueradeAll ?? false,
    markMasq: { value: 2 ** bit, mask: 2 ** bit },
    localhostNodePorts: input.localhostNodePorts ?? true,
    nfacct: input.nfacct ?? true,
  }
  const record = (nodeIP: string | undefined, write: (ctx: Ctx) => void): Fragment => {
    const frag: Fragment = { filter: new RuleLog(), nat: new RuleLog() }
    write({ ...base, nat: frag.nat, filter: frag.filter, nodeIP })
    return frag
  }

  // Node-independent parts: the built-in chains' jumps, kube-proxy's top-level chains, and the trailer.
  const iptablesMode = (input.proxyMode ?? 'iptables') === 'iptables'
  const kindMasq = input.kindMasqAgent && input.clusterCIDR ? { clusterCIDR: input.clusterCIDR } : undefined
  const headFor = (dockerDNS: DockerDNS | undefined): Fragment => {
    const head: Fragment = { mangle: new RuleLog(), filter: new RuleLog(), nat: new RuleLog() }
    writeBaseChains(head.mangle!, 'mangle', { kubeProxy: iptablesMode })
    writeBaseChains(head.filter, 'filter', { kubeProxy: iptablesMode })
    writeBaseChains(head.nat, 'nat', { kindMasqAgent: kindMasq, kubeProxy: iptablesMode, dockerDNS })
    if (iptablesMode) writeTopLevelChains({ ...base, nat: head.nat, filter: head.filter, nodeIP: undefined }, input.randomFully ?? true)
    return head
  }
  const sharedHead = input.dockerDNS ? undefined : headFor(undefined)
  const trailer = iptablesMode ? record(undefined, (ctx) => writeTrailer(ctx, input.conntrackTCPLiberal ?? false)) : undefined

  const ports = iptablesMode ? buildServicePorts(undefined, input.services, input.endpointSlices) : []
  const cache = ports.map(() => new Map<string, Fragment>())
  const byNode = new Map<string, NodeRules>()
  const bySignature = new Map<string, NodeRules['tables']>()
  const pool: ChainPool = new Map()
  const nft = input.proxyMode === 'nftables'
    ? compileNftablesForNodes({ services: input.services, endpointSlices: input.endpointSlices, clusterCIDR: input.clusterCIDR, serviceCIDR: input.serviceCIDR, masqueradeAll: input.masqueradeAll }, nodes)
    : undefined
  for (const node of nodes) {
    const nodeIP = node.nodeIPs[0]
    const frags: Fragment[] = []
    const signature: string[] = []
    ports.forEach((sp, i) => {
      // Only Local policies read which endpoints are local, and only KUBE-FW reads the node's IP.
      const local = usesLocalEndpoints(sp)
      const localKey = local ? sp.endpoints.map((ep) => (ep.nodeName === node.nodeName ? '1' : '0')).join('') : ''
      const fw = sp.loadBalancerVIPs.length > 0 && sp.loadBalancerSourceRanges.length > 0
      const fwKey = fw && nodeIP && sp.loadBalancerSourceRanges.some((r) => cidrContains(r, nodeIP)) ? '1' : '0'
      const key = `${localKey}/${fwKey}`
      let frag = cache[i].get(key)
      if (!frag) {
        const view = local ? { ...sp, endpoints: sp.endpoints.map((ep) => ({ ...ep, isLocal: ep.nodeName === node.nodeName })) } : sp
        frag = record(nodeIP, (ctx) => writeServicePort(ctx, view))
        cache[i].set(key, frag)
      }
      frags.push(frag)
      if (local || fw) signature.push(`${i}:${key}`)
    })
    // kind's per-node chains: docker's DNS ports and the hostPort pods of this node make its tables its own.
    const dns = input.dockerDNS?.(node.nodeName)
    const hostPorts = (input.hostPorts ?? []).filter((p) => p.nodeName === node.nodeName)
    if (dns || hostPorts.length) signature.push(`node:${node.nodeName}`)
    const sig = signature.join(',')
    let tables = bySignature.get(sig)
    if (!tables) {
      const mangle = new TableBuilder('mangle')
      const filter = new TableBuilder('filter')
      const nat = new TableBuilder('nat')
      // The portmap plugin prepends its masquerade jump to POSTROUTING and appends its DNAT jumps.
      const pre: Fragment = { filter: new RuleLog(), nat: new RuleLog() }
      const post: Fragment = { filter: new RuleLog(), nat: new RuleLog() }
      if (hostPorts.length) {
        writePortmapMasq(pre.nat)
        writePortmapDNAT(post.nat, hostPorts)
      }
      for (const f of [pre, sharedHead ?? headFor(dns), ...frags, ...(trailer ? [trailer] : []), post]) {
        f.mangle?.replay(mangle)
        f.filter.replay(filter)
        f.nat.replay(nat)
      }
      tables = { mangle: shareChains(mangle.build(), pool), filter: shareChains(filter.build(), pool), nat: shareChains(nat.build(), pool) }
      bySignature.set(sig, tables)
    }
    byNode.set(node.nodeName, { nodeName: node.nodeName, tables, ...(nft ? { nft: nft.get(node.nodeName) } : {}) })
  }
  return byNode
}

/** Chains already built for another node's tables, by table and name. */
type ChainPool = Map<string, Chain[]>

/**
 * The table with each chain replaced by an identical one another node's table already has (same policy, the
 * same rule objects in order). kind gives every node tables of its own (docker's DNS ports differ), yet nearly
 * all their chains are the same: sharing them keeps one copy, and one compiled index for the tracer.
 */
function shareChains(table: Table, pool: ChainPool): Table {
  const chains = table.chains.map((c) => {
    const key = `${table.name} ${c.name}`
    const seen = pool.get(key)
    const same = seen?.find((o) => o.policy === c.policy && o.rules.length === c.rules.length && o.rules.every((r, i) => r === c.rules[i]))
    if (same) return same
    if (seen) seen.push(c)
    else pool.set(key, [c])
    return c
  })
  return { name: table.name, chains }
}

function writeTopLevelChains(ctx: Ctx, randomFully: boolean): void {
  const { nat, filter, markMasq } = ctx
  for (const c of ['KUBE-SERVICES', 'KUBE-EXTERNAL-SERVICES', 'KUBE-FORWARD', 'KUBE-NODEPORTS', 'KUBE-PROXY-FIREWALL']) filter.chain(c)
  for (const c of ['KUBE-SERVICES', 'KUBE-NODEPORTS', 'KUBE-POSTROUTING', 'KUBE-MARK-MASQ']) nat.chain(c)
  nat.add({ chain: 'KUBE-POSTROUTING', matches: [{ module: 'mark', ...markMasq, negate: true }], target: { kind: 'RETURN' } })
  // Clear the mark so a packet that re-traverses the stack is not masqueraded twice.
  nat.add({ chain: 'KUBE-POSTROUTING', matches: [], target: { kind: 'MARK', value: markMasq.value, mask: 0 } })
  nat.add({ chain: 'KUBE-POSTROUTING', matches: [comment('kubernetes service traffic requiring SNAT')], target: { kind: 'MASQUERADE', randomFully } })
  nat.add({ chain: 'KUBE-MARK-MASQ', matches: [], target: { kind: 'MARK', ...markMasq } })
  // kubelet writes the same rule; it closes the hole route_localnet opens for localhost node ports.
  writeLocalnetRule(filter)
}

function writeServicePort(ctx: Ctx, sp: ServicePortInfo): void {
  const { nat, filter } = ctx
  const { clusterEndpoints, localEndpoints, allReachable, hasAnyEndpoints } = categorizeEndpoints(sp)
  const p = sp.protocol
  const usesClusterChain = clusterEndpoints.length > 0 && (!sp.internalPolicyLocal || portExternallyAccessible(sp))
  const usesLocalChain = localEndpoints.length > 0 && (sp.internalPolicyLocal || (sp.externalPolicyLocal && portExternallyAccessible(sp)))
  const internalChain = sp.internalPolicyLocal ? sp.chains.local : sp.chains.cluster
  const hasInternal = hasAnyEndpoints && (!sp.internalPolicyLocal || localEndpoints.length > 0)
  const externalPolicyChain = sp.externalPolicyLocal ? sp.chains.local : sp.chains.cluster
  const hasExternal = hasAnyEndpoints && (!sp.externalPolicyLocal || localEndpoints.length > 0)
  const extChain = sp.chains.external
  const usesExtChain = hasAnyEndpoints && portExternallyAccessible(sp)
  const usesFW = hasAnyEndpoints && sp.loadBalancerVIPs.length > 0 && sp.loadBalancerSourceRanges.length > 0
  const lbChain = usesFW ? sp.chains.firewall : extChain

  const internalFilter = !hasAnyEndpoints ? { target: 'REJECT' as const, comment: `${sp.name} has no endpoints` }
    : { target: 'DROP' as const, comment: `${sp.name} has no local endpoints` }
  const externalFilter = internalFilter

  // Capture the cluster IP.
  const vip = (dst: string, c: string, dport = sp.port) => ({ destination: { cidr: dst }, protocol: p, matches: [comment(c), l4(p, dport)] })
  if (hasInternal) nat.add({ chain: 'KUBE-SERVICES', ...vip(sp.clusterIP, `${sp.name} cluster IP`), target: jump(internalChain) })
  else filter.add({ chain: 'KUBE-SERVICES', ...vip(sp.clusterIP, internalFilter.comment), target: { kind: internalFilter.target } })

  for (const ip of sp.externalIPs) {
    if (hasAnyEndpoints) nat.add({ chain: 'KUBE-SERVICES', ...vip(ip, `${sp.name} external IP`), target: jump(extChain) })
    if (!hasExternal) filter.add({ chain: 'KUBE-EXTERNAL-SERVICES', ...vip(ip, externalFilter.comment), target: { kind: externalFilter.target } })
  }
  for (const ip of sp.loadBalancerVIPs) {
    if (hasAnyEndpoints) nat.add({ chain: 'KUBE-SERVICES', ...vip(ip, `${sp.name} loadbalancer IP`), target: jump(lbChain) })
    if (usesFW) filter.add({ chain: 'KUBE-PROXY-FIREWALL', ...vip(ip, `${sp.name} traffic not accepted by ${sp.chains.firewall}`), target: { kind: 'DROP' } })
  }
  if (!hasExternal) {
    for (const ip of sp.loadBalancerVIPs) filter.add({ chain: 'KUBE-EXTERNAL-SERVICES', ...vip(ip, externalFilter.comment), target: { kind: externalFilter.target } })
  }

  if (sp.nodePort !== 0) {
    if (hasAnyEndpoints) {
      if (ctx.localhostNodePorts && ctx.nfacct) {
        nat.add({
          chain: 'KUBE-NODEPORTS', destination: { cidr: '127.0.0.0/8' }, protocol: p,
          matches: [comment(sp.name), l4(p, sp.nodePort), { module: 'nfacct', name: LOCALHOST_NODEPORTS_COUNTER }],
          target: jump(extChain),
        })
      }
      nat.add({ chain: 'KUBE-NODEPORTS', protocol: p, matches: [comment(sp.name), l4(p, sp.nodePort)], target: jump(extChain) })
    }
    if (!hasExternal) {
      filter.add({
        chain: 'KUBE-EXTERNAL-SERVICES', protocol: p,
        matches: [comment(externalFilter.comment), { module: 'addrtype', dstType: 'LOCAL' }, l4(p, sp.nodePort)],
        target: { kind: externalFilter.target },
      })
    }
  }
  if (sp.healthCheckNodePort !== 0) {
    filter.add({
      chain: 'KUBE-NODEPORTS', protocol: 'tcp',
      matches: [comment(`${sp.name} health check node port`), l4('tcp', sp.healthCheckNodePort)],
      target: { kind: 'ACCEPT' },
    })
  }

  // Internal traffic: masquerade what does not come from a pod (or everything with --masquerade-all).
  if (hasInternal) {
    const base = vip(sp.clusterIP, `${sp.name} cluster IP`)
    if (ctx.masqueradeAll) nat.add({ chain: internalChain, ...base, target: jump('KUBE-MARK-MASQ') })
    else if (ctx.clusterCIDR) nat.add({ chain: internalChain, ...base, source: { cidr: ctx.clusterCIDR, negate: true }, target: jump('KUBE-MARK-MASQ') })
  }

  if (usesExtChain) writeExternalChain(ctx, sp, extChain, hasExternal ? externalPolicyChain : undefined)
  if (usesFW) writeFirewallChain(ctx, sp, extChain)
  if (usesClusterChain) writeServiceToEndpoints(ctx, sp, sp.chains.cluster, clusterEndpoints)
  if (usesLocalChain) writeServiceToEndpoints(ctx, sp, sp.chains.local, localEndpoints)
  for (const ep of allReachable) writeEndpointChain(ctx, sp, ep)
}

function writeExternalChain(ctx: Ctx, sp: ServicePortInfo, ext: string, policyChain: string | undefined): void {
  const { nat } = ctx
  nat.chain(ext)
  if (!sp.externalPolicyLocal) {
    // Endpoints may be on another node: masquerade so replies come back through this node.
    nat.add({ chain: ext, matches: [comment(`masquerade traffic for ${sp.name} external destinations`)], target: jump('KUBE-MARK-MASQ') })
  } else {
    if (ctx.clusterCIDR) {
      // A pod going to an external address of the service is treated as if it came back from the load balancer.
      nat.add({ chain: ext, source: { cidr: ctx.clusterCIDR }, matches: [comment(`pod traffic for ${sp.name} external destinations`)], target: jump(sp.chains.cluster) })
    }
    nat.add({ chain: ext, matches: [comment(`masquerade LOCAL traffic for ${sp.name} external destinations`), { module: 'addrtype', srcType: 'LOCAL' }], target: jump('KUBE-MARK-MASQ') })
    nat.add({ chain: ext, matches: [comment(`route LOCAL traffic for ${sp.name} external destinations`), { module: 'addrtype', srcType: 'LOCAL' }], target: jump(sp.chains.cluster) })
  }
  if (policyChain) nat.add({ chain: ext, matches: [], target: jump(policyChain) })
}

function writeFirewallChain(ctx: Ctx, sp: ServicePortInfo, ext: string): void {
  const { nat } = ctx
  const fw = sp.chains.firewall
  const lbComment = comment(`${sp.name} loadbalancer IP`)
  let allowFromNode = false
  for (const range of sp.loadBalancerSourceRanges) {
    nat.add({ chain: fw, source: { cidr: range }, matches: [lbComment], target: jump(ext) })
    if (ctx.nodeIP && cidrContains(range, ctx.nodeIP)) allowFromNode = true
  }
  // A VIP bound locally loops requests from the node back with the VIP as source: let those in.
  if (allowFromNode) for (const ip of sp.loadBalancerVIPs) nat.add({ chain: fw, source: { cidr: ip }, matches: [lbComment], target: jump(ext) })
  nat.add({ chain: fw, matches: [comment(`other traffic to ${sp.name} will be dropped by KUBE-PROXY-FIREWALL`)], target: { kind: 'none' } })
}

/**
 * writeServiceToEndpointRules: for ClientIP affinity, first one `recent --rcheck` rule per endpoint; then
 * the random cascade — rule i of n matches with probability 1/(n-i), the last one always.
 */
function writeServiceToEndpoints(ctx: Ctx, sp: ServicePortInfo, chain: string, endpoints: EndpointInfo[]): void {
  const { nat } = ctx
  nat.chain(chain)
  if (sp.sessionAffinityClientIP) {
    for (const ep of endpoints) {
      nat.add({
        chain,
        matches: [comment(`${sp.name} -> ${ep.key}`), { module: 'recent', mode: 'rcheck', name: ep.chain, seconds: sp.stickyMaxAgeSeconds, reap: true }],
        target: jump(ep.chain),
      })
    }
  }
  endpoints.forEach((ep, i) => {
    const matches: MatchModule[] = [comment(`${sp.name} -> ${ep.key}`)]
    if (i < endpoints.length - 1) matches.push({ module: 'statistic', probability: kubeProxyProbability(endpoints.length - i) })
    nat.add({ chain, matches, target: jump(ep.chain) })
  })
}

function writeEndpointChain(ctx: Ctx, sp: ServicePortInfo, ep: EndpointInfo): void {
  const { nat } = ctx
  const c = comment(sp.name)
  // Hairpin: a pod reaching itself through the service must be masqueraded or it would answer itself directly.
  nat.add({ chain: ep.chain, source: { cidr: ep.ip } as CidrMatch, matches: [c], target: jump('KUBE-MARK-MASQ') })
  const matches: MatchModule[] = [c]
  if (sp.sessionAffinityClientIP) matches.push({ module: 'recent', mode: 'set', name: ep.chain })
  matches.push(l4(sp.protocol))
  nat.add({ chain: ep.chain, protocol: sp.protocol, matches, target: { kind: 'DNAT', ip: ep.ip, port: ep.port } })
}

function writeTrailer(ctx: Ctx, conntrackTCPLiberal: boolean): void {
  const { nat, filter, markMasq } = ctx
  // Node ports last: anything addressed to a local address may be a node port (nodePortAddresses unset).
  const nodePortDst: { destination?: CidrMatch } = ctx.localhostNodePorts ? {} : { destination: { cidr: LOOPBACK_CIDR, negate: true } }
  nat.add({
    chain: 'KUBE-SERVICES', ...nodePortDst,
    matches: [comment('kubernetes service nodeports; NOTE: this must be the last rule in this chain'), { module: 'addrtype', dstType: 'LOCAL' }],
    target: jump('KUBE-NODEPORTS'),
  })
  if (!conntrackTCPLiberal) {
    filter.add({
      chain: 'KUBE-FORWARD',
      matches: [{ module: 'conntrack', ctstate: ['INVALID'] }, ...(ctx.nfacct ? [{ module: 'nfacct' as const, name: CT_INVALID_COUNTER }] : [])],
      target: { kind: 'DROP' },
    })
  }
  filter.add({ chain: 'KUBE-FORWARD', matches: [comment('kubernetes forwarding rules'), { module: 'mark', ...markMasq }], target: { kind: 'ACCEPT' } })
  filter.add({
    chain: 'KUBE-FORWARD',
    matches: [comment('kubernetes forwarding conntrack rule'), { module: 'conntrack', ctstate: ['RELATED', 'ESTABLISHED'] }],
    target: { kind: 'ACCEPT' },
  })
}
