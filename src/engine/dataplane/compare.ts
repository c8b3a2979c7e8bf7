// The same packet through one node in both of kube-proxy's modes, compiled from the same Services and
// EndpointSlices: the hops with each rule's text, how many rules each mode programs, and how many rules the
// kernel tests for this packet (iptables walks KUBE-SERVICES rule by rule; nftables does one map lookup).
import { compileProxyRulesForNodes } from './kube-proxy/proxier'
import type { ProxierNode } from './kube-proxy/proxier'
import { newNodeDataplaneState, traceNodePacket } from './tracer'
import type { Hop, NodeRules, Packet, ProxierInput, TraceOptions, Verdict } from './types'

type ProxyMode = 'iptables' | 'nftables'

export interface ModeResult {
  mode: ProxyMode
  /** Rules in the node's rule set (iptables: every table; nftables: kube-proxy's table, kubelet's and kind's iptables rules too). */
  rules: number
  /** Set and map elements (nftables keeps services there instead of in rules). */
  elements: number
  /** Rules the kernel tested for this packet, a map lookup counting as one. */
  evaluations: number
  verdict: Verdict
  hops: Hop[]
  /** The chain each hop was decided in (iptables: `KUBE-SVC-…`; nftables: `service-…`, `nat-prerouting`…). */
  chains: string[]
  /** nftables only, with `sameEndpoint`: how many `numgen` draws it took to pick iptables' endpoint. */
  draws?: number
  /** Where the packet goes after this node, `ip:port`. */
  to: string
}

/** Rule and element counts of one node's rule set. */
export function ruleCounts(rules: NodeRules): { rules: number; elements: number } {
  let n = 0
  for (const t of Object.values(rules.tables)) for (const c of t.chains) n += c.rules.length
  let elements = 0
  if (rules.nft) {
    for (const c of rules.nft.chains) n += c.rules.length
    for (const s of rules.nft.sets) elements += s.elements.length
  }
  return { rules: n, elements }
}

/** Draws tried before giving up on matching iptables' endpoint (a miss is shown, never hidden). */
const MAX_DRAWS = 64

/**
 * Compiles both modes for `node` and traces `packet` through each with fresh conntrack state. `random(0)` seeds
 * each mode's first draw, so both draw the same numbers (they still use them differently: iptables'
 * probability cascade, nftables' `numgen random mod N`). With `sameEndpoint`, nftables draws again with
 * `random(1)`, `random(2)`… until it picks the endpoint iptables picked: the same request in both columns.
 */
export function compareProxyModes(input: Omit<ProxierInput, 'nodeName' | 'nodeIPs' | 'proxyMode'>, node: ProxierNode, packet: Packet,
  opts: Omit<TraceOptions, 'evaluations' | 'random' | 'hopChains'>, random: (attempt: number) => { float(): number }, sameEndpoint = false): ModeResult[] {
  const results: ModeResult[] = []
  for (const mode of ['iptables', 'nftables'] as const) {
    const rules = compileProxyRulesForNodes({ ...input, proxyMode: mode }, [node]).get(node.nodeName)!
    const want = sameEndpoint && mode === 'nftables' ? results[0].verdict.dnat : undefined
    for (let attempt = 0; ; attempt++) {
      const evaluations = { count: 0 }
      const hopChains: string[] = []
      const r = traceNodePacket(rules, newNodeDataplaneState(), packet, { ...opts, random: random(attempt), evaluations, hopChains })
      const same = !want || (r.verdict.dnat?.ip === want.ip && r.verdict.dnat.port === want.port)
      if (same || attempt + 1 >= MAX_DRAWS) {
        results.push({ mode, ...ruleCounts(rules), evaluations: evaluations.count, verdict: r.verdict, hops: r.hops, chains: hopChains,
          ...(want ? { draws: attempt + 1 } : {}), to: `${r.packetAfter.dst.ip}:${r.packetAfter.dst.port}` })
        break
      }
    }
  }
  return results
}
