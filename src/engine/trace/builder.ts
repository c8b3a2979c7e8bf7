// Builds a TRACE hop by hop; the network walk, DNS lookups and the ingress controller all append to one.
import type { Trace, TraceComponent, TraceHop, TraceOutcome } from './types.ts'

export interface AddrLike { ip: string; port?: number }

/** `10.244.1.2:8080`, or the bare IP for ICMP (no port). */
export function formatAddr(a: AddrLike): string {
  return a.port === undefined || a.port === 0 ? a.ip : `${a.ip}:${a.port}`
}

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

  append(hops: readonly TraceHop[]): void {
    for (const h of hops) this.hops.push({ ...h })
  }

  finish(outcome: TraceOutcome, servedBy: string | null, clientIPSeenByServer: string | null): Trace {
    return { from: this.from, to: this.to, outcome, servedBy, clientIPSeenByServer, hops: this.hops.slice() }
  }
}
