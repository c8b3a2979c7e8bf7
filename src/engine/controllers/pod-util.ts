// Pod predicates shared by the controllers: k8s.io/kubernetes/pkg/api/v1/pod/util.go (IsPodReady, IsPodAvailable)
// and pkg/controller/controller_utils.go (IsPodActive, FilterActivePods).
import type { KubeObject } from '../api/types.ts'
import type { PodCondition } from 'kubernetes-types/core/v1'

export function podCondition(pod: KubeObject, type: string): PodCondition | undefined {
  return (pod.status?.conditions as PodCondition[] | undefined)?.find((c) => c.type === type)
}

/** podutil.IsPodReady: the Ready condition is True. */
export function isPodReady(pod: KubeObject): boolean {
  return podCondition(pod, 'Ready')?.status === 'True'
}

/** podutil.IsPodAvailable: ready for at least minReadySeconds. */
export function isPodAvailable(pod: KubeObject, minReadySeconds: number, now: number): boolean {
  const ready = podCondition(pod, 'Ready')
  if (ready?.status !== 'True') return false
  if (!minReadySeconds) return true
  const since = ready.lastTransitionTime ? Date.parse(ready.lastTransitionTime) / 1000 : now
  return since + minReadySeconds <= now
}

/** Seconds until a ready pod becomes available (for requeueing), or undefined. */
export function secondsUntilAvailable(pod: KubeObject, minReadySeconds: number, now: number): number | undefined {
  const ready = podCondition(pod, 'Ready')
  if (ready?.status !== 'True' || !minReadySeconds || !ready.lastTransitionTime) return undefined
  const at = Date.parse(ready.lastTransitionTime) / 1000 + minReadySeconds
  return at > now ? at - now : undefined
}

/** podutil.IsPodTerminal: Succeeded or Failed. */
export function isPodTerminal(pod: KubeObject): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed'
}

/** controller.IsPodActive: not terminal and not being deleted. */
export function isPodActive(pod: KubeObject): boolean {
  return !isPodTerminal(pod) && !pod.metadata.deletionTimestamp
}

/** Seconds since the epoch of an RFC 3339 timestamp (0 when missing). */
export function epoch(ts: string | undefined | null): number {
  return ts ? Date.parse(ts) / 1000 : 0
}

/** A bound pod, not being deleted, with a container still waiting for its first start (ContainerCreating). */
export function isStarting(pod: KubeObject): boolean {
  return !!pod.spec?.nodeName && !pod.metadata.deletionTimestamp &&
    ((pod.status?.containerStatuses ?? []) as { state?: { waiting?: { reason?: string } } }[]).some((cs) => cs.state?.waiting?.reason === 'ContainerCreating')
}
