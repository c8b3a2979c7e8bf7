// The pod status the kubelet reports: pkg/kubelet/kubelet_pods.go generateAPIPodStatus, pkg/kubelet/status/generate.go
// (GeneratePodReadyCondition & co.) and pkg/apis/core/v1/helper/qos (GetPodQOS).
import type { KubeObject } from '../api/types.ts'
import type { ContainerState, PodRuntime } from './runtime.ts'
import type { Termination } from './container-runtime-state.ts'
import { rfc3339 } from '../sim/clock.ts'
import { imageID, normalizeImage } from './images.ts'
import type { Container, ContainerStatus, NodeAddress, PodCondition, VolumeMount } from 'kubernetes-types/core/v1'

/** qos.GetPodQOS: BestEffort without requests/limits, Guaranteed when every container's limits equal its requests. */
export function qosClass(pod: KubeObject): 'BestEffort' | 'Burstable' | 'Guaranteed' {
  const containers: Container[] = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]
  let any = false
  let guaranteed = true
  for (const c of containers) {
    const req = c.resources?.requests ?? {}
    const lim = c.resources?.limits ?? {}
    if (Object.keys(req).length || Object.keys(lim).length) any = true
    for (const r of ['cpu', 'memory']) {
      if (lim[r] === undefined) guaranteed = false
      else if (req[r] !== undefined && String(req[r]) !== String(lim[r])) guaranteed = false
    }
  }
  if (!any) return 'BestEffort'
  return guaranteed ? 'Guaranteed' : 'Burstable'
}

interface Condition { type: string; status: 'True' | 'False'; reason?: string; message?: string }

/** Keeps lastTransitionTime from the previous condition of the same type when its status did not change. */
function withTimes(cond: Condition, previous: PodCondition[] | undefined, now: number): Record<string, unknown> {
  let prev: PodCondition | undefined
  if (previous) for (const c of previous) if (c.type === cond.type) { prev = c; break }
  const lastTransitionTime = prev && prev.status === cond.status && prev.lastTransitionTime ? prev.lastTransitionTime : rfc3339(now)
  // Field by field in the written order (no spread of a temporary per optional field: one status per kubelet sync).
  const out: Record<string, unknown> = { lastProbeTime: null, lastTransitionTime }
  if (cond.message) out.message = cond.message
  if (cond.reason) out.reason = cond.reason
  out.status = cond.status
  out.type = cond.type
  return out
}

/** Whether a container counts as ready: running and, with a readiness probe, its last settled result is success. */
function containerReady(pod: KubeObject, rt: PodRuntime, name: string): boolean {
  return specReady((pod.spec?.containers as Container[]).find((c) => c.name === name), rt.containers.get(name))
}

function specReady(spec: Container | undefined, state: ContainerState | undefined): boolean {
  if (!state || !startedByProbe(spec, state)) return false
  return !spec?.readinessProbe || state.readiness.result === 'success'
}

/** status.started: a container with a startup probe has started once that probe succeeded (prober results manager). */
function startedByProbe(spec: Container | undefined, state: ContainerState): boolean {
  return !spec?.startupProbe || state.startup.result === 'success'
}

function terminatedOf(t: Termination): Record<string, unknown> {
  const out: Record<string, unknown> = { containerID: t.containerID, exitCode: t.exitCode, finishedAt: rfc3339(t.finishedAt) }
  if (t.message) out.message = t.message
  out.reason = t.reason
  out.startedAt = rfc3339(t.startedAt)
  return out
}

/** One container's status (kubelet_pods.go convertToAPIContainerStatuses): waiting, running or terminated, and the instance before. */
function containerStatus(pod: KubeObject, rt: PodRuntime, c: Container, now: number): ContainerStatus {
  const life = rt.lives?.get(c.name)
  const running = rt.containers.get(c.name)
  const image = c.image as string
  const started = !!life?.current || !!running
  const containerID = running ? `containerd://${running.containerID}` : life?.terminated?.containerID ?? life?.current?.containerID
  let state: Record<string, unknown>
  if (running && (!life || life.phase === 'running')) state = { running: { startedAt: rfc3339(life?.current?.startedAt ?? running.startedAt) } }
  else if (life?.phase === 'exited' && life.until === Infinity && life.terminated) state = { terminated: terminatedOf(life.terminated) }
  else {
    const waiting: Record<string, unknown> = {}
    if (life?.waiting?.message) waiting.message = life.waiting.message
    waiting.reason = life?.waiting?.reason ?? 'ContainerCreating'
    state = { waiting }
  }
  const last = life?.phase === 'exited' && life.until !== Infinity ? life.terminated : life?.lastTerminated
  const lastState = last ? { terminated: terminatedOf(last) } : running?.lastTermination && !life ? { terminated: running.lastTermination } : {}
  void now
  void pod
  // Field by field in the written order, as withTimes.
  const out: Record<string, unknown> = {}
  if (started && containerID) out.containerID = containerID
  out.image = normalizeImage(image)
  out.imageID = started ? imageID(image) : ''
  out.lastState = lastState
  out.name = c.name
  out.ready = !!running && specReady(c, running)
  out.restartCount = life?.restartCount ?? running?.restartCount ?? 0
  out.started = !!running && startedByProbe(c, running)
  out.state = state
  if (c.volumeMounts?.length) {
    out.volumeMounts = c.volumeMounts.map((m: VolumeMount) => {
      const mount: Record<string, unknown> = { mountPath: m.mountPath, name: m.name }
      if (m.readOnly) { mount.readOnly = true; mount.recursiveReadOnly = 'Disabled' }
      return mount
    })
  }
  return out as unknown as ContainerStatus
}

/** kubelet_pods.go getPhase: Pending while any container waits for its first start; Succeeded/Failed once all have exited for good. */
function podPhase(pod: KubeObject, statuses: ContainerStatus[]): string {
  let waiting = 0, running = 0, stopped = 0, succeeded = 0
  for (const cs of statuses) {
    if (cs.state?.running) running++
    else if (cs.state?.terminated) { stopped++; if (cs.state.terminated.exitCode === 0) succeeded++ }
    else if (cs.lastState?.terminated) stopped++
    else waiting++
  }
  if (waiting > 0) return 'Pending'
  if (running > 0) return 'Running'
  const policy = pod.spec?.restartPolicy ?? 'Always'
  const allExited = statuses.every((cs) => cs.state?.terminated)
  // getPhase's podIsTerminal (1.27+): a deleted pod whose containers all stopped is terminal, whatever its policy;
  // static pods (their mirror is owned by the Node) excepted.
  const deleted = !!pod.metadata.deletionTimestamp && !pod.metadata.ownerReferences?.some((r) => r.kind === 'Node')
  if (!allExited || (policy === 'Always' && !deleted)) return 'Running'
  if (stopped === succeeded) return 'Succeeded'
  return 'Failed'
}

/** The status the kubelet writes for a pod it runs (phase, conditions, IPs, container statuses). */
export function runningPodStatus(pod: KubeObject, node: KubeObject, rt: PodRuntime, now: number): Record<string, unknown> {
  const prev = pod.status ?? {}
  const hostIP = nodeInternalIP(node)
  const containers: Container[] = pod.spec?.containers ?? []
  const containerStatuses = containers.map((c) => containerStatus(pod, rt, c, now)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  const phase = podPhase(pod, containerStatuses)
  const terminal = phase === 'Succeeded' || phase === 'Failed'
  const unready: string[] = []
  for (const c of containers) if (!containerReady(pod, rt, c.name)) unready.push(c.name)
  const notReady = terminal ? { status: 'False' as const, reason: 'PodCompleted' }
    : unready.length ? { status: 'False' as const, reason: 'ContainersNotReady', message: `containers with unready status: [${unready.join(' ')}]` } : { status: 'True' as const }
  const scheduled = (prev.conditions as PodCondition[] | undefined)?.find((c) => c.type === 'PodScheduled')
  // kubelet.go SyncPod generates the status before it creates the sandbox and pulls: the IP shows on the sync after.
  const sandboxShown = !rt.firstSyncPending || !!pod.spec?.hostNetwork
  const conditions = [
    withTimes({ type: 'PodReadyToStartContainers', status: terminal || !sandboxShown ? 'False' : 'True' }, prev.conditions, now),
    withTimes({ type: 'Initialized', status: 'True', ...(terminal ? { reason: 'PodCompleted' } : {}) }, prev.conditions, now),
    withTimes({ type: 'Ready', ...notReady }, prev.conditions, now),
    withTimes({ type: 'ContainersReady', ...notReady }, prev.conditions, now),
    scheduled ?? withTimes({ type: 'PodScheduled', status: 'True' }, prev.conditions, now),
  ]
  const startTime = prev.startTime ?? rfc3339(rt.startTime ?? now)
  if (!sandboxShown) return { conditions, containerStatuses, hostIP, hostIPs: [{ ip: hostIP }], phase, qosClass: qosClass(pod), startTime }
  return {
    conditions, containerStatuses,
    hostIP, hostIPs: [{ ip: hostIP }],
    phase,
    podIP: rt.podIP, podIPs: [{ ip: rt.podIP }],
    qosClass: qosClass(pod),
    startTime,
  }
}

export function nodeInternalIP(node: KubeObject): string {
  return (node.status?.addresses as NodeAddress[] | undefined)?.find((a) => a.type === 'InternalIP')?.address ?? ''
}
