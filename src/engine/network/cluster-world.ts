// Assembles the NetworkWorld of a live Cluster: its view, kube-proxy's compiled rules per node (recompiled
// when the API changes, as kube-proxy's sync loop does), the nodes' conntrack state and the providers.
import type { Cluster } from '../cluster/cluster.ts'
import { closeConnection, compileProxyRulesForNodes, newNodeDataplaneState, traceNodePacket } from '../dataplane/index.ts'
import type { NodeRules } from '../dataplane/types.ts'
import { providerState } from '../cloud/provider-state.ts'
import { networkState } from './state.ts'
import { buildView } from './view.ts'
import type { NetworkWorld, PortForward } from './world.ts'
import { loadBalancers } from './load-balancers.ts'

/** The rules kube-proxy has programmed on every node for the current API state. */
export function compiledRules(cluster: Cluster): Map<string, NodeRules> {
  const state = networkState(cluster.config)
  const version = cluster.store.version
  if (state.rules?.version === version) return state.rules.byNode
  const services = cluster.store.list('Service') as any[]
  const endpointSlices = cluster.store.list('EndpointSlice') as any[]
  const byNode = compileProxyRulesForNodes({ clusterCIDR: cluster.config.clusterCIDR, services, endpointSlices },
    cluster.profile.nodes.map((node) => ({ nodeName: node.name, nodeIPs: [node.internalIP] })))
  state.rules = { version, byNode }
  return byNode
}

/** The world a command's packets travel in, now. */
export function worldFor(cluster: Cluster, portForwards: PortForward[] = []): NetworkWorld {
  const state = networkState(cluster.config)
  state.rng ??= cluster.rng.fork('network')
  const rng = state.rng
  const view = buildView({ profile: cluster.profile, store: cluster.store, config: cluster.config, now: cluster.clock.now(), nodeDown: (n) => cluster.runtime.nodeDown(n) })
  return {
    view,
    rulesFor: (node) => compiledRules(cluster).get(node)!,
    nodeState: (node) => {
      let s = state.nodes.get(node)
      if (!s) state.nodes.set(node, (s = newNodeDataplaneState(86400)))
      return s
    },
    tracer: traceNodePacket,
    // The generator itself, not a wrapper per world: hot code that calls it stays optimised from one command to the next.
    random: rng,
    provider: providerState(cluster.config),
    loadBalancers: loadBalancers(view),
    portForwards,
    served: state.served,
    touched: new Map(),
  }
}

/** The tool exits: its TCP connections close and their conntrack entries go to TIME_WAIT, as `conntrack -L` then shows. */
export function closeConnections(world: NetworkWorld): void {
  for (const [entry, node] of world.touched) if (entry.protocol === 'tcp') closeConnection(world.nodeState(node), entry, world.view.now)
  world.touched.clear()
}
