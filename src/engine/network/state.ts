// Network state that outlives one command: each node's conntrack and xt_recent tables, the compiled rules
// (recompiled when the API changes, as kube-proxy resyncs), request counters of the apps, and the random
// stream for ephemeral ports and endpoint picks. One per cluster, keyed by the cluster's config object.
import type { ClusterConfig } from '../api/cluster-config.ts'
import type { NodeDataplaneState, NodeRules } from '../dataplane/types.ts'
import type { SeededRandom } from '../sim/random.ts'
import { servedCounts } from '../node/served-counts.ts'

export interface NetworkState {
  rng?: SeededRandom
  /** Per node: conntrack and recent lists. */
  nodes: Map<string, NodeDataplaneState>
  rules?: { version: number; byNode: Map<string, NodeRules> }
  /** Requests served so far, per `namespace/pod/container` (kubia-unhealthy counts them). */
  served: Map<string, number>
}

const states = new WeakMap<ClusterConfig, NetworkState>()

export function networkState(config: ClusterConfig): NetworkState {
  let s = states.get(config)
  if (!s) {
    s = { nodes: new Map(), served: servedCounts(config) }
    states.set(config, s)
  }
  return s
}

