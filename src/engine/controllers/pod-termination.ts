// The kubelet's side of a graceful deletion: pkg/kubelet/kuberuntime/kuberuntime_container.go (killContainer:
// the `Killing` event, SIGTERM, then SIGKILL once the grace period is over) and the status manager's final DELETE
// with grace 0 (pkg/kubelet/status/status_manager.go canBeDeleted) once every container has stopped.
import type { KubeObject } from '../api/types.ts'
import type { PodRuntime } from '../node/runtime.ts'
import { exitsOnSigterm } from '../images/process.ts'
import type { Container } from 'kubernetes-types/core/v1'

// After the last container stops, the sandbox's teardown and the status manager's final DELETE take about half a
// second: `kubectl delete pod` returns in ~0.7 s for a process that exits on SIGTERM (democratic-csi/charts#67) and in
// 30.5 s for `sleep` as PID 1 (kubernetes/kubernetes#127188).
const TEARDOWN_SECONDS = 0.6

/** When the kubelet began stopping a pod's containers, and when SIGKILL falls (a later DELETE may bring it forward). */
interface Termination { since: number; grace: number; killAt: number }

// Kept beside the runtime record (not in it): the record belongs to the node runtime, this to the kill in progress.
const terminations = new WeakMap<PodRuntime, Termination>()

export interface TerminationStep {
  /** True on the sync that starts the kill (the `Killing` events are recorded then). */
  started: boolean
  /** Seconds until the last container has stopped; 0 when the pod can be removed now. */
  remaining: number
}

/**
 * One kubelet sync of a pod marked for deletion: containers whose PID 1 handles SIGTERM stop at once, the others
 * at the end of the grace period; then the sandbox is torn down. A pod whose sandbox died with its node is done.
 */
export function terminationStep(pod: KubeObject, rt: PodRuntime | undefined, now: number): TerminationStep {
  if (!rt || rt.sandboxDiedAt !== undefined) return { started: false, remaining: 0 }
  const grace = Number(pod.metadata.deletionGracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30)
  let t = terminations.get(rt)
  // A sandbox whose containers never started (still pulling) has nothing to kill, but is torn down all the same.
  const started = !t && rt.containers.size > 0
  if (!t) terminations.set(rt, (t = { since: now, grace, killAt: now + grace }))
  else if (grace !== t.grace) {
    t.killAt = Math.min(t.killAt, now + grace)
    t.grace = grace
  }
  let stopsAt = t.since
  for (const c of (pod.spec?.containers ?? []) as Container[]) {
    if (rt.containers.has(c.name) && !exitsOnSigterm(c)) stopsAt = Math.max(stopsAt, t.killAt)
  }
  return { started, remaining: Math.max(0, stopsAt + TEARDOWN_SECONDS - now) }
}
