// Node-local state the API does not hold: what the kubelet and the container runtime remember about each pod.

export interface ProbeState {
  /** Simulated time of the last probe run, or null before the first. */
  lastRun: number | null
  consecutiveSuccesses: number
  consecutiveFailures: number
  /** Last result; readiness starts `failure` (not ready) until the first success, as the kubelet's prober does. */
  result: 'success' | 'failure'
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

/** The kubelets' and container runtimes' memory, all nodes together. Mutated only by the kubelet and `kubectl exec`. */
export class NodeRuntime {
  readonly pods = new Map<string, PodRuntime>()
  readonly ipam = new Map<string, IpamState>()
  /** Images present in each node's containerd store (kind preloads the control-plane images). */
  readonly images = new Map<string, Set<string>>()
  /** Each node container's docker state; a node missing here is running (never stopped since the cluster was created). */
  readonly nodes = new Map<string, NodeContainerState>()

  /** Whether a node is down: its container is stopped or paused (its kubelet, kube-proxy and pods do nothing). */
  nodeDown(name: string): boolean {
    const s = this.nodes.get(name)
    return !!s && s.status !== 'running'
  }

  podByName(namespace: string, name: string): PodRuntime | undefined {
    for (const pod of this.pods.values()) if (pod.namespace === namespace && pod.name === name) return pod
    return undefined
  }
}
