// Moves one packet box to box until it reaches a socket, a proxy, or is lost: a pod's netns, a node (whose
// netfilter hooks kube-proxy's tracer evaluates), the host, the internet, a load balancer. Every box appends
// its hops to the trace, so the list is complete and ordered.
import type { TraceBuilder } from '../trace/builder.ts'
import type { NetNode, NetPod } from './view.ts'
import type { NetworkWorld } from './world.ts'
import type { Pkt } from './packet.ts'
import { isLoopback } from './packet.ts'
import { nodeRoute, podDefaultRoute, vethName } from './routes.ts'
import { cidrContains } from '../net/ip.ts'
import type { LoadBalancerInfo } from './load-balancers.ts'
import { lbTargetNodes } from './load-balancers.ts'
import { firewallAllows } from '../cloud/provider-state.ts'
import { HOST_DEFAULT_ROUTE, HOST_LAN_IP, outsideHostAt } from './outside.ts'

export type Box =
  | { kind: 'pod'; pod: NetPod }
  | { kind: 'node'; node: NetNode; origin: 'network' | 'local' }
  | { kind: 'host' }
  | { kind: 'internet' }
  | { kind: 'lb'; lb: LoadBalancerInfo }

export type Arrival =
  | { kind: 'pod'; pod: NetPod; pkt: Pkt }
  | { kind: 'node-local'; node: NetNode; pkt: Pkt }
  | { kind: 'host'; pkt: Pkt }
  | { kind: 'lb'; lb: LoadBalancerInfo; pkt: Pkt }
  | { kind: 'external'; pkt: Pkt }
  | { kind: 'dropped'; pkt: Pkt; at: string }
  | { kind: 'rejected'; pkt: Pkt; at: string }

/** NAT done outside kube-proxy's rules (CNI portmap, the VPC's 1:1 NAT), undone on the way back. */
interface NatMemo {
  at: string
  before: { ip: string; port: number }
  after: { ip: string; port: number }
  rule: string
  /** Which address the NAT rewrote: a DNAT's destination, or the host's MASQUERADE of a source leaving for the internet. */
  field: 'dst' | 'src'
}

export interface WalkContext {
  reply: boolean
  nat: NatMemo[]
}

const MAX_BOXES = 40

/** Walks `pkt` from `start` until it arrives somewhere, appending hops to `tb`. */
export function walk(world: NetworkWorld, tb: TraceBuilder, pkt: Pkt, start: Box, ctx: WalkContext): Arrival {
  let box: Box = start
  let p = pkt
  for (let i = 0; i < MAX_BOXES; i++) {
    const step = stepBox(world, tb, p, box, ctx)
    if ('arrival' in step) return step.arrival
    box = step.next
    p = step.pkt
  }
  tb.hop({ at: 'node', component: 'node', action: 'drop', src: p.src, dst: p.dst, note: 'The packet looped until its TTL ran out.' })
  return { kind: 'dropped', pkt: p, at: 'loop' }
}

type Step = { arrival: Arrival } | { next: Box; pkt: Pkt }

function stepBox(world: NetworkWorld, tb: TraceBuilder, p: Pkt, box: Box, ctx: WalkContext): Step {
  switch (box.kind) {
    case 'pod': return podBox(world, tb, p, box.pod)
    case 'node': return nodeBox(world, tb, p, box.node, box.origin, ctx)
    case 'host': return hostBox(world, tb, p, ctx)
    case 'internet': return internetBox(world, tb, p, ctx)
    case 'lb': return lbBox(world, tb, p, box.lb, ctx)
  }
}

function podBox(world: NetworkWorld, tb: TraceBuilder, p: Pkt, pod: NetPod): Step {
  if (p.dst.ip === pod.ip || isLoopback(p.dst.ip)) return { arrival: { kind: 'pod', pod, pkt: p } }
  const node = world.view.nodes.find((n) => n.name === pod.nodeName)
  if (!node) return { arrival: { kind: 'dropped', pkt: p, at: `pod/${pod.name}` } }
  tb.hop({ at: `pod/${pod.name}`, component: 'pod', action: 'route', src: p.src, dst: p.dst, rule: podDefaultRoute(node),
    note: `The pod has a single route: the packet leaves its eth0 and comes out of ${vethName(pod)} in node ${node.name}.` })
  return { next: { kind: 'node', node, origin: 'network' }, pkt: p }
}

function nodeBox(world: NetworkWorld, tb: TraceBuilder, p: Pkt, node: NetNode, origin: 'network' | 'local', ctx: WalkContext): Step {
  const at = `node/${node.name}`
  if (node.down) {
    tb.hop({ at, component: 'node', action: 'drop', src: p.src, dst: p.dst, rule: null,
      note: `Node container ${node.name} is not running (docker stop/kill/pause): nothing on it receives or forwards the packet, which is lost.` })
    return { arrival: { kind: 'dropped', pkt: p, at } }
  }
  let pkt = p
  // NAT done outside the node's rules is undone on replies (the CNI portmap plugin's hostPort DNAT is in the node's nat table).
  if (ctx.reply) {
    const masq = ctx.nat.find((m) => m.at === at && m.field === 'src' && m.after.ip === pkt.dst.ip && m.after.port === pkt.dst.port)
    if (masq) {
      const dst = { ...masq.before }
      tb.hop({ at, component: 'conntrack', action: 'un-SNAT', src: pkt.src, dst: pkt.dst, dstAfter: dst, rule: masq.rule,
        note: `conntrack restores pod ${dst.ip} as the destination of the answer from outside.` })
      pkt = { ...pkt, dst }
    }
    const memo = ctx.nat.find((m) => m.at === at && m.field === 'dst' && m.after.ip === pkt.src.ip && m.after.port === pkt.src.port)
    if (memo) {
      const src = { ip: memo.before.ip, port: memo.before.port }
      tb.hop({ at, component: 'conntrack', action: 'un-DNAT', src: pkt.src, dst: pkt.dst, srcAfter: src, rule: memo.rule,
        note: 'conntrack restores the node address the client connected to (the reply of a hostPort connection).' })
      pkt = { ...pkt, src }
    }
  }
  const result = world.tracer(world.rulesFor(node.name), world.nodeState(node.name), { protocol: pkt.protocol, src: pkt.src, dst: pkt.dst, origin }, {
    random: world.random, now: world.view.now, localAddresses: localAddressesOf(node), at,
    egressAddress: egressOf(node),
  })
  tb.append(result.hops)
  const entry = result.entry
  if (entry && entry.touchedBy !== world.id) {
    entry.touchedBy = world.id
    world.touched.push([entry, node.name])
  }
  const after: Pkt = { protocol: pkt.protocol, src: result.packetAfter.src, dst: result.packetAfter.dst }
  switch (result.verdict.outcome) {
    case 'drop': return { arrival: { kind: 'dropped', pkt: after, at } }
    case 'reject': return { arrival: { kind: 'rejected', pkt: after, at } }
    case 'local': return { arrival: { kind: 'node-local', node, pkt: after } }
    case 'forward': return routeFromNode(world, tb, after, node, at, ctx)
  }
}

const KIND_MASQ_RULE = '-A KIND-MASQ-AGENT -m comment --comment "kind-masq-agent: outbound traffic is subject to MASQUERADE (must be last in chain)" -j MASQUERADE'

/**
 * kindnet masquerades pod traffic bound outside the cluster network behind the node's address. When the node's
 * compiled rules did not already (a ruleset without kindnet's chain), the walk does it here so an answer can return.
 */
function podMasquerade(world: NetworkWorld, tb: TraceBuilder, pkt: Pkt, node: NetNode, at: string, ctx: WalkContext): Pkt {
  const view = world.view
  if (view.profileType === 'gke' || !cidrContains(view.config.clusterCIDR, pkt.src.ip)) return pkt
  const src = { ip: node.internalIP, port: pkt.src.port }
  tb.hop({ at, component: 'cni', action: 'SNAT', src: pkt.src, dst: pkt.dst, srcAfter: src, rule: KIND_MASQ_RULE,
    note: `kindnet masquerades traffic leaving the pod network: the source becomes ${src.ip}.` })
  ctx.nat.push({ at, before: { ...pkt.src }, after: src, rule: KIND_MASQ_RULE, field: 'src' })
  return { ...pkt, src }
}

const localAddressLists = new WeakMap<NetNode, string[]>()

/** The node's own addresses, one array per node (the tracer keys its addrtype LOCAL set on it). */
function localAddressesOf(node: NetNode): string[] {
  let list = localAddressLists.get(node)
  if (!list) localAddressLists.set(node, (list = [node.internalIP, node.gatewayIP]))
  return list
}

const egressFns = new WeakMap<NetNode, (dstIp: string) => string>()

/** The address MASQUERADE picks on `node`: the veth gateway towards its own pods, else its InternalIP (one function per node, not per packet). */
function egressOf(node: NetNode): (dstIp: string) => string {
  let f = egressFns.get(node)
  if (!f) {
    f = (dstIp) => (cidrContains(node.podCIDR, dstIp) ? node.gatewayIP : node.internalIP)
    egressFns.set(node, f)
  }
  return f
}

function routeFromNode(world: NetworkWorld, tb: TraceBuilder, pkt: Pkt, node: NetNode, at: string, ctx: WalkContext): Step {
  const view = world.view
  const route = nodeRoute(view, node, pkt.dst.ip)
  switch (route.kind) {
    case 'local-pod':
      tb.hop({ at, component: 'node', action: 'deliver', src: pkt.src, dst: pkt.dst, rule: route.rule,
        note: `Pod ${route.pod.name} lives on this node: the packet goes down its veth into the pod.` })
      return { arrival: { kind: 'pod', pod: route.pod, pkt } }
    case 'no-pod':
      tb.hop({ at, component: 'node', action: 'drop', src: pkt.src, dst: pkt.dst, rule: route.rule, note: `No pod on ${node.name} holds ${pkt.dst.ip} any more; the packet is lost.` })
      return { arrival: { kind: 'dropped', pkt, at } }
    case 'node':
      tb.hop({ at, component: 'node', action: 'route', src: pkt.src, dst: pkt.dst, rule: route.rule,
        note: cidrContains(route.node.podCIDR, pkt.dst.ip)
          ? `${pkt.dst.ip} is in ${route.node.name}'s pod subnet: the route kindnet installed sends it to that node.`
          : `${pkt.dst.ip} is node ${route.node.name}, on the same network.` })
      return { next: { kind: 'node', node: route.node, origin: 'network' }, pkt }
    case 'docker': {
      const l2 = world.loadBalancers.find((l) => l.ip === pkt.dst.ip && l.mode === 'l2')
      if (l2) return arpAnswer(world, tb, pkt, l2, at, route.rule)
      const lb = world.loadBalancers.find((l) => l.ip === pkt.dst.ip && l.mode === 'proxy')
      tb.hop({ at, component: 'node', action: 'route', src: pkt.src, dst: pkt.dst, rule: route.rule, note: `${pkt.dst.ip} is on the docker network the kind nodes share.` })
      if (lb) return { next: { kind: 'lb', lb }, pkt }
      if (pkt.dst.ip === view.hostIP) return { next: { kind: 'host' }, pkt }
      return { arrival: { kind: 'dropped', pkt, at } }
    }
    case 'default': {
      if (view.profileType === 'gke') {
        // The VPC's 1:1 NAT gives a node's traffic to the internet its external address.
        let p = pkt
        if (node.externalIP && p.src.ip === node.internalIP) {
          const src = { ip: node.externalIP, port: p.src.port }
          tb.hop({ at: 'vpc', component: 'node', action: 'SNAT', src: p.src, dst: p.dst, srcAfter: src, rule: `accessConfig "external-nat" natIP=${node.externalIP}`,
            note: `Leaving the VPC, the node's internal address becomes its external IP ${node.externalIP}.` })
          p = { ...p, src }
        } else {
          tb.hop({ at, component: 'node', action: 'route', src: p.src, dst: p.dst, rule: route.rule, note: 'Not a cluster address: the packet leaves for the VPC gateway and the internet.' })
        }
        return { next: { kind: 'internet' }, pkt: p }
      }
      tb.hop({ at, component: 'node', action: 'route', src: pkt.src, dst: pkt.dst, rule: route.rule,
        note: `${pkt.dst.ip} is not a pod, node or docker address: the node's default route sends it to the docker bridge gateway (the host).` })
      return { next: { kind: 'host' }, pkt: ctx.reply ? pkt : podMasquerade(world, tb, pkt, node, at, ctx) }
    }
  }
}

function hostBox(world: NetworkWorld, tb: TraceBuilder, p0: Pkt, ctx: WalkContext): Step {
  const view = world.view
  let p = p0
  if (p.dst.ip === HOST_LAN_IP && view.profileType !== 'gke') {
    // An answer from the internet to the host's LAN address: conntrack undoes the host's MASQUERADE, if it did one.
    const memo = ctx.reply ? ctx.nat.find((m) => m.at === 'host' && m.field === 'src' && m.after.ip === p.dst.ip && m.after.port === p.dst.port) : undefined
    if (!memo) return { arrival: { kind: 'host', pkt: p } }
    const dst = { ...memo.before }
    tb.hop({ at: 'host', component: 'conntrack', action: 'un-SNAT', src: p.src, dst: p.dst, dstAfter: dst, rule: memo.rule,
      note: `conntrack on your machine restores the address the connection came from, ${dst.ip}.` })
    p = { ...p, dst }
  }
  if (p.dst.ip === view.hostIP || isLoopback(p.dst.ip)) return { arrival: { kind: 'host', pkt: p } }
  if (!ctx.reply && view.profileType !== 'gke' && outsideHostAt(p.dst.ip)) return leaveHost(world, tb, p, ctx)
  if (view.dockerNetwork && cidrContains(view.dockerNetwork, p.dst.ip)) {
    const bridge = `${view.dockerNetwork} dev br-${view.profileType === 'kind' ? 'kind' : 'minikube'} proto kernel scope link src ${view.hostIP}`
    const node = view.nodes.find((n) => n.internalIP === p.dst.ip)
    const l2 = world.loadBalancers.find((l) => l.ip === p.dst.ip && l.mode === 'l2')
    if (l2 && !node) return arpAnswer(world, tb, p, l2, 'host', bridge)
    const lb = world.loadBalancers.find((l) => l.ip === p.dst.ip && l.mode === 'proxy')
    if (node || lb) {
      tb.hop({ at: 'host', component: ctx.reply ? 'node' : 'client', action: 'route', src: p.src, dst: p.dst, rule: bridge,
        note: `${p.dst.ip} is ${node ? `node container ${node.name}` : 'the load balancer container'} on the docker network; the host reaches it directly.` })
      return node ? { next: { kind: 'node', node, origin: 'network' }, pkt: p } : { next: { kind: 'lb', lb: lb! }, pkt: p }
    }
    tb.hop({ at: 'host', component: 'client', action: 'drop', src: p.src, dst: p.dst, rule: bridge, note: `No container has ${p.dst.ip} on the docker network: nobody answers ARP and the packet is lost.` })
    return { arrival: { kind: 'dropped', pkt: p, at: 'host' } }
  }
  // minikube tunnel: a route for the service range through the minikube node.
  if (view.profileType === 'minikube' && world.provider.minikubeTunnel && cidrContains(view.config.serviceCIDR, p.dst.ip)) {
    const node = view.nodes[0]
    tb.hop({ at: 'host', component: 'client', action: 'route', src: p.src, dst: p.dst, rule: `${view.config.serviceCIDR} via ${node.internalIP} dev br-minikube`,
      note: '`minikube tunnel` added a route for the service range through the minikube node.' })
    return { next: { kind: 'node', node, origin: 'network' }, pkt: p }
  }
  if (view.profileType === 'gke') {
    tb.hop({ at: 'host', component: 'client', action: 'route', src: p.src, dst: p.dst, rule: 'default via 192.168.1.1 dev wlan0', note: 'The packet leaves your machine for the internet.' })
    return { next: { kind: 'internet' }, pkt: p }
  }
  tb.hop({ at: 'host', component: 'client', action: 'drop', src: p.src, dst: p.dst, rule: 'default via 192.168.1.1 dev wlan0',
    note: p.src.ip === view.hostIP || isLoopback(p.src.ip)
      ? `Your machine has no route to ${p.dst.ip} (pod and cluster IPs exist only inside the cluster): it goes to your LAN router and is never answered.`
      : `${p.dst.ip} belongs to nobody: the packet leaves through your machine towards the internet and is never answered (a cluster IP only exists in kube-proxy's rules, for the ports it lists).` })
  return { arrival: { kind: 'dropped', pkt: p, at: 'host' } }
}

/**
 * MetalLB layer 2: the sender asks who has the address; the elected node's speaker answers with that node's
 * MAC, so the packet reaches the node unchanged and its kube-proxy rules (KUBE-EXT/KUBE-SVC) take it there.
 */
function arpAnswer(world: NetworkWorld, tb: TraceBuilder, p: Pkt, lb: LoadBalancerInfo, at: string, rule: string | null): Step {
  const who = lb.announce
  const component = at === 'host' ? 'client' : 'node'
  if (!who) {
    tb.hop({ at, component, action: 'drop', src: p.src, dst: p.dst, rule,
      note: `MetalLB assigned ${p.dst.ip}, but no speaker announces it (no L2Advertisement for its pool, or no eligible node runs a speaker): nobody answers ARP and the packet is lost.` })
    return { arrival: { kind: 'dropped', pkt: p, at } }
  }
  const node = world.view.nodes.find((n) => n.name === who.node)
  tb.hop({ at, component, action: 'route', src: p.src, dst: p.dst, rule, note: `${p.dst.ip} is on the docker network: the sender asks by ARP who has it.` })
  tb.hop({ at: `node/${who.node}`, component: 'load-balancer', action: 'arp-reply', src: p.src, dst: p.dst,
    rule: `speaker ${who.speaker.metadata.name}: L2Advertisement ${who.advertisement.metadata.name}, IPAddressPool ${who.pool.metadata.name}`,
    note: `MetalLB's speaker on ${who.node} (pod ${who.speaker.metadata.name}) answers ARP for ${p.dst.ip} with ${who.node}'s MAC address: the packet goes to that node, its destination unchanged.` })
  if (!node || node.down) return { arrival: { kind: 'dropped', pkt: p, at: `node/${who.node}` } }
  return { next: { kind: 'node', node, origin: 'network' }, pkt: p }
}

/** A packet from the docker network (a kind node, a pod behind kindnet's masquerade) or the host itself leaves for the internet. */
function leaveHost(world: NetworkWorld, tb: TraceBuilder, p: Pkt, ctx: WalkContext): Step {
  let pkt = p
  const bridge = world.view.dockerNetwork
  if (p.src.ip !== HOST_LAN_IP) {
    // Docker's rule for a network's containers; anything else routed through the host is masqueraded alike here.
    const rule = `-A POSTROUTING -s ${bridge ?? '172.18.0.0/16'} ! -o br-${world.view.profileType === 'minikube' ? 'minikube' : 'kind'} -j MASQUERADE`
    const src = { ip: HOST_LAN_IP, port: p.src.port }
    tb.hop({ at: 'host', component: 'docker', action: 'SNAT', src: p.src, dst: p.dst, srcAfter: src, rule,
      note: `Leaving your machine for the internet, the source ${p.src.ip} (a container address nobody outside can answer) becomes your LAN address ${HOST_LAN_IP}.` })
    ctx.nat.push({ at: 'host', before: { ...p.src }, after: src, rule, field: 'src' })
    pkt = { ...p, src }
  }
  tb.hop({ at: 'host', component: 'client', action: 'route', src: pkt.src, dst: pkt.dst, rule: HOST_DEFAULT_ROUTE,
    note: `${pkt.dst.ip} (${outsideHostAt(pkt.dst.ip)?.name}) is on the internet: the packet leaves through your router.` })
  return { next: { kind: 'internet' }, pkt }
}

function internetBox(world: NetworkWorld, tb: TraceBuilder, p: Pkt, ctx: WalkContext): Step {
  const view = world.view
  if (p.dst.ip === view.hostIP || (ctx.reply && p.dst.ip === HOST_LAN_IP)) return { next: { kind: 'host' }, pkt: p }
  if (!ctx.reply && outsideHostAt(p.dst.ip)) return { arrival: { kind: 'external', pkt: p } }
  const lb = world.loadBalancers.find((l) => l.ip === p.dst.ip)
  if (lb) return { next: { kind: 'lb', lb }, pkt: p }
  const node = view.nodes.find((n) => n.externalIP === p.dst.ip)
  if (node) {
    const proto = p.protocol
    // The VPC firewall is stateful: the answer of a connection a node opened comes back in.
    const rule = ctx.reply ? { name: 'conntrack (established)' } : firewallAllows(world.provider, proto, p.dst.port)
    if (!rule) {
      tb.hop({ at: 'vpc', component: 'firewall', action: 'drop', src: p.src, dst: p.dst, rule: 'implied rule: deny all ingress (priority 65535)',
        note: `No VPC firewall rule allows ${proto}${proto === 'icmp' ? '' : ':' + p.dst.port} from the internet, so the packet is silently dropped.` })
      return { arrival: { kind: 'dropped', pkt: p, at: 'vpc' } }
    }
    const dst = { ip: node.internalIP, port: p.dst.port }
    const natRule = `accessConfig "external-nat" natIP=${node.externalIP}`
    tb.hop({ at: 'vpc', component: 'firewall', action: 'accept', src: p.src, dst: p.dst, rule: `firewall-rule ${rule.name}`, note: `Firewall rule ${rule.name} lets this in.` })
    tb.hop({ at: 'vpc', component: 'node', action: 'DNAT', src: p.src, dst: p.dst, dstAfter: dst, rule: natRule,
      note: `The VPC translates the node's external IP to its internal address ${node.internalIP}.` })
    return { next: { kind: 'node', node, origin: 'network' }, pkt: { ...p, dst } }
  }
  tb.hop({ at: 'internet', component: 'internet', action: 'drop', src: p.src, dst: p.dst, rule: null,
    note: `${p.dst.ip} is not routable on the internet (a private cluster address); the packet is lost.` })
  return { arrival: { kind: 'dropped', pkt: p, at: 'internet' } }
}

function lbBox(world: NetworkWorld, tb: TraceBuilder, p: Pkt, lb: LoadBalancerInfo, ctx: WalkContext): Step {
  if (lb.mode === 'proxy' || ctx.reply) {
    if (ctx.reply && lb.mode !== 'proxy') return { next: { kind: 'internet' }, pkt: p }
    return { arrival: { kind: 'lb', lb, pkt: p } }
  }
  const at = `loadbalancer/${lb.ip}`
  const targets = lbTargetNodes(world.view, lb.service).filter((t) => t.healthy)
  if (!targets.length) {
    tb.hop({ at, component: 'load-balancer', action: 'drop', src: p.src, dst: p.dst, rule: null, note: 'No node passes the health check, so the load balancer has nowhere to send the packet.' })
    return { arrival: { kind: 'dropped', pkt: p, at } }
  }
  // GCE's network load balancer hashes the 5-tuple: every packet of one connection reaches the same node.
  const pick = targets[tupleHash(p) % targets.length]
  const node = world.view.nodes.find((n) => n.name === pick.name)!
  const local = lb.service.spec?.externalTrafficPolicy === 'Local'
  tb.hop({ at, component: 'load-balancer', action: 'forward', src: p.src, dst: p.dst, rule: local ? `health check: GET http://<node>:${lb.service.spec?.healthCheckNodePort}/healthz` : null,
    note: `The cloud load balancer passes the packet unchanged to ${node.name}, one of ${targets.length} ${local ? 'nodes whose health check reports a local pod' : 'nodes'}.` })
  return { next: { kind: 'node', node, origin: 'network' }, pkt: p }
}

/** A 5-tuple hash (FNV-1a), as a passthrough load balancer spreads connections. */
function tupleHash(p: Pkt): number {
  let h = 0x811c9dc5
  for (const c of `${p.protocol}|${p.src.ip}|${p.src.port}|${p.dst.ip}|${p.dst.port}`) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193)
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  return h >>> 0
}
