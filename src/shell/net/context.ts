// Where a network tool runs (the host, or a pod via kubectl exec) and the world its packets travel in.
import { imageBinaries } from '../../engine/images/index.ts'
import type { CommandIO, ShellHost } from '../command.ts'
import type { Cluster } from '../../engine/cluster/cluster.ts'
import type { NetworkWorld } from '../../engine/network/world.ts'
import { closeConnections, worldFor } from '../../engine/network/cluster-world.ts'
import type { Peer } from '../../engine/network/connect.ts'
import type { NetPod } from '../../engine/network/view.ts'
import type { ResolvConf } from '../../engine/dns/resolv-conf.ts'
import { nodeResolvConf, podResolvConf } from '../../engine/dns/resolv-conf.ts'
import { getPortForwards } from '../kubectl/write/port-forwards.ts'

export interface NetContext {
  cluster: Cluster | null
  world?: NetworkWorld
  client: Peer
  /** TRACE `from`. */
  from: string
  pod?: NetPod
  /** The client's resolv.conf (pods only; the host resolves through /etc/hosts and its own DNS). */
  resolv?: ResolvConf
  /** Image of the container the tool runs in (decides busybox vs GNU output, and the curl version). */
  image?: string
}

export function netContext(io: CommandIO, host: ShellHost): NetContext | { error: string } {
  const cluster = host.cluster
  const world = cluster ? worldFor(cluster, io.location.kind === 'host' ? [...getPortForwards(host)] : []) : undefined
  if (io.location.kind === 'host') return { cluster, world, client: { kind: 'host' }, from: 'host' }
  if (io.location.kind === 'node') {
    // `docker exec NODE curl …`: the node's own network namespace; kind points its resolv.conf at the docker gateway.
    const name = io.location.node
    const node = world?.view.nodes.find((n) => n.name === name)
    if (!node || !world) return { error: `Error response from daemon: No such container: ${name}` }
    return { cluster, world, client: { kind: 'node', node }, from: `node/${name}`, resolv: nodeResolvConf(world.view.hostIP) }
  }
  const loc = io.location
  const pod = world?.view.pods.find((p) => p.namespace === loc.namespace && p.name === loc.pod)
  if (!pod || !world) return { error: `error: unable to upgrade connection: container not found ("${loc.container}")` }
  const gateway = world.view.dockerNetwork ? world.view.hostIP : '169.254.169.254'
  const resolv = podResolvConf(pod.obj, world.view.config.clusterDNS, world.view.config.clusterDomain, nodeResolvConf(gateway))
  const container = pod.containers.find((c) => c.name === loc.container) ?? pod.containers[0]
  return { cluster, world, client: { kind: 'pod', pod }, from: `pod/${pod.name}`, pod, resolv, image: container?.image }
}

/** After the tool: connections close (conntrack TIME_WAIT) and, for waits, simulated time passes. */
export function finishTool(ctx: NetContext, waitedSeconds = 0): void {
  if (ctx.world) closeConnections(ctx.world)
  if (waitedSeconds > 0 && ctx.cluster) ctx.cluster.advance(waitedSeconds)
}

/** Images whose userland is BusyBox (its ping, wget and nslookup print their own formats). */
export function isBusyboxImage(image: string | undefined): boolean {
  if (!image) return false
  const name = image.replace(/@.*$/, '').replace(/:[^/:]*$/, '').split('/').pop()!.toLowerCase()
  return name === 'busybox' || name === 'alpine'
}

/** Whether a tool exists in the image (busybox and alpine ship wget/nslookup/ping but neither curl nor dig). */
export function toolInImage(image: string | undefined, tool: string): boolean {
  return !image || imageBinaries(image).includes(tool)
}

