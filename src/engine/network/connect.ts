// Opening a TCP connection (or sending one UDP datagram) from a client to an address: the SYN's way there,
// the listener (or RST, or silence), and the SYN-ACK's way back through the same conntrack entries. L4 proxies
// (docker-proxy for kind's extraPortMappings, cloud-provider-kind's envoy, kubectl port-forward) terminate the
// connection and open a second one, whose hops come in between.
import type { TraceBuilder } from '../trace/builder.ts'
import { formatAddr } from '../trace/builder.ts'
import type { NetNode, NetPod } from './view.ts'
import type { NetworkWorld } from './world.ts'
import type { Addr, Pkt } from './packet.ts'
import { isLoopback } from './packet.ts'
import type { Arrival, Box, WalkContext } from './walk.ts'
import { walk } from './walk.ts'
import type { Server } from './listeners.ts'
import { nodeListener, podListener } from './listeners.ts'
import type { LoadBalancerInfo } from './load-balancers.ts'
import { lbTargetNodes } from './load-balancers.ts'
import { HOST_LAN_IP, outsideHostAt } from './outside.ts'
import { gatewayListenerOn, listenersLabel } from '../gateway/listener.ts'
import type { ServicePort } from 'kubernetes-types/core/v1'

export type Peer =
  | { kind: 'host' }
  | { kind: 'pod'; pod: NetPod }
  | { kind: 'node'; node: NetNode }
  | { kind: 'lb'; lb: LoadBalancerInfo }

/** What a connection remembers for keep-alive reuse: its source port and the proxies' upstream choices. */
export interface ConnMemo {
  srcPort: number
  upstream?: { target: Addr; memo: ConnMemo }
}

/** Called when a server accepts, before its answer travels back (the app answers; a proxy opens its upstream). */
export type AcceptHandler = (server: Server, peerSeen: Addr, local: Addr, tb: TraceBuilder) => void

export interface Connection {
  status: 'open' | 'refused' | 'timeout' | 'empty-reply'
  server?: Server
  /** The client address as the server saw it. */
  peerSeen?: Addr
  /** The address the server accepted on. */
  local?: Addr
  client: Addr
  memo: ConnMemo
}

export function peerAt(p: Peer): string {
  switch (p.kind) {
    case 'host': return 'host'
    case 'pod': return `pod/${p.pod.name}`
    case 'node': return `node/${p.node.name}`
    case 'lb': return `loadbalancer/${p.lb.ip}`
  }
}

/** The source address the client's kernel picks for `dst`. */
export function sourceIP(world: NetworkWorld, p: Peer, dstIp: string): string {
  if (isLoopback(dstIp)) return '127.0.0.1'
  switch (p.kind) {
    // Towards the internet the host speaks from its LAN address, not from the docker bridge.
    case 'host': return world.view.profileType !== 'gke' && outsideHostAt(dstIp) ? HOST_LAN_IP : world.view.hostIP
    case 'pod': return p.pod.ip
    case 'node': return p.node.internalIP
    case 'lb': return p.lb.ip
  }
}

function startBox(world: NetworkWorld, p: Peer): Box {
  switch (p.kind) {
    case 'host': return { kind: 'host' }
    case 'pod': {
      if (!p.pod.hostNetwork) return { kind: 'pod', pod: p.pod }
      const node = world.view.nodes.find((n) => n.name === p.pod.nodeName)!
      return { kind: 'node', node, origin: 'local' }
    }
    case 'node': return { kind: 'node', node: p.node, origin: 'local' }
    case 'lb': return { kind: 'lb', lb: p.lb }
  }
}

/** Whether a reply arrival reached the connection's client. */
function reachedClient(a: Arrival, client: Peer): boolean {
  switch (client.kind) {
    case 'host': return a.kind === 'host'
    case 'pod': return client.pod.hostNetwork ? a.kind === 'node-local' && a.node.name === client.pod.nodeName : a.kind === 'pod' && a.pod.name === client.pod.name
    case 'node': return a.kind === 'node-local' && a.node.name === client.node.name
    case 'lb': return a.kind === 'lb' && a.lb.ip === client.lb.ip
  }
}

function serverBox(world: NetworkWorld, s: Server, arrival: Arrival): Box {
  if (arrival.kind === 'pod') return { kind: 'pod', pod: arrival.pod }
  if (arrival.kind === 'node-local') return { kind: 'node', node: arrival.node, origin: 'local' }
  if (s.kind === 'external') return { kind: world.view.profileType === 'gke' ? 'internet' : 'host' }
  return { kind: 'host' }
}

/** An ephemeral port from the Linux range (net.ipv4.ip_local_port_range 32768 60999). */
export function ephemeralPort(world: NetworkWorld): number {
  // A small integer, never the heap number a draw sometimes is: packets, tuples and conntrack entries keep it in
  // fields V8 otherwise re-shapes (rule-index.ts's compiledCheck says why).
  return world.random.int(32768, 60999) | 0
}

/**
 * Opens one connection (protocol tcp or udp) and records every hop of the handshake both ways. `memo`
 * reuses a previous connection (keep-alive): the same source port hits the same conntrack entries. `srcPort`
 * is a new connection's source port when the caller picked it already (a proxy that showed it on its own hop).
 */
export function connect(world: NetworkWorld, tb: TraceBuilder, client: Peer, dst: Addr, protocol: 'tcp' | 'udp', memo?: ConnMemo, onAccept?: AcceptHandler, srcPort?: number): Connection {
  const src: Addr = { ip: sourceIP(world, client, dst.ip), port: memo?.srcPort ?? srcPort ?? ephemeralPort(world) }
  const m: ConnMemo = memo ?? { srcPort: src.port }
  const at = peerAt(client)
  const pkt: Pkt = { protocol, src, dst }
  const proxied = client.kind === 'host' && isLoopback(dst.ip) ? hostLoopback(world, tb, pkt, m, onAccept) : undefined
  if (proxied) return proxied
  tb.hop({ at, component: 'client', action: memo ? 'send' : protocol === 'tcp' ? 'connect' : 'send', src, dst,
    rule: null, note: memo ? 'The next request travels on the same connection (keep-alive).' : protocol === 'tcp' ? `The client opens a TCP connection to ${dst.ip}:${dst.port} (SYN).` : `The client sends a UDP datagram to ${dst.ip}:${dst.port}.` })
  if (client.kind === 'pod' && !client.pod.hostNetwork && (dst.ip === client.pod.ip || isLoopback(dst.ip))) {
    return accept(world, tb, client, { kind: 'pod', pod: client.pod, pkt }, m, src, { reply: false, nat: [] }, onAccept)
  }
  const ctx: WalkContext = { reply: false, nat: [] }
  const arrival = walk(world, tb, pkt, startBox(world, client), ctx)
  return finish(world, tb, client, arrival, m, src, ctx, onAccept)
}

function finish(world: NetworkWorld, tb: TraceBuilder, client: Peer, arrival: Arrival, memo: ConnMemo, src: Addr, ctx: WalkContext, onAccept?: AcceptHandler): Connection {
  switch (arrival.kind) {
    case 'dropped': return { status: 'timeout', client: src, memo }
    case 'rejected':
      tb.hop({ at: arrival.at, component: 'kube-proxy', action: 'reject', src: arrival.pkt.src, dst: arrival.pkt.dst, rule: null,
        note: 'The REJECT rule answers with ICMP port-unreachable: the client gets "connection refused" at once.' })
      return { status: 'refused', client: src, memo }
    case 'lb': return arrival.lb.gateway ? acceptAtGateway(world, tb, client, arrival.lb, arrival.pkt, memo, src, ctx, onAccept) : proxyThroughLB(world, tb, client, arrival.lb, arrival.pkt, memo, src, ctx, onAccept)
    case 'external': return acceptOutside(world, tb, client, arrival.pkt, memo, src, ctx, onAccept)
    default: return accept(world, tb, client, arrival, memo, src, ctx, onAccept)
  }
}

function accept(world: NetworkWorld, tb: TraceBuilder, client: Peer, arrival: Arrival, memo: ConnMemo, src: Addr, ctx: WalkContext, onAccept?: AcceptHandler): Connection {
  const pkt = (arrival as { pkt: Pkt }).pkt
  const proto = pkt.protocol
  let server: Server | undefined
  let at = 'host'
  if (arrival.kind === 'pod') { server = podListener(world.view, arrival.pod, proto, pkt.dst.port); at = `pod/${arrival.pod.name}` }
  else if (arrival.kind === 'node-local') { server = nodeListener(world.view, arrival.node, proto, pkt.dst.port); at = `node/${arrival.node.name}` }
  if (!server) {
    if (proto === 'udp') {
      tb.hop({ at, component: arrival.kind === 'pod' ? 'pod' : 'node', action: 'drop', src: pkt.src, dst: pkt.dst, rule: null,
        note: `Nothing listens on UDP ${pkt.dst.port} here; the datagram is discarded.` })
      return { status: 'timeout', client: src, memo }
    }
    tb.hop({ at, component: arrival.kind === 'pod' ? 'pod' : 'node', action: 'reset', src: pkt.src, dst: pkt.dst, rule: null,
      note: `No process listens on port ${pkt.dst.port} ${arrival.kind === 'pod' ? `in pod ${arrival.pod.name}` : 'here'}: the kernel answers the SYN with RST.` })
    const back = replyWalk(world, tb, arrival, pkt, ctx, client)
    return { status: back ? 'refused' : 'timeout', client: src, memo }
  }
  tb.hop({ at, component: arrival.kind === 'pod' ? 'pod' : 'node', action: 'accept', src: pkt.src, dst: pkt.dst, rule: null,
    note: `${describe(server)} accepts the connection on port ${pkt.dst.port}; it sees the client as ${pkt.src.ip}.` })
  onAccept?.(server, pkt.src, pkt.dst, tb)
  const back = replyWalk(world, tb, arrival, pkt, ctx, client, server)
  if (!back) return { status: 'timeout', client: src, memo }
  return { status: 'open', server, peerSeen: pkt.src, local: pkt.dst, client: src, memo }
}

/** A public host's web server (ports 80 and 443); its other ports are filtered, as on the real internet. */
function acceptOutside(world: NetworkWorld, tb: TraceBuilder, client: Peer, pkt: Pkt, memo: ConnMemo, src: Addr, ctx: WalkContext, onAccept?: AcceptHandler): Connection {
  const at = `external/${pkt.dst.ip}`
  const host = outsideHostAt(pkt.dst.ip)
  if (pkt.protocol !== 'tcp' || ![80, 443].includes(pkt.dst.port)) {
    tb.hop({ at, component: 'internet', action: 'drop', src: pkt.src, dst: pkt.dst, rule: null, note: `${host?.name ?? pkt.dst.ip} does not answer on ${pkt.protocol} ${pkt.dst.port}: the packet is filtered and nothing comes back.` })
    return { status: 'timeout', client: src, memo }
  }
  const server: Server = { kind: 'external', ip: pkt.dst.ip }
  tb.hop({ at, component: 'internet', action: 'accept', src: pkt.src, dst: pkt.dst, rule: null,
    note: `The web server of ${host?.name} accepts the connection; it sees the client as ${pkt.src.ip}.` })
  onAccept?.(server, pkt.src, pkt.dst, tb)
  const back = replyWalk(world, tb, { kind: 'external', pkt }, pkt, ctx, client, server)
  if (!back) return { status: 'timeout', client: src, memo }
  return { status: 'open', server, peerSeen: pkt.src, local: pkt.dst, client: src, memo }
}

function describe(s: Server): string {
  switch (s.kind) {
    case 'container': return `Container ${s.container.name} of pod ${s.pod.name}`
    case 'healthcheck': return `kube-proxy's health check server on ${s.node.name}`
    case 'daemon': return `${s.name} on ${s.node.name}`
    case 'external': return `The server at ${s.ip}`
    case 'envoy': return `The envoy of Gateway ${s.gateway.metadata.namespace}/${s.gateway.metadata.name}`
  }
}

/** The answer's way back to the client; true when it got there. */
function replyWalk(world: NetworkWorld, tb: TraceBuilder, arrival: Arrival, pkt: Pkt, ctx: WalkContext, client: Peer, server?: Server): boolean {
  const reply: Pkt = { protocol: pkt.protocol, src: pkt.dst, dst: pkt.src }
  if (arrival.kind === 'pod' && client.kind === 'pod' && arrival.pod.name === client.pod.name) return true
  const box = server ? serverBox(world, server, arrival) : arrival.kind === 'pod' ? { kind: 'pod' as const, pod: arrival.pod } : arrival.kind === 'node-local' ? { kind: 'node' as const, node: arrival.node, origin: 'local' as const } : { kind: 'host' as const }
  const back = walk(world, tb, reply, box, { reply: true, nat: ctx.nat })
  if (!reachedClient(back, client)) return false
  tb.hop({ at: peerAt(client), component: 'client', action: 'receive', src: back.kind === 'dropped' ? reply.src : (back as { pkt: Pkt }).pkt.src, dst: (back as { pkt: Pkt }).pkt.dst, rule: null,
    note: 'The answer reaches the client, with the addresses it expects (conntrack reversed every translation).' })
  return true
}

function proxyThroughLB(world: NetworkWorld, tb: TraceBuilder, client: Peer, lb: LoadBalancerInfo, pkt: Pkt, memo: ConnMemo, src: Addr, ctx: WalkContext, onAccept?: AcceptHandler): Connection {
  const at = `loadbalancer/${lb.ip}`
  const svcPort = ((lb.service.spec?.ports ?? []) as ServicePort[]).find((p) => p.port === pkt.dst.port && (p.protocol ?? 'TCP').toLowerCase() === pkt.protocol)
  if (!svcPort) {
    tb.hop({ at, component: 'load-balancer', action: 'reset', src: pkt.src, dst: pkt.dst, rule: null, note: `The load balancer has no listener on port ${pkt.dst.port}.` })
    replyWalk(world, tb, { kind: 'lb', lb, pkt }, pkt, ctx, client)
    return { status: 'refused', client: src, memo }
  }
  const targets = lbTargetNodes(world.view, lb.service).filter((t) => t.healthy)
  let target = memo.upstream?.target
  if (!target) {
    if (!targets.length) {
      tb.hop({ at, component: 'load-balancer', action: 'close', src: pkt.src, dst: pkt.dst, rule: null, note: 'No node passes the health check: envoy accepts, then closes the connection.' })
      return { status: 'empty-reply', client: src, memo }
    }
    const t = targets[world.random.int(0, targets.length - 1)]
    // A LoadBalancer Service's ports carry their node port (allocated at admission).
    target = { ip: t.ip, port: svcPort.nodePort as number }
  }
  const node = world.view.nodes.find((n) => n.internalIP === target!.ip)!
  const upSrc: Addr = { ip: lb.ip, port: memo.upstream?.memo.srcPort ?? ephemeralPort(world) }
  // The proxy ends the client's connection and opens its own: the hop shows both, so the next hop starts where it leaves the packet.
  tb.hop({ at, component: 'load-balancer', action: 'proxy', src: pkt.src, dst: pkt.dst, srcAfter: upSrc, dstAfter: target, rule: `envoy cluster endpoint ${target.ip}:${target.port}`,
    note: `cloud-provider-kind's envoy accepts the connection and opens its own to node port ${target.port} on ${target.ip}: the node sees the envoy's address, not yours.` })
  const upMemo: ConnMemo = memo.upstream?.memo ?? { srcPort: upSrc.port }
  const upPkt: Pkt = { protocol: pkt.protocol, src: upSrc, dst: target }
  const upCtx: WalkContext = { reply: false, nat: [] }
  const upArrival = walk(world, tb, upPkt, { kind: 'node', node, origin: 'network' }, upCtx)
  const upstream = finish(world, tb, { kind: 'lb', lb }, upArrival, upMemo, upSrc, upCtx, onAccept)
  memo.upstream = { target, memo: upMemo }
  if (upstream.status !== 'open') return { status: upstream.status === 'timeout' ? 'timeout' : 'empty-reply', client: src, memo }
  tb.hop({ at, component: 'load-balancer', action: 'proxy', src: target, dst: upSrc, srcAfter: pkt.dst, dstAfter: pkt.src, rule: `envoy cluster endpoint ${target.ip}:${target.port}`,
    note: `The envoy copies the answer from its connection to ${target.ip}:${target.port} back onto yours: it comes from ${formatAddr(pkt.dst)}, the address you called.` })
  const back = replyWalk(world, tb, { kind: 'lb', lb, pkt }, pkt, ctx, client)
  if (!back) return { status: 'timeout', client: src, memo }
  return { ...upstream, client: src, memo }
}

/** A Gateway's envoy: an L7 proxy that accepts on its listeners' ports; the request's routing is done by the answer (gateway/serve.ts). */
function acceptAtGateway(world: NetworkWorld, tb: TraceBuilder, client: Peer, lb: LoadBalancerInfo, pkt: Pkt, memo: ConnMemo, src: Addr, ctx: WalkContext, onAccept?: AcceptHandler): Connection {
  const at = `loadbalancer/${lb.ip}`
  const gw = lb.gateway!
  const listener = gatewayListenerOn(gw, pkt.dst.port)
  if (!listener || pkt.protocol !== 'tcp') {
    tb.hop({ at, component: 'gateway', action: 'reset', src: pkt.src, dst: pkt.dst, rule: null, note: `Gateway ${gw.metadata.name} has no HTTP listener on port ${pkt.dst.port}: the envoy container refuses the connection.` })
    replyWalk(world, tb, { kind: 'lb', lb, pkt }, pkt, ctx, client)
    return { status: 'refused', client: src, memo }
  }
  tb.hop({ at, component: 'gateway', action: 'accept', src: pkt.src, dst: pkt.dst, rule: `Gateway ${gw.metadata.namespace}/${gw.metadata.name} ${listenersLabel(gw, listener.port)}`,
    note: `The Gateway's envoy accepts the connection on port ${listener.port} and reads the HTTP request (its Host header and path) to pick a route.` })
  const server: Server = { kind: 'envoy', gateway: gw, listener, ip: lb.ip }
  onAccept?.(server, pkt.src, pkt.dst, tb)
  const back = replyWalk(world, tb, { kind: 'lb', lb, pkt }, pkt, ctx, client)
  if (!back) return { status: 'timeout', client: src, memo }
  return { status: 'open', server, peerSeen: pkt.src, local: pkt.dst, client: src, memo }
}

/** Opens a connection whose first packet starts in `first` (a proxy's upstream leg entering the cluster at a node). */
export function connectFrom(world: NetworkWorld, tb: TraceBuilder, client: Peer, first: Box, pkt: Pkt, onAccept?: AcceptHandler): Connection {
  const ctx: WalkContext = { reply: false, nat: [] }
  const arrival = walk(world, tb, pkt, first, ctx)
  return finish(world, tb, client, arrival, { srcPort: pkt.src.port }, pkt.src, ctx, onAccept)
}

/** localhost on the host: a kubectl port-forward, or a port docker publishes for a kind node (extraPortMappings). */
function hostLoopback(world: NetworkWorld, tb: TraceBuilder, pkt: Pkt, memo: ConnMemo, onAccept?: AcceptHandler): Connection | undefined {
  const view = world.view
  const pf = world.portForwards.find((f) => f.localPort === pkt.dst.port)
  if (pf) {
    const pod = view.pods.find((p) => p.namespace === pf.namespace && p.name === pf.pod)
    tb.hop({ at: 'host', component: 'client', action: 'connect', src: pkt.src, dst: pkt.dst, rule: `kubectl port-forward ${pf.pod} ${pf.localPort}:${pf.podPort}`,
      note: 'kubectl port-forward listens here and carries the bytes over the API server and the kubelet, straight into the pod: no Service, no kube-proxy rules.' })
    if (!pod) return { status: 'empty-reply', client: pkt.src, memo }
    const inside: Pkt = { protocol: pkt.protocol, src: { ip: '127.0.0.1', port: ephemeralPort(world) }, dst: { ip: '127.0.0.1', port: pf.podPort } }
    tb.hop({ at: `node/${pod.nodeName}`, component: 'node', action: 'forward', src: pkt.src, dst: pkt.dst, srcAfter: inside.src, dstAfter: inside.dst, rule: null,
      note: `The kubelet on ${pod.nodeName} opens the connection inside pod ${pod.name}'s network namespace, to localhost:${pf.podPort}.` })
    const server = podListener(view, pod, pkt.protocol, pf.podPort)
    pf.onConnection?.(server !== undefined)
    if (!server) {
      tb.hop({ at: `pod/${pod.name}`, component: 'pod', action: 'reset', src: inside.src, dst: inside.dst, rule: null, note: `Nothing listens on ${pf.podPort} in the pod: kubectl reports the error and closes your connection.` })
      return { status: 'empty-reply', client: pkt.src, memo }
    }
    tb.hop({ at: `pod/${pod.name}`, component: 'pod', action: 'accept', src: inside.src, dst: inside.dst, rule: null, note: `Container ${server.kind === 'container' ? server.container.name ?? '' : ''} accepts; it sees the client as 127.0.0.1.` })
    onAccept?.(server, inside.src, inside.dst, tb)
    return { status: 'open', server, peerSeen: inside.src, local: inside.dst, client: pkt.src, memo }
  }
  for (const node of view.nodes) {
    const mapping = node.extraPortMappings.find((m) => m.hostPort === pkt.dst.port && m.protocol.toLowerCase() === pkt.protocol)
    if (!mapping) continue
    const rule = `docker-proxy -proto ${pkt.protocol} -host-ip ${mapping.listenAddress} -host-port ${mapping.hostPort} -container-ip ${node.internalIP} -container-port ${mapping.containerPort}`
    // docker-proxy accepts on localhost and opens its own connection to the node: the hop shows the packet on both.
    const inner: Pkt = { protocol: pkt.protocol, src: { ip: view.hostIP, port: ephemeralPort(world) }, dst: { ip: node.internalIP, port: mapping.containerPort } }
    tb.hop({ at: 'host', component: 'docker', action: 'proxy', src: pkt.src, dst: pkt.dst, srcAfter: inner.src, dstAfter: inner.dst, rule,
      note: `extraPortMappings: docker publishes port ${mapping.hostPort} of your machine and forwards it to port ${mapping.containerPort} of node container ${node.name}.` })
    const ctx: WalkContext = { reply: false, nat: [] }
    const arrival = walk(world, tb, inner, { kind: 'node', node, origin: 'network' }, ctx)
    const conn = finish(world, tb, { kind: 'host' }, arrival, memo, pkt.src, ctx, onAccept)
    if (conn.status === 'open') {
      tb.hop({ at: 'host', component: 'docker', action: 'proxy', src: inner.dst, dst: inner.src, srcAfter: pkt.dst, dstAfter: pkt.src, rule,
        note: `docker-proxy copies the answer from node container ${node.name} back onto your connection to localhost:${mapping.hostPort}.` })
      tb.hop({ at: 'host', component: 'client', action: 'receive', src: pkt.dst, dst: pkt.src, rule: null, note: 'The answer reaches the client on the connection it opened to localhost.' })
    }
    return { ...conn, client: pkt.src }
  }
  tb.hop({ at: 'host', component: 'client', action: 'reset', src: pkt.src, dst: pkt.dst, rule: null, note: `Nothing listens on port ${pkt.dst.port} of your machine.` })
  return { status: 'refused', client: pkt.src, memo }
}

