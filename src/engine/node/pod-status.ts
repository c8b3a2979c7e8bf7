// The pod status the kubelet reports: pkg/kubelet/kubelet_pods.go generateAPIPodStatus, pkg/kubelet/status/generate.go
// (GeneratePodReadyCondition & co.) and pkg/apis/core/v1/helper/qos (GetPodQOS).
import type { KubeObject } from '../api/types.ts'
import type { ContainerState, PodRuntime } from './runtime.ts'
import type { Termination } from './container-runtime-state.ts'
import { rfc3339 } from '../sim/clock.ts'
import { imageID, normalizeImage } from './images.ts'
import { initializedCondition, podPhase } from './pod-phase.ts'
import { isRestartableInit } from '../api/pod-display-status.ts'
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

/**
 * One container's status (kubelet_pods.go convertToAPIContainerStatuses): waiting, running or terminated, and the
 * instance before. In a pod with init containers the default waiting reason is PodInitializing, not ContainerCreating;
 * an init container that exited 0 is ready (prober_manager.go UpdatePodStatus).
 */
function containerStatus(pod: KubeObject, rt: PodRuntime, c: Container, kind: 'regular' | 'init' | 'sidecar'): ContainerStatus {
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
    const reason = life?.waiting?.reason ?? 'ContainerCreating'
    waiting.reason = reason === 'ContainerCreating' && pod.spec?.initContainers?.length ? 'PodInitializing' : reason
    state = { waiting }
  }
  const last = life?.phase === 'exited' && life.until !== Infinity ? life.terminated : life?.lastTerminated
  const lastState = last ? { terminated: terminatedOf(last) } : running?.lastTermination && !life ? { terminated: running.lastTermination } : {}
  // Field by field in the written order, as withTimes.
  const out: Record<string, unknown> = {}
  if (started && containerID) out.containerID = containerID
  out.image = normalizeImage(image)
  out.imageID = started ? imageID(image) : ''
  out.lastState = lastState
  out.name = c.name
  out.ready = kind === 'init' ? life?.phase === 'exited' && life.until === Infinity && life.terminated?.exitCode === 0 : !!running && specReady(c, running)
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

/** The status the kubelet writes for a pod it runs (phase, conditions, IPs, container statuses). */
export function runningPodStatus(pod: KubeObject, node: KubeObject, rt: PodRuntime, now: number): Record<string, unknown> {
  const prev = pod.status ?? {}
  const hostIP = nodeInternalIP(node)
  const containers: Container[] = pod.spec?.containers ?? []
  const inits: Container[] = pod.spec?.initContainers ?? []
  const containerStatuses = containers.map((c) => containerStatus(pod, rt, c, 'regular')).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  // Init container statuses stay in spec order (SortStatusesOfInitContainers): kubectl's Init:N/M counts on it.
  const initContainerStatuses = inits.map((c) => containerStatus(pod, rt, c, isRestartableInit(c) ? 'sidecar' : 'init'))
  const phase = podPhase(pod, containerStatuses, initContainerStatuses)
  const terminal = phase === 'Succeeded' || phase === 'Failed'
  // GenerateContainersReadyCondition: sidecars first, then the regular containers.
  const unready: string[] = []
  for (const c of [...inits.filter(isRestartableInit), ...containers]) if (!specReady(c, rt.containers.get(c.name))) unready.push(c.name)
  // generate.go's ...ForTerminalPhase: PodFailed for a Failed pod, PodCompleted for a Succeeded one.
  const notReady = terminal ? { status: 'False' as const, reason: phase === 'Failed' ? 'PodFailed' : 'PodCompleted' }
    : unready.length ? { status: 'False' as const, reason: 'ContainersNotReady', message: `containers with unready status: [${unready.join(' ')}]` } : { status: 'True' as const }
  const scheduled = (prev.conditions as PodCondition[] | undefined)?.find((c) => c.type === 'PodScheduled')
  // kubelet.go SyncPod generates the status before it creates the sandbox and pulls: the IP shows on the sync after.
  const sandboxShown = !rt.firstSyncPending || !!pod.spec?.hostNetwork
  const conditions = [
    withTimes({ type: 'PodReadyToStartContainers', status: terminal || !sandboxShown ? 'False' : 'True' }, prev.conditions, now),
    withTimes(initializedCondition(pod, containerStatuses, initContainerStatuses, phase), prev.conditions, now),
    withTimes({ type: 'Ready', ...notReady }, prev.conditions, now),
    withTimes({ type: 'ContainersReady', ...notReady }, prev.conditions, now),
    scheduled ?? withTimes({ type: 'PodScheduled', status: 'True' }, prev.conditions, now),
  ]
  const startTime = prev.startTime ?? rfc3339(rt.startTime ?? now)
  // Keys in kubectl's order (alphabetical): initContainerStatuses only for a pod that has init containers.
  const initPart = inits.length ? { initContainerStatuses } : {}
  if (!sandboxShown) return { conditions, containerStatuses, hostIP, hostIPs: [{ ip: hostIP }], ...initPart, phase, qosClass: qosClass(pod), startTime }
  return {
    conditions, containerStatuses,
    hostIP, hostIPs: [{ ip: hostIP }],
    ...initPart,
    phase,
    podIP: rt.podIP, podIPs: [{ ip: rt.podIP }],
    qosClass: qosClass(pod),
    startTime,
  }
}

export function nodeInternalIP(node: KubeObject): string {
  return (node.status?.addresses as NodeAddress[] | undefined)?.find((a) => a.type === 'InternalIP')?.address ?? ''
}
