// Packets as the network walk moves them between boxes (pods, nodes, the host, load balancers).
import type { Addr, Protocol } from '../dataplane/types.ts'

export type { Addr }

export interface Pkt {
  protocol: Protocol
  src: Addr
  dst: Addr
}

export function isLoopback(ip: string): boolean {
  return ip.startsWith('127.')
}
