// Turns TRACEs into what the canvas plays: packets (one per TRACE) whose hops sit on a shared clock. A hop at
// a new place is reached after a trip along the track between the two boxes; further hops at the same place
// (the rules one node applies) follow after a short pause. Batches start their packets staggered.
import type { Trace, TraceHop } from '../../engine/trace/types.ts'
import type { HopTargets } from './hopTarget.ts'

export const TRAVEL = 1
export const DWELL = 0.35

type PacketKind = 'dns' | 'request'

export interface PacketHop {
  hop: TraceHop
  /** Topology box the hop happens in. */
  node: string
  /** Clock time at which the packet reaches this hop (absolute, start included). */
  t: number
  /** True for the first hop at a box (the packet has just travelled there). */
  arrives: boolean
  /** On the way back (after the server answered). */
  reply: boolean
}

export interface Packet {
  /** Index in the timeline. */
  index: number
  requestId: number
  trace: Trace
  kind: PacketKind
  start: number
  end: number
  hops: PacketHop[]
}

/** A DNS lookup's TRACE (its first packet goes to port 53). */
export function isDns(trace: Trace): boolean {
  return trace.hops[0]?.dst.endsWith(':53') ?? !/^[a-z]+:\/\//.test(trace.to)
}

const REPLY_START = new Set(['respond', 'resolve', 'reset', 'reply'])

/** The hops of one TRACE laid on the clock from `start`. */
export function packetHops(trace: Trace, where: HopTargets, start: number): PacketHop[] {
  const out: PacketHop[] = []
  let t = start
  let reply = false
  let prev: string | null = null
  for (const hop of trace.hops) {
    const node = where(hop.at)
    const arrives = prev !== null && node !== prev
    if (prev !== null) t += arrives ? TRAVEL : DWELL
    out.push({ hop, node, t, arrives: arrives || prev === null, reply })
    if (REPLY_START.has(hop.action)) reply = true
    prev = node
  }
  return out
}

/** A request's TRACEs: its DNS lookup(s) first, then the connection they were for. */
export function groupRequests(traces: Trace[]): Trace[][] {
  const groups: Trace[][] = []
  let lookups: Trace[] = []
  for (const t of traces) {
    if (isDns(t)) { lookups.push(t); continue }
    groups.push([...lookups, t])
    lookups = []
  }
  if (lookups.length) groups.push(lookups)
  return groups
}

/** The one-way duration of a request's packets laid end to end. */
function duration(group: Trace[], where: HopTargets): number {
  let t = 0
  for (const trace of group) { const hops = packetHops(trace, where, t); t = (hops.at(-1)?.t ?? t) + DWELL }
  return t
}

/**
 * Lays out the requests of one command: a request's DNS lookup runs first and its connection after; requests
 * start staggered so that about `inFlight` are on their way at once (a batch of 100 keeps ~50 in flight).
 */
export function buildTimeline(traces: Trace[], where: HopTargets, inFlight = 50): Packet[] {
  const groups = groupRequests(traces)
  const avg = groups.length ? groups.reduce((n, g) => n + duration(g, where), 0) / groups.length : 0
  const stagger = groups.length > 1 ? Math.max(0.12, avg / Math.min(groups.length, inFlight)) : 0
  const packets: Packet[] = []
  groups.forEach((group, requestId) => {
    let t = requestId * stagger
    for (const trace of group) {
      const hops = packetHops(trace, where, t)
      const end = hops.length ? hops[hops.length - 1].t + DWELL : t + DWELL
      packets.push({ index: packets.length, requestId, trace, kind: isDns(trace) ? 'dns' : 'request', start: t, end, hops })
      t = end // the connection waits for its lookup
    }
  })
  return packets
}

/** Where a packet is at clock time `t`: at hop `i` (`frac` 0), or travelling from hop i to hop i+1. */
export interface PacketPosition { hopIndex: number; from: string; to: string; frac: number; done: boolean }

export function positionAt(p: Packet, t: number): PacketPosition | null {
  if (t < p.start || !p.hops.length) return null
  const hops = p.hops
  if (t >= hops[hops.length - 1].t) {
    const last = hops[hops.length - 1]
    return { hopIndex: hops.length - 1, from: last.node, to: last.node, frac: 0, done: t >= p.end }
  }
  let lo = 0
  let hi = hops.length - 1
  while (lo < hi - 1) { const mid = (lo + hi) >> 1; if (hops[mid].t <= t) lo = mid; else hi = mid }
  const a = hops[lo]
  const b = hops[lo + 1]
  if (!b.arrives || a.node === b.node) return { hopIndex: lo, from: a.node, to: a.node, frac: 0, done: false }
  return { hopIndex: lo, from: a.node, to: b.node, frac: (t - a.t) / (b.t - a.t), done: false }
}

/** Every hop time on the clock, sorted: the stops of step forward / back. */
export function stepTimes(packets: Packet[]): number[] {
  const times = packets.flatMap((p) => p.hops.map((h) => h.t))
  times.sort((a, b) => a - b)
  return times.filter((t, i) => i === 0 || t - times[i - 1] > 1e-9)
}

export function nextStep(times: number[], t: number): number {
  for (const s of times) if (s > t + 1e-9) return s
  return times[times.length - 1] ?? 0
}

export function prevStep(times: number[], t: number): number {
  for (let i = times.length - 1; i >= 0; i--) if (times[i] < t - 1e-9) return times[i]
  return times[0] ?? 0
}

/** The tracks the packets use, one per pair of boxes (a reply travels the same track backwards). */
export function trackKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`
}

export function tracksOf(packets: Packet[]): { key: string; source: string; target: string }[] {
  const seen = new Map<string, { key: string; source: string; target: string }>()
  for (const p of packets) {
    for (let i = 1; i < p.hops.length; i++) {
      const a = p.hops[i - 1].node
      const b = p.hops[i].node
      if (a === b) continue
      const key = trackKey(a, b)
      if (!seen.has(key)) {
        // React Flow draws from a source handle: the client box only has one, so it is always the source.
        const [source, target] = b === 'client' ? [b, a] : a < b || a === 'client' ? [a, b] : [b, a]
        seen.set(key, { key, source, target })
      }
    }
  }
  return [...seen.values()]
}

/** How a packet ended, for the unmistakable outcome mark. */
export type Ending = 'delivered' | 'refused' | 'dropped' | 'unresolved' | 'http-error'

export function endingOf(trace: Trace): Ending {
  switch (trace.outcome) {
    case 'delivered': return 'delivered'
    case 'refused': return 'refused'
    case 'timeout': return 'dropped'
    case 'unresolved': return 'unresolved'
    default: return 'http-error'
  }
}

/** The chain path of the service decision so far: PREROUTING → KUBE-SERVICES → KUBE-NODEPORTS → KUBE-EXT-… → KUBE-SVC-… → KUBE-SEP-…. */
export function chainPath(hops: TraceHop[]): string[] {
  const path: string[] = []
  for (const h of hops) {
    const m = h.rule && /^-A (\S+)(?: .*)? -j (\S+)/.exec(h.rule)
    if (!m || !(m[1] === 'PREROUTING' || m[1] === 'OUTPUT' || m[1].startsWith('KUBE-'))) continue
    if (m[1] === 'KUBE-FORWARD' || m[1] === 'KUBE-POSTROUTING' || m[2] === 'KUBE-FORWARD' || m[2] === 'KUBE-POSTROUTING') continue
    if (path[path.length - 1] !== m[1]) path.push(m[1])
    if (m[2].startsWith('KUBE-') && !m[2].startsWith('KUBE-MARK')) path.push(m[2])
    if (m[2].startsWith('KUBE-SEP-')) break
  }
  return path
}
