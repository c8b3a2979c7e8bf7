// Every hop a place: the stations a packet crosses inside one box (a node, a load balancer, a pod), read off
// the TRACE's hops. A visit is a run of hops at the same box; each hop is one station, drawn as a row of the
// box's opened view, with the iptables hook it sits in (nat PREROUTING, filter FORWARD, nat POSTROUTING), the
// component that does the work (kube-proxy, conntrack, the kernel's routing) and the NAT it applies.
import type { TraceHop } from '../../engine/trace/types.ts'
import type { Packet } from './schedule.ts'

type NatKind = 'DNAT' | 'SNAT' | 'un-DNAT' | 'un-SNAT'

interface Station {
  /** What the room reads on the row: the chain (`KUBE-SVC-…`), `routing`, `veth → pod`, `conntrack`. */
  label: string
  /** What happens there: `→ KUBE-NODEPORTS`, `DNAT → 10.244.2.2:8080`, `via 172.18.0.4 dev eth0`. */
  detail: string
  /** The hook or stage: `nat PREROUTING`, `filter FORWARD`, `nat POSTROUTING`, `routing`, `out`, … */
  stage: string
  /** The component doing the work, lit while the packet is here. */
  worker: string
  nat: NatKind | null
}

export interface Visit {
  /** Topology box id. */
  box: string
  /** Index of the visit's first hop in the packet. */
  first: number
  stations: Station[]
}

// The iptables hooks kube-proxy's chains hang off (the rule's own chain decides; KUBE-* chains inherit it).
const HOOKS: Record<string, string> = {
  PREROUTING: 'nat PREROUTING', OUTPUT: 'nat OUTPUT', FORWARD: 'filter FORWARD', 'KUBE-FORWARD': 'filter FORWARD',
  POSTROUTING: 'nat POSTROUTING', 'KUBE-POSTROUTING': 'nat POSTROUTING',
}

const WORKERS: Record<string, string> = {
  node: 'kernel', 'kube-proxy': 'kube-proxy', conntrack: 'conntrack', cni: 'CNI portmap', pod: 'container',
  coredns: 'CoreDNS', 'ingress-controller': 'ingress-nginx', 'load-balancer': 'load balancer', client: 'client', docker: 'docker',
}

function natOf(hop: TraceHop): NatKind | null {
  if (hop.action === 'un-DNAT' || hop.action === 'un-SNAT') return hop.action
  if (hop.dst !== hop.dstAfter) return 'DNAT'
  if (hop.src !== hop.srcAfter) return 'SNAT'
  return null
}

/** `-A KUBE-SEP-X … -j DNAT --to-destination 10.244.2.2:8080` → chain and target. */
function ruleParts(rule: string | null): { chain: string; target: string } | null {
  const m = rule ? /^-[AP] (\S+)(?: .*?)?(?: -j (\S+)|\s(ACCEPT|DROP))/.exec(rule) : null
  return m ? { chain: m[1], target: m[2] ?? m[3] ?? '' } : null
}

/** The station of one hop; `hook` is the iptables hook the visit is in so far (KUBE-* chains inherit it). */
export function stationOf(hop: TraceHop, hook = 'nat PREROUTING'): Station {
  const worker = WORKERS[hop.component] ?? hop.component
  const nat = natOf(hop)
  const parts = ruleParts(hop.rule)
  if (parts && (hop.component === 'kube-proxy' || hop.component === 'cni' || parts.chain === 'FORWARD')) {
    const stage = HOOKS[parts.chain] ?? hook
    const policy = hop.rule!.startsWith('-P ')
    const detail = nat === 'DNAT' ? `DNAT → ${hop.dstAfter}`
      : nat === 'SNAT' ? `${parts.target || 'SNAT'} → ${hop.srcAfter.replace(/:\d+$/, '')}`
      : policy ? `policy ${parts.target}` : hop.action === 'mark-masq' ? 'mark for SNAT (0x4000)' : `→ ${parts.target}`
    return { label: parts.chain, detail, stage, worker, nat }
  }
  if (hop.component === 'conntrack') {
    // The reverse NAT goes in the label, so the restored address fits its column whole.
    return { label: nat ? `conntrack ${nat}` : 'conntrack', detail: nat ? (nat.endsWith('SNAT') ? `dst → ${hop.dstAfter}` : `src → ${hop.srcAfter}`) : hop.action, stage: 'conntrack', worker, nat }
  }
  if (hop.action === 'route') {
    const via = hop.rule ? /(?:via (\S+) )?dev (\S+)/.exec(hop.rule) : null
    return { label: 'routing', detail: via ? `${via[1] ? `via ${via[1]} ` : ''}dev ${via[2]}` : 'route', stage: 'routing', worker, nat }
  }
  if (hop.action === 'deliver') {
    const dev = hop.rule ? /dev (\S+)/.exec(hop.rule) : null
    return { label: 'veth → pod', detail: dev ? dev[1] : 'into the pod', stage: 'out', worker, nat }
  }
  return { label: hop.action, detail: nat ? `${nat} → ${nat === 'DNAT' ? hop.dstAfter : hop.srcAfter}` : worker, stage: worker, worker, nat }
}

/** The packet's visits: each run of hops at one box, with one station per hop. */
export function visitsOf(packet: Pick<Packet, 'hops'>): Visit[] {
  const visits: Visit[] = []
  let hook = 'nat PREROUTING'
  packet.hops.forEach((h, i) => {
    let v = visits[visits.length - 1]
    if (!v || v.box !== h.node) { v = { box: h.node, first: i, stations: [] }; visits.push(v); hook = 'nat PREROUTING' }
    const s = stationOf(h.hop, hook)
    if (s.stage.startsWith('nat ') || s.stage.startsWith('filter ')) hook = s.stage
    v.stations.push(s)
  })
  return visits
}

/** The visit holding hop `hopIndex`. */
export function visitAt(visits: readonly Visit[], hopIndex: number): Visit | null {
  for (let i = visits.length - 1; i >= 0; i--) if (visits[i].first <= hopIndex) return visits[i]
  return null
}

/** The opened view's geometry, in flow units, beside the box it opens (the boxes' right side is free in the layout). */
export const OPEN = { gap: 28, width: 760, head: 54, row: 34, pad: 10 }

export interface Rect { x: number; y: number; width: number; height: number }

export function openedRect(box: Rect, stations: number): Rect {
  return { x: box.x + box.width + OPEN.gap, y: box.y, width: OPEN.width, height: OPEN.head + stations * OPEN.row + OPEN.pad }
}

/** Where the dot sits at station `i` of an opened view: the row's left edge, on its middle line. */
export function stationPoint(opened: Rect, i: number): { x: number; y: number } {
  return { x: opened.x + 16, y: opened.y + OPEN.head + i * OPEN.row + OPEN.row / 2 }
}
