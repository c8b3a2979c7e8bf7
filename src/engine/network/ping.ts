// One ICMP echo: the request's way (cluster IPs are not owned by anyone, so nothing answers them) and the
// reply's way back. TTL as the receiver sees it: 64 minus one per node that forwarded the packet.
import type { Trace } from '../trace/types.ts'
import { TraceBuilder } from '../trace/builder.ts'
import type { Peer } from './connect.ts'
import { peerAt, sourceIP } from './connect.ts'
import type { NetworkWorld } from './world.ts'
import type { Box, WalkContext } from './walk.ts'
import { walk } from './walk.ts'
import type { Pkt } from './packet.ts'

export interface EchoResult {
  replied: boolean
  ttl: number
  trace: Trace
}

function box(world: NetworkWorld, p: Peer): Box {
  if (p.kind === 'host') return { kind: 'host' }
  if (p.kind === 'pod' && !p.pod.hostNetwork) return { kind: 'pod', pod: p.pod }
  const nodeName = p.kind === 'pod' ? p.pod.nodeName : p.kind === 'node' ? p.node.name : ''
  const node = world.view.nodes.find((n) => n.name === nodeName)
  return node ? { kind: 'node', node, origin: 'local' } : { kind: 'host' }
}

export function pingOnce(world: NetworkWorld, client: Peer, dstIp: string, to: string, from?: string): EchoResult {
  const tb = new TraceBuilder(from ?? peerAt(client), to)
  const src = { ip: sourceIP(world, client, dstIp), port: 0 }
  const pkt: Pkt = { protocol: 'icmp', src, dst: { ip: dstIp, port: 0 } }
  tb.hop({ at: peerAt(client), component: 'client', action: 'send', src, dst: pkt.dst, rule: null, note: `ping sends an ICMP echo request to ${dstIp}.` })
  const ctx: WalkContext = { reply: false, nat: [] }
  const start = tb.hops.length
  const there = walk(world, tb, pkt, box(world, client), ctx)
  const routed = tb.hops.slice(start).filter((h) => h.component === 'node' && (h.action === 'route' || h.action === 'deliver') && h.at.startsWith('node/')).length
  const answered = there.kind === 'pod' || there.kind === 'node-local' || there.kind === 'host'
  if (!answered || (there.kind === 'pod' && !there.pod.running)) {
    if (there.kind !== 'dropped') tb.hop({ at: 'network', component: 'node', action: 'drop', src: pkt.src, dst: pkt.dst, rule: null, note: 'Nothing answers this echo request.' })
    return { replied: false, ttl: 0, trace: tb.finish('timeout', null, null) }
  }
  const atServer = there.kind === 'pod' ? `pod/${there.pod.name}` : there.kind === 'node-local' ? `node/${there.node.name}` : 'host'
  tb.hop({ at: atServer, component: there.kind === 'pod' ? 'pod' : 'node', action: 'reply', src: there.pkt.src, dst: there.pkt.dst, rule: null, note: 'The kernel answers with an ICMP echo reply.' })
  const reply: Pkt = { protocol: 'icmp', src: there.pkt.dst, dst: there.pkt.src }
  const replyBox: Box = there.kind === 'pod' ? { kind: 'pod', pod: there.pod } : there.kind === 'node-local' ? { kind: 'node', node: there.node, origin: 'local' } : { kind: 'host' }
  const back = (there.kind === 'pod' && client.kind === 'pod' && there.pod.name === client.pod.name) ? there : walk(world, tb, reply, replyBox, { reply: true, nat: ctx.nat })
  const ok = back.kind === 'pod' || back.kind === 'node-local' || back.kind === 'host'
  if (ok) tb.hop({ at: peerAt(client), component: 'client', action: 'receive', src: reply.src, dst: reply.dst, rule: null, note: 'The echo reply arrives.' })
  const servedBy = there.kind === 'pod' ? `pod/${there.pod.name}` : there.kind === 'node-local' ? `node/${there.node.name}` : null
  return { replied: ok, ttl: 64 - Math.max(0, routed - (there.kind === 'pod' ? 0 : 0)), trace: tb.finish(ok ? 'delivered' : 'timeout', ok ? servedBy : null, ok ? there.pkt.src.ip : null) }
}
