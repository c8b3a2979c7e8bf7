// Graceful deletion, as pkg/registry/core/pod/strategy.go (CheckGracefulDelete) and
// staging/src/k8s.io/apiserver/pkg/registry/rest/delete.go (BeforeDelete) decide it: a pod on a node is only
// marked (deletionTimestamp = now + grace, deletionGracePeriodSeconds) and its kubelet removes it once its
// containers have stopped; grace 0, an unscheduled pod or a finished one is removed at once.
import type { KubeObject } from './types.ts'
import { rfc3339 } from '../sim/clock.ts'

/** The grace period a DELETE gets: the request's, else the pod's terminationGracePeriodSeconds (default 30). */
export function podGracePeriod(pod: KubeObject, requested: number | undefined): number {
  let period = requested ?? Number(pod.spec?.terminationGracePeriodSeconds ?? 30)
  if (!pod.spec?.nodeName) period = 0
  const phase = pod.status?.phase
  if (phase === 'Failed' || phase === 'Succeeded') period = 0
  return Math.max(0, period)
}

/**
 * The object a graceful DELETE leaves: marked for deletion, or undefined when it is already marked with a grace
 * period no longer than this one (a second DELETE may only shorten it).
 */
export function markedForDeletion(pod: KubeObject, period: number, now: number): KubeObject | undefined {
  const current = pod.metadata.deletionGracePeriodSeconds
  if (pod.metadata.deletionTimestamp && current !== undefined && period >= current) return undefined
  return { ...pod, metadata: { ...pod.metadata, deletionTimestamp: rfc3339(now + period), deletionGracePeriodSeconds: period } }
}
