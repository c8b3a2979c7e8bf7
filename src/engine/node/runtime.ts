// Node-local state the API does not hold: what the kubelet and the container runtime remember about each pod.
import type { ContainerLife } from './container-runtime-state.ts'

export interface ProbeState {
  /** Simulated time of the last probe run, or null before the first. */
  lastRun: number | null
  consecutiveSuccesses: number
  consecutiveFailures: number
  /**
   * Last settled result: readiness starts `failure` (not ready), liveness `success`, startup `unknown` until its
   * threshold settles it, as the prober's results manager does (pkg/kubelet/prober/worker.go newWorker).
   */
  result: 'success' | 'failure' | 'unknown'
  /** The message of the last failure, for the `Readiness probe failed: ...` event. */
  lastMessage?: string
  /** The last run's outcome, to tell a repeat from a change. */
  lastOutcome?: { result: 'success' | 'failure' | 'error'; message: string }
  /** The manager's epoch at which this probe was last seen repeating itself (see kubelet's steady requeue). */
  steadyEpoch?: number
}

export interface ContainerState {
  /** Files in the container's filesystem that differ from the image (touch/rm/echo > via kubectl exec). */
  files: Map<string, string>
  /** Files removed from the image's filesystem. */
  removed: Set<string>
  /** Environment computed by the kubelet when the container started (includes service env vars). */
  env: Record<string, string>
  startedAt: number
  restartCount: number
  readiness: ProbeState
  liveness: ProbeState
  startup: ProbeState
  /** The 64-hex container id containerd assigned (`containerd://<id>` in the status). */
  containerID?: string
  /** The previous instance's end, shown as `lastState.terminated` after a restart. */
  lastTermination?: { exitCode: number; reason: string; startedAt: string; finishedAt: string; containerID: string }
}

export interface PodRuntime {
  uid: string
  namespace: string
  name: string
  nodeName: string
  podIP: string
  containers: Map<string, ContainerState>
  /** When the kubelet admitted the pod (status.startTime). */
  startTime?: number
  /** Whether the IP is a host-local lease (false for hostNetwork pods, which use the node's address). */
  leased?: boolean
  /** Each container's life across its instances (pull, run, exit, back-off), by container name. */
  lives?: Map<string, ContainerLife>
  /**
   * The pod worker's first sync (sandbox, image pulls, starts) has not returned yet: the status it wrote at its start
   * has no IP and PodReadyToStartContainers False, as a pulling pod shows (`ContainerCreating` with IP `<none>`).
   */
  firstSyncPending?: boolean
  /** Set when the node container stopped under the pod: its sandbox and containers died then (the kubelet re-creates them when the node is back). */
  sandboxDiedAt?: number
}

/**
 * A node as a container (kind's nodes are docker containers): `docker stop|kill` makes it `exited`, `docker pause`
 * freezes it (`paused`). Either way the node is down: its kubelet stops posting status and renewing its lease,
 * its processes (and its pods') do nothing, and packets to it are lost.
 */
export interface NodeContainerState {
  status: 'running' | 'paused' | 'exited'
  /** When the container last started (`docker start`); undefined for the boot at cluster creation. */
  startedAt?: number
  /** When it exited, and with which code (137 for SIGKILL: `docker kill`, or `docker stop` once systemd outlives the 10 s timeout). */
  finishedAt?: number
  exitCode?: number
  /** Since when the kubelet has been silent (stop, kill or pause); undefined while it runs. */
  downSince?: number
  /** Set by `docker start` (a new kubelet process) or `docker unpause` (the frozen one resumes): the kubelet has yet to post its node status. */
  kubeletPending?: 'restart' | 'resume'
}

export interface IpamState {
  /** host-local remembers the last address it handed out and continues after it (no immediate reuse). */
  lastReserved: number | null
  /** Leased IP → pod uid. */
  leases: Map<string, string>
}

/** Pods by uid that also finds them by namespace and name (the kubelet looks every synced pod up by name). */
class PodRuntimes extends Map<string, PodRuntime> {
  /** `namespace/name` → uids in insertion order (a pod re-created under the same name has a second uid for a while). */
  private readonly byName = new Map<string, string[]>()

  override set(uid: string, pod: PodRuntime): this {
    const old = this.get(uid)
    if (old) this.unname(uid, old)
    const name = `${pod.namespace}/${pod.name}`
    const uids = this.byName.get(name)
    if (uids) uids.push(uid)
    else this.byName.set(name, [uid])
    return super.set(uid, pod)
  }

  override delete(uid: string): boolean {
    const pod = this.get(uid)
    if (pod) this.unname(uid, pod)
    return super.delete(uid)
  }

  private unname(uid: string, pod: PodRuntime): void {
    const name = `${pod.namespace}/${pod.name}`
    const uids = this.byName.get(name)?.filter((u) => u !== uid) ?? []
    if (uids.length) this.byName.set(name, uids)
    else this.byName.delete(name)
  }

  override clear(): void {
    this.byName?.clear()
    super.clear()
  }

  /** The first pod (in the map's order) with this namespace and name. */
  named(namespace: string, name: string): PodRuntime | undefined {
    const uids = this.byName.get(`${namespace}/${name}`)
    if (!uids) return undefined
    if (uids.length === 1) return this.get(uids[0])
    for (const [uid, pod] of this) if (uids.includes(uid)) return pod
    return undefined
  }
}

/** The kubelets' and container runtimes' memory, all nodes together. Mutated only by the kubelet and `kubectl exec`. */
export class NodeRuntime {
  readonly pods: Map<string, PodRuntime> = new PodRuntimes()
  readonly ipam = new Map<string, IpamState>()
  /** Images present in each node's containerd store (kind preloads the control-plane images). */
  readonly images = new Map<string, Set<string>>()
  /** When each node's image puller is free again (the kubelet pulls one image at a time), and by `node\0image` when that image's last pull ends. */
  readonly pullerFreeAt = new Map<string, number>()
  /** Each node container's docker state; a node missing here is running (never stopped since the cluster was created). */
  readonly nodes = new Map<string, NodeContainerState>()

  /** Whether a node is down: its container is stopped or paused (its kubelet, kube-proxy and pods do nothing). */
  nodeDown(name: string): boolean {
    const s = this.nodes.get(name)
    return !!s && s.status !== 'running'
  }

  podByName(namespace: string, name: string): PodRuntime | undefined {
    return (this.pods as PodRuntimes).named(namespace, name)
  }
}
