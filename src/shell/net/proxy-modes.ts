// `proxy-modes [--json] [--node NODE] [--from IP] DEST:PORT` — kubehop's own teaching tool (no real tool
// prints this): the same new connection through one node with kube-proxy in iptables mode and in nftables
// mode, compiled from the cluster's Services and EndpointSlices, hop by hop with each rule's text, plus the
// rule counts and the rules the kernel tests for this one packet.
import type { Command } from '../command.ts'
import { compareProxyModes } from '../../engine/dataplane/compare.ts'
import { SeededRandom } from '../../engine/sim/random.ts'

const USAGE = 'usage: proxy-modes [--json] [--node NODE] [--from IP] [--udp] DEST:PORT\n'

export const proxyModes: Command = (io, host) => {
  const args = io.argv.slice(1)
  let json = false
  let nodeName: string | undefined
  let from: string | undefined
  let protocol: 'tcp' | 'udp' = 'tcp'
  let dest: string | undefined
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (a === '--json') json = true
    else if (a === '--udp') protocol = 'udp'
    else if (a === '--node' || a === '--from') {
      const v = args[++i]
      if (!v) { io.err(`proxy-modes: ${a} needs a value\n${USAGE}`); return 2 }
      if (a === '--node') nodeName = v
      else from = v
    } else if (a.startsWith('-')) { io.err(`proxy-modes: unknown flag ${a}\n${USAGE}`); return 2 }
    else if (dest) { io.err(`proxy-modes: one destination only\n${USAGE}`); return 2 }
    else dest = a
  }
  const m = dest ? /^(?:https?:\/\/)?(\d+\.\d+\.\d+\.\d+):(\d+)\/?$/.exec(dest) : null
  if (!m) { io.err(`proxy-modes: give the destination as IP:PORT (a cluster IP, a node's IP and node port, ...)\n${USAGE}`); return 2 }
  const cluster = host.cluster
  if (!cluster) { io.err('proxy-modes: no cluster\n'); return 1 }
  const profile = cluster.profile
  const node = nodeName ? profile.nodes.find((n) => n.name === nodeName) : profile.nodes.find((n) => n.role === 'worker') ?? profile.nodes[0]
  if (!node) { io.err(`proxy-modes: no node named ${nodeName}\n`); return 1 }
  const src = from ?? '172.18.0.1'
  const seed = new SeededRandom(host.seed).int(1, 2 ** 30)
  const kind = profile.type === 'kind'
  const results = compareProxyModes(
    { services: cluster.store.list('Service') as never, endpointSlices: cluster.store.list('EndpointSlice') as never, clusterCIDR: cluster.config.clusterCIDR, serviceCIDR: cluster.config.serviceCIDR, kindMasqAgent: kind },
    { nodeName: node.name, nodeIPs: [node.internalIP] },
    { protocol, src: { ip: src, port: 40000 }, dst: { ip: m[1], port: Number(m[2]) }, origin: 'network' },
    { now: cluster.clock.now(), localAddresses: [node.internalIP], egressAddress: () => node.internalIP, at: `node/${node.name}` },
    () => new SeededRandom(seed),
  )
  if (json) { io.out(JSON.stringify({ node: node.name, packet: { protocol, src: `${src}:40000`, dst: `${m[1]}:${m[2]}` }, modes: results }, null, 2) + '\n'); return 0 }
  const lines: string[] = [`${protocol} ${src}:40000 → ${m[1]}:${m[2]} through ${node.name}, a new connection`]
  for (const r of results) {
    lines.push('', `== ${r.mode}: ${r.rules} rules${r.elements ? ` + ${r.elements} map/set elements` : ''}; ${r.evaluations} rules tested for this packet; ${r.verdict.outcome}${r.verdict.outcome === 'forward' ? ` to ${r.to}` : ''}`)
    r.hops.forEach((h, i) => lines.push(`${String(i + 1).padStart(2)}. [${h.action}] ${h.rule ?? ''}`, `    ${h.note}`))
  }
  io.out(lines.join('\n') + '\n')
  return 0
}
