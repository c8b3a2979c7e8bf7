// The TRACE of the CLI contract (docs/cli-contract.md): one record per connection, packet exchange or DNS
// lookup, with every hop in order. The browser animates exactly this list; the CLI prints it with --json.

export type TraceOutcome = 'delivered' | 'refused' | 'timeout' | 'unresolved' | 'http-error'

export type TraceComponent =
  | 'client' | 'load-balancer' | 'node' | 'kube-proxy' | 'conntrack' | 'ingress-controller' | 'coredns' | 'pod'
  | 'docker' | 'cni' | 'firewall' | 'internet' | 'server'

export interface TraceHop {
  /** `host`, `node/<name>`, `pod/<name>`, `loadbalancer/<ip>`, `internet`. */
  at: string
  component: TraceComponent | string
  /** Short verb: send, route, DNAT, SNAT, accept, drop, deliver, resolve, reply, reset... */
  action: string
  src: string
  dst: string
  srcAfter: string
  dstAfter: string
  /** The iptables rule or configuration line that decided, verbatim; null when nothing configurable decided. */
  rule: string | null
  note: string
}

export interface Trace {
  /** `host`, `pod/<name>`, `node/<name>` (or `internet/<ip>` for a client outside a cloud cluster). */
  from: string
  to: string
  outcome: TraceOutcome
  servedBy: string | null
  clientIPSeenByServer: string | null
  hops: TraceHop[]
}
