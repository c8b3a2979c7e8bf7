// What the network walk needs to know about a cluster at one instant: nodes and their addresses, pods with
// their IPs, readiness and containers, and the API objects (Services, slices, Ingresses). Built from the
// Cluster, or by hand in tests.
import type { ReadonlyStore } from '../api/store.ts'
import type { KubeObject } from '../api/types.ts'
import type { ClusterConfig } from '../api/cluster-config.ts'
import type { PortMapping, ProfileSpec } from '../cluster/profile.ts'
import { cidrHost } from '../net/ip.ts'
import type { ContainerInfo } from '../apps/registry.ts'
import { exitsOnSigterm } from '../images/process.ts'
import type { Container, PodCondition } from 'kubernetes-types/core/v1'

export interface NetNode {
  name: string
  role: 'control-plane' | 'worker'
  internalIP: string
  externalIP?: string
  podCIDR: string
  /** The node side of every pod veth (kindnet's ptp plugin gives it the subnet's first address). */
  gatewayIP: string
  extraPortMappings: PortMapping[]
  labels: Record<string, string>
  /** The node container is stopped or paused (`docker stop|kill|pause`): nothing on it answers, packets to it are lost. */
  down?: boolean
}

export interface NetPod {
  obj: KubeObject
  namespace: string
  name: string
  nodeName: string
  ip: string
  hostNetwork: boolean
  ready: boolean
  /** The containers run: phase Running, and not deleted, or deleted but with a PID 1 that outlives SIGTERM until
   * the grace period's SIGKILL (pod-termination.ts). */
  running: boolean
  containers: ContainerInfo[]
}

export interface NetworkView {
  profileType: string
  clusterName: string
  nodes: NetNode[]
  pods: NetPod[]
  store: ReadonlyStore
  config: ClusterConfig
  /** The learner's machine as the cluster network sees it: kind's docker bridge gateway, minikube's, or a public IP. */
  hostIP: string
  /** The docker network the node containers sit on (kind 172.18.0.0/16, minikube 192.168.49.0/24); none on a cloud. */
  dockerNetwork?: string
  now: number
}

function podReady(pod: KubeObject): boolean {
  return (pod.status?.conditions as PodCondition[] | undefined)?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false
}

function toNetNode(n: ProfileSpec['nodes'][number]): NetNode {
  return { name: n.name, role: n.role, internalIP: n.internalIP, externalIP: n.externalIP, podCIDR: n.podCIDR, gatewayIP: cidrHost(n.podCIDR, 1), extraPortMappings: n.extraPortMappings, labels: n.labels }
}

function toNetPod(pod: KubeObject, sandboxIP?: (pod: KubeObject) => string | undefined): NetPod | undefined {
  // A pod still in its first pull has a sandbox (and an IP on its veth) before its status shows it.
  const ip: string | undefined = pod.status?.podIP ?? (pod.spec?.hostNetwork ? undefined : sandboxIP?.(pod))
  if (!ip || !pod.spec?.nodeName) return undefined
  const containers: ContainerInfo[] = (pod.spec.containers ?? []).map((c: Container) => ({ name: c.name, image: c.image ?? '', args: c.args, command: c.command, ports: c.ports }))
  return {
    obj: pod, namespace: pod.metadata.namespace ?? 'default', name: pod.metadata.name, nodeName: pod.spec.nodeName, ip,
    hostNetwork: !!pod.spec.hostNetwork, ready: podReady(pod),
    running: pod.status?.phase === 'Running' && (!pod.metadata.deletionTimestamp || containers.some((c) => !exitsOnSigterm(c))),
    containers,
  }
}

const DOCKER_NETWORKS: Record<string, { network: string; gateway: string }> = {
  kind: { network: '172.18.0.0/16', gateway: '172.18.0.1' },
  minikube: { network: '192.168.49.0/24', gateway: '192.168.49.1' },
}

/** The learner's public address when the cluster is in a cloud (a documentation address, RFC 5737). */
export const INTERNET_CLIENT_IP = '203.0.113.10'

export function buildView(args: { profile: ProfileSpec; store: ReadonlyStore; config: ClusterConfig; now: number; nodeDown?: (node: string) => boolean; sandboxIP?: (pod: KubeObject) => string | undefined }): NetworkView {
  const docker = DOCKER_NETWORKS[args.profile.type]
  const down = args.nodeDown ?? (() => false)
  return {
    profileType: args.profile.type,
    clusterName: args.profile.name,
    nodes: args.profile.nodes.map((n) => (down(n.name) ? { ...toNetNode(n), down: true } : toNetNode(n))),
    // A down node's pods keep their API status (nobody updates it) but their processes do not run.
    pods: args.store.list('Pod').map((p) => toNetPod(p, args.sandboxIP)).filter((p): p is NetPod => !!p).map((p) => (down(p.nodeName) ? { ...p, running: false } : p)),
    store: args.store,
    config: args.config,
    hostIP: docker?.gateway ?? INTERNET_CLIENT_IP,
    dockerNetwork: docker?.network,
    now: args.now,
  }
}
