// Packets as the network walk moves them between boxes (pods, nodes, the host, load balancers).
import type { Addr, Protocol } from '../dataplane/types.ts'

export type { Addr }

export interface Pkt {
  protocol: Protocol
  src: Addr
  dst: Addr
}

export function addr(ip: string, port = 0): Addr {
  return { ip, port }
}

export function sameAddr(a: Addr, b: Addr): boolean {
  return a.ip === b.ip && a.port === b.port
}

export function reversed(p: Pkt): Pkt {
  return { protocol: p.protocol, src: p.dst, dst: p.src }
}

export function isLoopback(ip: string): boolean {
  return ip.startsWith('127.')
}
