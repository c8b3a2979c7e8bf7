// The share of new connections each endpoint should get, read from the rules kube-proxy programmed: which
// node(s) a request enters (the load balancer's target nodes, the node IP asked for, the client pod's node),
// then on each of them the packet's own walk through the nat table up to the KUBE-SVC-/KUBE-SVL- chain whose
// `-m statistic --probability` cascade picks the endpoint. Pure: it traces on throwaway node state.
import type { Cluster } from '../cluster/cluster.ts'
import { newNodeDataplaneState, traceNodePacket } from '../dataplane/index.ts'
import { statisticThreshold } from '../dataplane/kube-proxy/rule-text.ts'
import type { L4Protocol, NodeRules, Rule } from '../dataplane/types.ts'
import { cidrContains } from '../dataplane/net/ipv4.ts'
import { compiledRules } from './cluster-world.ts'
import { lbTargetNodes, loadBalancers } from './load-balancers.ts'
import { buildView, INTERNET_CLIENT_IP, type NetNode, type NetworkView } from './view.ts'

export interface ShareSource {
  /** `host`, `internet` or `pod/<name>` (namespace `default` unless given as `pod/<ns>/<name>`). */
  from: string
  ip: string
  port: number
  protocol?: L4Protocol
}

interface EndpointShare {
  /** `ip:port` after DNAT. */
  endpoint: string
  /** `pod/<name>` when a pod has the endpoint's IP, else null (a host-network or external endpoint). */
  pod: string | null
  node: string | null
  share: number
}

export interface ExpectedShare {
  endpoints: EndpointShare[]
  /** Share of new connections that the rules drop or reject (e.g. Local policy on a node without a local pod). */
  dropped: number
  /** Nodes the connections enter, with their share (the load balancer spreads them evenly over healthy nodes). */
  entries: { node: string; share: number }[]
  /** The chain path of the pick on the first entry node, e.g. `KUBE-SERVICES → KUBE-NODEPORTS → KUBE-EXT-X → KUBE-SVC-X → KUBE-SEP-Y`. */
  chains: string[]
}

/** Every statistic draw matches (one shared object: the tracer's hot code keeps its call targets). */
const NO_DRAW = { float: () => 0 }

const probabilityOf = (r: Rule) => {
  const m = r.matches.find((x) => x.module === 'statistic')
  return m && m.module === 'statistic' ? statisticThreshold(m.probability) / 0x80000000 : 1
}

/** kube-proxy's cascade: rule i matches with p_i when the earlier ones did not; the last one always. */
function cascade(rules: NodeRules, chain: string): { sepChain: string; share: number }[] {
  const nat = rules.tables.nat.chains.find((c) => c.name === chain)
  if (!nat) return []
  const out: { sepChain: string; share: number }[] = []
  let left = 1
  for (const r of nat.rules) {
    if (r.target.kind !== 'jump' || !r.target.chain.startsWith('KUBE-SEP-')) continue
    if (r.matches.some((m) => m.module === 'recent')) continue // session affinity: a returning client, not a new one
    const p = probabilityOf(r)
    out.push({ sepChain: r.target.chain, share: left * p })
    left *= 1 - p
    if (left <= 0) break
  }
  return out
}

function dnatOf(rules: NodeRules, sepChain: string): string | null {
  const chain = rules.tables.nat.chains.find((c) => c.name === sepChain)
  const dnat = chain?.rules.find((r) => r.target.kind === 'DNAT')
  return dnat && dnat.target.kind === 'DNAT' ? `${dnat.target.ip}:${dnat.target.port}` : null
}

interface Entry { node: NetNode; share: number; src: string; dst: { ip: string; port: number } }

export function entriesFor(view: NetworkView, cluster: Cluster, s: ShareSource): Entry[] | null {
  const pod = s.from.startsWith('pod/') ? s.from.slice(4).split('/') : null
  const podInfo = pod ? view.pods.find((p) => (pod.length > 1 ? p.namespace === pod[0] && p.name === pod[1] : p.name === pod[0])) : undefined
  const src = podInfo?.ip ?? (s.from === 'internet' || view.profileType === 'gke' ? INTERNET_CLIENT_IP : view.hostIP)
  const byIP = view.nodes.find((n) => n.internalIP === s.ip || n.externalIP === s.ip)
  if (byIP) return [{ node: byIP, share: 1, src, dst: { ip: byIP.internalIP, port: s.port } }]
  const lb = loadBalancers(view).find((l) => l.ip === s.ip)
  if (lb && !podInfo) {
    const targets = lbTargetNodes(view, lb.service).filter((t) => t.healthy)
    const nodePort = ((lb.service.spec?.ports ?? []) as { port: number; nodePort?: number }[]).find((p) => p.port === s.port)?.nodePort
    if (lb.mode === 'tunnel') return [{ node: view.nodes[0], share: 1, src, dst: { ip: s.ip, port: s.port } }]
    return targets.map((t) => {
      const node = view.nodes.find((n) => n.name === t.name)!
      return lb.mode === 'proxy'
        ? { node, share: 1 / targets.length, src: lb.ip, dst: { ip: node.internalIP, port: nodePort ?? s.port } }
        : { node, share: 1 / targets.length, src, dst: { ip: s.ip, port: s.port } }
    })
  }
  if (podInfo) {
    const node = view.nodes.find((n) => n.name === podInfo.nodeName)
    return node ? [{ node, share: 1, src, dst: { ip: s.ip, port: s.port } }] : null
  }
  if (view.profileType === 'minikube' && cidrContains(cluster.config.serviceCIDR, s.ip)) {
    return [{ node: view.nodes[0], share: 1, src, dst: { ip: s.ip, port: s.port } }]
  }
  return null
}

/**
 * Expected share of new connections per endpoint for a request from `from` to `ip:port`, as kube-proxy's
 * iptables rules spread them (pkg/proxy/iptables/proxier.go writes `-m statistic --mode random --probability
 * 1/(n-i)` per endpoint; a load balancer spreads over the nodes that pass its health check — with
 * `externalTrafficPolicy: Local` only nodes with a local endpoint). Returns null when the address is not a
 * node, load balancer or cluster IP this client reaches through kube-proxy (e.g. an Ingress).
 */
export function expectedShare(cluster: Cluster, source: ShareSource): ExpectedShare | null {
  const view = buildView({ profile: cluster.profile, store: cluster.store, config: cluster.config, now: cluster.clock.now() })
  const entries = entriesFor(view, cluster, source)
  if (!entries || !entries.length) return null
  const rulesByNode = compiledRules(cluster)
  const shares = new Map<string, number>()
  let dropped = 0
  let chains: string[] = []
  let sawService = false
  for (const e of entries) {
    const rules = rulesByNode.get(e.node.name)
    if (!rules) continue
    const [srcIp, srcPort] = [e.src, 40000]
    // Walk once with every statistic draw matching: the hops name the chains up to the service's pick.
    const probe = traceNodePacket(rules, newNodeDataplaneState(), { protocol: source.protocol ?? 'tcp', src: { ip: srcIp, port: srcPort }, dst: e.dst, origin: 'network' },
      { random: NO_DRAW, now: cluster.clock.now(), localAddresses: [e.node.internalIP, e.node.gatewayIP] })
    if (rules.nft) {
      // nftables mode: `numgen random mod N vmap { i : goto endpoint-… }` gives each endpoint 1/N.
      const targets = probe.hops.map((h) => h.rule ?? '').flatMap((r) => [...r.matchAll(/(?:goto|jump) (\S+?)(?:,| \}|$)/g)].map((m) => m[1]))
      if (!chains.length) chains = [...new Set(targets.filter((t) => t !== 'mark-for-masquerade' && !t.startsWith('endpoint-')))]
      const pick = probe.hops.find((h) => h.rule?.startsWith('numgen random mod '))?.rule
      if (targets.length) sawService = true
      const eps = pick ? [...pick.matchAll(/goto (endpoint-\S+?)(?:,| \})/g)].map((m) => m[1]) : []
      for (const name of eps) {
        const a = rules.nft.chains.find((c) => c.name === name)?.rules.find((r) => r.action.kind === 'dnat')?.action
        if (a?.kind === 'dnat') shares.set(`${a.ip}:${a.port}`, (shares.get(`${a.ip}:${a.port}`) ?? 0) + e.share / eps.length)
      }
      if (!eps.length) dropped += e.share
      continue
    }
    const jumps = probe.hops.map((h) => h.rule ?? '').map((r) => /^-A (\S+) .*-j (KUBE-(?!MARK-)\S+)/.exec(r)).filter((m): m is RegExpExecArray => !!m)
    const pickChain = [...jumps].reverse().find((m) => /^KUBE-(SVC|SVL)-/.test(m[2]))?.[2]
    if (!chains.length) chains = [...new Set(jumps.map((m) => m[2]))]
    if (jumps.length) sawService = true
    const picks = pickChain ? cascade(rules, pickChain) : []
    if (picks.length) {
      for (const p of picks) {
        const dst = dnatOf(rules, p.sepChain)
        if (dst) shares.set(dst, (shares.get(dst) ?? 0) + e.share * p.share)
      }
    } else if (probe.verdict.outcome === 'drop' || probe.verdict.outcome === 'reject' || !probe.verdict.dnat) {
      dropped += e.share
    } else {
      const dst = `${probe.verdict.dnat.ip}:${probe.verdict.dnat.port}`
      shares.set(dst, (shares.get(dst) ?? 0) + e.share)
    }
  }
  if (!sawService) return null
  const endpoints = [...shares].map(([endpoint, share]): EndpointShare => {
    const ip = endpoint.slice(0, endpoint.lastIndexOf(':'))
    const pod = view.pods.find((p) => p.ip === ip && !p.hostNetwork)
    return { endpoint, pod: pod ? `pod/${pod.name}` : null, node: pod?.nodeName ?? view.nodes.find((n) => n.internalIP === ip)?.name ?? null, share }
  }).sort((a, b) => (a.endpoint < b.endpoint ? -1 : 1))
  return { endpoints, dropped, entries: entries.map((e) => ({ node: e.node.name, share: e.share })), chains }
}
