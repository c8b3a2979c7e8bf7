// Builds a TRACE hop by hop; the network walk, DNS lookups and the ingress controller all append to one.
import type { Trace, TraceComponent, TraceHop, TraceOutcome } from './types.ts'

export interface AddrLike { ip: string; port?: number }

/** `10.244.1.2:8080`, or the bare IP for ICMP (no port). */
export function formatAddr(a: AddrLike): string {
  // A packet's address objects are never mutated and recur on every hop it makes: remember the last few.
  for (let i = 0; i < RECENT; i++) if (recentAddrs[i] === a) return recentTexts[i]
  const text = a.port === undefined || a.port === 0 ? a.ip : `${a.ip}:${a.port}`
  recentAddrs[nextSlot] = a
  recentTexts[nextSlot] = text
  nextSlot = (nextSlot + 1) % RECENT
  return text
}

const RECENT = 4
const recentAddrs: (AddrLike | undefined)[] = new Array(RECENT).fill(undefined)
const recentTexts: string[] = new Array(RECENT).fill('')
let nextSlot = 0

export interface HopInput {
  at: string
  component: TraceComponent | string
  action: string
  src: AddrLike
  dst: AddrLike
  srcAfter?: AddrLike
  dstAfter?: AddrLike
  rule?: string | null
  note: string
}

/**
 * Accumulates the hops of one TRACE in order and seals it with its outcome. Hops that a helper (the
 * kube-proxy tracer) already formatted are appended as they are.
 */
export class TraceBuilder {
  readonly hops: TraceHop[] = []

  constructor(readonly from: string, readonly to: string) {}

  hop(h: HopInput): TraceHop {
    const hop: TraceHop = {
      at: h.at, component: h.component, action: h.action,
      src: formatAddr(h.src), dst: formatAddr(h.dst),
      srcAfter: formatAddr(h.srcAfter ?? h.src), dstAfter: formatAddr(h.dstAfter ?? h.dst),
      rule: h.rule ?? null, note: h.note,
    }
    this.hops.push(hop)
    return hop
  }

  /** Takes the hops as they are (the tracer builds fresh ones for every packet). */
  append(hops: readonly TraceHop[]): void {
    for (const h of hops) this.hops.push(h)
  }

  finish(outcome: TraceOutcome, servedBy: string | null, clientIPSeenByServer: string | null): Trace {
    return { from: this.from, to: this.to, outcome, servedBy, clientIPSeenByServer, hops: this.hops.slice() }
  }
}
