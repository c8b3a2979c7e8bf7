// The pod status the kubelet reports: pkg/kubelet/kubelet_pods.go generateAPIPodStatus, pkg/kubelet/status/generate.go
// (GeneratePodReadyCondition & co.) and pkg/apis/core/v1/helper/qos (GetPodQOS).
import type { KubeObject } from '../api/types.ts'
import type { PodRuntime } from './runtime.ts'
import { rfc3339 } from '../sim/clock.ts'
import { imageID, normalizeImage } from './images.ts'
import type { Container, NodeAddress, PodCondition, VolumeMount } from 'kubernetes-types/core/v1'

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
  const prev = previous?.find((c) => c.type === cond.type)
  const lastTransitionTime = prev && prev.status === cond.status && prev.lastTransitionTime ? prev.lastTransitionTime : rfc3339(now)
  return { lastProbeTime: null, lastTransitionTime, ...(cond.message ? { message: cond.message } : {}), ...(cond.reason ? { reason: cond.reason } : {}), status: cond.status, type: cond.type }
}

/** Whether a container counts as ready: started and, with a readiness probe, its last settled result is success. */
function containerReady(pod: KubeObject, rt: PodRuntime, name: string): boolean {
  const spec = (pod.spec?.containers as Container[]).find((c) => c.name === name)
  const state = rt.containers.get(name)
  if (!state) return false
  return !spec?.readinessProbe || state.readiness.result === 'success'
}

/** The status of a running pod as the kubelet writes it (phase Running, conditions, IPs, container statuses). */
export function runningPodStatus(pod: KubeObject, node: KubeObject, rt: PodRuntime, now: number): Record<string, unknown> {
  const prev = pod.status ?? {}
  const hostIP = nodeInternalIP(node)
  const containers: Container[] = pod.spec?.containers ?? []
  const unready = containers.filter((c) => !containerReady(pod, rt, c.name)).map((c) => c.name)
  const notReady = unready.length ? { status: 'False' as const, reason: 'ContainersNotReady', message: `containers with unready status: [${unready.join(' ')}]` } : { status: 'True' as const }
  const scheduled = (prev.conditions as PodCondition[] | undefined)?.find((c) => c.type === 'PodScheduled')
  const conditions = [
    withTimes({ type: 'PodReadyToStartContainers', status: 'True' }, prev.conditions, now),
    withTimes({ type: 'Initialized', status: 'True' }, prev.conditions, now),
    withTimes({ type: 'Ready', ...notReady }, prev.conditions, now),
    withTimes({ type: 'ContainersReady', ...notReady }, prev.conditions, now),
    scheduled ?? withTimes({ type: 'PodScheduled', status: 'True' }, prev.conditions, now),
  ]
  const containerStatuses = containers.map((c) => {
    const state = rt.containers.get(c.name)!
    const mounts = (c.volumeMounts ?? []).map((m: VolumeMount) => ({ mountPath: m.mountPath, name: m.name, ...(m.readOnly ? { readOnly: true, recursiveReadOnly: 'Disabled' } : {}) }))
    return {
      containerID: `containerd://${state.containerID}`,
      image: normalizeImage(c.image as string), imageID: imageID(c.image as string),
      lastState: state.lastTermination ? { terminated: state.lastTermination } : {},
      name: c.name, ready: containerReady(pod, rt, c.name), restartCount: state.restartCount, started: true,
      state: { running: { startedAt: rfc3339(state.startedAt) } },
      ...(mounts.length ? { volumeMounts: mounts } : {}),
    }
  }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  return {
    conditions, containerStatuses,
    hostIP, hostIPs: [{ ip: hostIP }],
    phase: 'Running',
    podIP: rt.podIP, podIPs: [{ ip: rt.podIP }],
    qosClass: qosClass(pod),
    startTime: prev.startTime ?? rfc3339(rt.startTime ?? now),
  }
}

export function nodeInternalIP(node: KubeObject): string {
  return (node.status?.addresses as NodeAddress[] | undefined)?.find((a) => a.type === 'InternalIP')?.address ?? ''
}
