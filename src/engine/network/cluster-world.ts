// Assembles the NetworkWorld of a live Cluster: its view, kube-proxy's compiled rules per node (recompiled
// when the API changes, as kube-proxy's sync loop does), the nodes' conntrack state and the providers.
import type { Cluster } from '../cluster/cluster.ts'
import { closeConnection, compileProxyRulesForNodes, newNodeDataplaneState, traceNodePacket } from '../dataplane/index.ts'
import type { ConntrackEntry, DockerDNS, HostPortPod, L4Protocol, NodeDataplaneState, NodeRules, ProxierInput } from '../dataplane/types.ts'
import { sha256, toHex } from '../util/sha256.ts'
import type { Pod } from 'kubernetes-types/core/v1'
import type { ProviderState } from '../cloud/provider-state.ts'
import type { NetworkState } from './state.ts'
import type { NetworkView } from './view.ts'
import type { LoadBalancerInfo } from './load-balancers.ts'
import { providerState } from '../cloud/provider-state.ts'
import { networkState } from './state.ts'
import { buildView } from './view.ts'
import type { NetworkWorld, NodePacketTracer, PortForward, WorldRandom } from './world.ts'
import { loadBalancers } from './load-balancers.ts'
import type { Service } from 'kubernetes-types/core/v1'
import type { EndpointSlice } from 'kubernetes-types/discovery/v1'

/** The rules kube-proxy has programmed on every node for the current API state. */
export function compiledRules(cluster: Cluster): Map<string, NodeRules> {
  const state = networkState(cluster.config)
  const version = cluster.store.version
  if (state.rules?.version === version) return state.rules.byNode
  const byNode = compileProxyRulesForNodes({ ...proxierInputOf(cluster), proxyMode: cluster.profile.kubeProxyMode ?? 'iptables' },
    cluster.profile.nodes.map((node) => ({ nodeName: node.name, nodeIPs: [node.internalIP] })))
  state.rules = { version, byNode }
  return byNode
}

/** What kube-proxy reads on every node of this cluster, whatever its mode (the proxy-modes view compiles both). */
export function proxierInputOf(cluster: Cluster): Omit<ProxierInput, 'nodeName' | 'nodeIPs' | 'proxyMode'> {
  // Stored records are the kubernetes-types shapes kube-proxy reads (apiVersion/kind/metadata always set).
  const services = cluster.store.list('Service') as Service[]
  const endpointSlices = cluster.store.list('EndpointSlice') as unknown as EndpointSlice[]
  const kind = cluster.profile.type === 'kind'
  return {
    clusterCIDR: cluster.config.clusterCIDR, serviceCIDR: cluster.config.serviceCIDR, services, endpointSlices,
    // kind's own layers: kindnet's masquerade agent, docker's DNS rules.
    kindMasqAgent: kind, dockerDNS: kind ? kindDockerDNS : undefined,
    // The CNI portmap plugin's hostPorts: kindnet's CNI config chains it, and so do minikube's bridge conflist
    // (its ingress add-on's controller listens through hostPorts 80/443) and GKE's.
    hostPorts: hostPortPods(cluster.store.list('Pod') as unknown as Pod[], (uid) => {
      const rt = cluster.runtime.pods.get(uid)
      return rt?.leased ? rt.podIP : undefined
    }),
  }
}

/** dockerd's resolver ports inside one kind node container: random per container, fixed here per node name. */
function kindDockerDNS(nodeName: string): DockerDNS {
  let h = 0x811c9dc5
  for (const c of nodeName) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193)
  h >>>= 0
  // `| 0`: h is a uint32 (a heap number past 2^31), and the ports go into rules and packets as small integers.
  return { gateway: KIND_DOCKER_GATEWAY, tcpPort: (32768 + (h % 28231)) | 0, udpPort: (32768 + ((h >>> 8) % 28231)) | 0 }
}

/** The docker network's gateway on kind's network, which kind writes into each node's resolv.conf. */
const KIND_DOCKER_GATEWAY = '172.18.0.1'

/**
 * Pods with hostPorts whose sandbox is up, as the CNI portmap plugin set them up: its DNAT is added with the sandbox
 * (CNI ADD, before any image is pulled) and removed with it (CNI DEL, after a deleted pod's containers stopped).
 */
function hostPortPods(pods: Pod[], sandboxIP: (uid: string) => string | undefined): HostPortPod[] {
  const out: HostPortPod[] = []
  for (const pod of pods) {
    const ip = pod.metadata?.uid ? sandboxIP(pod.metadata.uid) : undefined
    // A finished pod's sandbox is stopped (the kubelet kills it once every container has exited).
    if (!ip || !pod.spec?.nodeName || pod.spec.hostNetwork || pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') continue
    const ports = (pod.spec.containers ?? []).flatMap((c) => c.ports ?? []).filter((p) => p.hostPort)
      .map((p) => ({ protocol: (p.protocol ?? 'TCP').toLowerCase() as L4Protocol, hostPort: p.hostPort!, containerPort: p.containerPort }))
    if (ports.length) out.push({ nodeName: pod.spec.nodeName, sandboxID: toHex(sha256(`sandbox/${pod.metadata?.uid ?? pod.metadata?.name}`)), podIP: ip, ports })
  }
  return out
}

let worldIds = 0

/**
 * The world of one command. A class, not an object of fresh closures: the walk calls `rulesFor` and
 * `nodeState` on every node it crosses, and the same method for every command keeps that call site optimised.
 */
class ClusterNetworkWorld implements NetworkWorld {
  readonly id = ++worldIds
  readonly view: NetworkView
  readonly tracer: NodePacketTracer = traceNodePacket
  readonly random: WorldRandom
  readonly provider: ProviderState
  readonly loadBalancers: LoadBalancerInfo[]
  readonly served: Map<string, number>
  readonly touched: [ConntrackEntry, string][] = []
  private readonly state: NetworkState

  constructor(private readonly cluster: Cluster, readonly portForwards: PortForward[]) {
    const state = networkState(cluster.config)
    // The generator itself, not a wrapper per world: hot code that calls it stays optimised from one command to the next.
    state.rng ??= cluster.rng.fork('network')
    this.state = state
    this.random = state.rng
    this.view = buildView({ profile: cluster.profile, store: cluster.store, config: cluster.config, now: cluster.clock.now(), nodeDown: (n) => cluster.runtime.nodeDown(n),
      sandboxIP: (p) => (p.metadata.uid ? cluster.runtime.pods.get(p.metadata.uid)?.podIP : undefined) })
    this.provider = providerState(cluster.config)
    this.loadBalancers = loadBalancers(this.view)
    this.served = state.served
  }

  rulesFor(node: string): NodeRules {
    return compiledRules(this.cluster).get(node)!
  }

  nodeState(node: string): NodeDataplaneState {
    let s = this.state.nodes.get(node)
    if (!s) this.state.nodes.set(node, (s = newNodeDataplaneState(86400)))
    return s
  }
}

/** The world a command's packets travel in, now. */
export function worldFor(cluster: Cluster, portForwards: PortForward[] = []): NetworkWorld {
  return new ClusterNetworkWorld(cluster, portForwards)
}

/** The tool exits: its TCP connections close and their conntrack entries go to TIME_WAIT, as `conntrack -L` then shows. */
export function closeConnections(world: NetworkWorld): void {
  for (const [entry, node] of world.touched) {
    entry.touchedBy = undefined
    if (entry.protocol === 'tcp') closeConnection(world.nodeState(node), entry, world.view.now)
  }
  world.touched.length = 0
}
