// Everything one network walk reads and writes: the view of the cluster, per-node dataplane state, the
// compiled rules, kube-proxy's packet tracer, the providers outside the cluster, and a seeded random source.
import type { ConntrackEntry, NodeDataplaneState, NodeRules, Packet, TraceOptions, TraceResult } from '../dataplane/types.ts'
import type { ProviderState } from '../cloud/provider-state.ts'
import type { NetworkView } from './view.ts'
import type { LoadBalancerInfo } from './load-balancers.ts'

/** kube-proxy's per-node tracer (src/engine/dataplane): one packet through one node's netfilter hooks. */
export type NodePacketTracer = (rules: NodeRules, state: NodeDataplaneState, packet: Packet, opts: TraceOptions) => TraceResult

export interface WorldRandom {
  float(): number
  int(min: number, max: number): number
}

/** `kubectl port-forward` sessions: a local port on the host tunnelled to one pod's port. */
export interface PortForward {
  localPort: number
  namespace: string
  pod: string
  podPort: number
  /** kubectl hears of each connection it accepts, and whether the pod's port answered (it logs both). */
  onConnection?(answered: boolean): void
}

export interface NetworkWorld {
  /** Unique per command (a number, so conntrack entries that note it keep nothing of the world alive). */
  readonly id: number
  view: NetworkView
  rulesFor(node: string): NodeRules
  nodeState(node: string): NodeDataplaneState
  tracer: NodePacketTracer
  random: WorldRandom
  provider: ProviderState
  loadBalancers: LoadBalancerInfo[]
  portForwards: PortForward[]
  /** Requests served so far by a container (`ns/pod/container`), for apps that count. */
  served: Map<string, number>
  /** Conntrack entries this command's packets created or followed, with their node, in first-touch order (closed when the tool exits). */
  touched: [ConntrackEntry, string][]
}
