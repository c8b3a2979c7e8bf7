// The proxy-modes view's model: one new connection, entering the node the request would enter (as the
// expected-share model finds it), traced through kube-proxy's iptables rules and its nftables table compiled
// from the same Services and EndpointSlices, with the two hop lists lined up where both modes do the same thing.
import type { Cluster } from '../cluster/cluster.ts'
import { alignHops, type HopRow } from '../dataplane/align.ts'
import { compareProxyModes, type ModeResult } from '../dataplane/compare.ts'
import { cidrContains } from '../dataplane/net/ipv4.ts'
import { SeededRandom } from '../sim/random.ts'
import { proxierInputOf } from './cluster-world.ts'
import { entriesFor, type ShareSource } from './expected-share.ts'
import { buildView } from './view.ts'

export interface ProxyModesComparison {
  node: string
  /** The packet as it enters the node: `tcp 10.244.1.5:40000 → 10.96.0.10:80`. */
  packet: { protocol: string; src: string; dst: string }
  /** iptables first, then nftables. */
  modes: ModeResult[]
  /** The hops of both modes, row by row (`a`: iptables, `b`: nftables). */
  rows: HopRow[]
}

/**
 * The same request in both modes, or null when kube-proxy does not decide it (an Ingress host, an address no
 * node or Service owns). nftables draws its endpoint until it picks iptables' one (`draws` says how many).
 */
export function compareModesFor(cluster: Cluster, source: ShareSource, seed: number): ProxyModesComparison | null {
  const view = buildView({ profile: cluster.profile, store: cluster.store, config: cluster.config, now: cluster.clock.now() })
  const entry = entriesFor(view, cluster, source)?.[0]
  if (!entry) return null
  const protocol = source.protocol ?? 'tcp'
  // As the network walk does: the veth gateway is local too, and MASQUERADE towards a local pod picks it.
  const local = [entry.node.internalIP, entry.node.gatewayIP]
  const modes = compareProxyModes(proxierInputOf(cluster), { nodeName: entry.node.name, nodeIPs: [entry.node.internalIP] },
    { protocol, src: { ip: entry.src, port: 40000 }, dst: entry.dst, origin: 'network' },
    { now: cluster.clock.now(), localAddresses: local, egressAddress: (dst) => (cidrContains(entry.node.podCIDR, dst) ? entry.node.gatewayIP : entry.node.internalIP), at: `node/${entry.node.name}` },
    (attempt) => new SeededRandom(seed + attempt), true)
  return {
    node: entry.node.name,
    packet: { protocol, src: `${entry.src}:40000`, dst: `${entry.dst.ip}:${entry.dst.port}` },
    modes,
    rows: alignHops(modes[0].hops, modes[1].hops),
  }
}
