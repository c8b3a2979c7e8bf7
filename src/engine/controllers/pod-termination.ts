// The kubelet's side of a graceful deletion: pkg/kubelet/kuberuntime/kuberuntime_container.go (killContainer:
// the `Killing` event, SIGTERM, then SIGKILL once the grace period is over) and the status manager's final DELETE
// with grace 0 (pkg/kubelet/status/status_manager.go canBeDeleted) once every container has stopped.
import type { KubeObject } from '../api/types.ts'
import type { PodRuntime } from '../node/runtime.ts'
import { exitsOnSigterm } from '../images/process.ts'
import { imageFamily } from '../images/index.ts'
import type { Container } from 'kubernetes-types/core/v1'

// After the last container stops, the sandbox's teardown and the status manager's final DELETE take about half a
// second: `kubectl delete pod` returns in ~0.7 s for a process that exits on SIGTERM (democratic-csi/charts#67) and in
// 30.5 s for `sleep` as PID 1 (kubernetes/kubernetes#127188).
const TEARDOWN_SECONDS = 0.6
// Before that, once the containers have stopped, the status manager writes their terminated states and, since 1.27,
// the deleted pod's terminal phase (kubectl shows `0/1 Completed` or `0/1 Error` until the pod is gone).
const REPORT_SECONDS = 0.3

/** When the kubelet began stopping a pod's containers, and when SIGKILL falls (a later DELETE may bring it forward). */
interface Termination {
  since: number; grace: number; killAt: number
  /** The containers running when the kill began: the ones whose end the kubelet reports. */
  running: Container[]
  reported: boolean
}

// Kept beside the runtime record (not in it): the record belongs to the node runtime, this to the kill in progress.
const terminations = new WeakMap<PodRuntime, Termination>()

/** How a container ended: its name, when, and the exit code and reason its terminated state shows. */
export interface StoppedContainer { name: string; at: number; exitCode: number; reason: string }

export interface TerminationStep {
  /** True on the sync that starts the kill (the `Killing` events are recorded then). */
  started: boolean
  /** The containers to report stopped in this sync (once, when the last has stopped); empty otherwise. */
  report: StoppedContainer[]
  /** Seconds until the pod can be removed; 0: now. */
  remaining: number
  /** Seconds until the next step (the report, or the removal). */
  nextIn: number
}

/** The exit a kill gives: nginx's fast shutdown exits 0, other SIGTERM handlers die of it (143), SIGKILL is 137. */
export function killExit(c: Container, sigkill: boolean): { exitCode: number; reason: string } {
  const exitCode = sigkill ? 137 : imageFamily(c.image ?? '')?.app === 'nginx' ? 0 : 143
  return { exitCode, reason: exitCode === 0 ? 'Completed' : 'Error' }
}

/**
 * One kubelet sync of a pod marked for deletion: containers whose PID 1 handles SIGTERM stop at once, the others
 * at the end of the grace period; the kubelet reports them stopped, then the sandbox is torn down and the pod
 * removed. A pod whose sandbox died with its node is done.
 */
export function terminationStep(pod: KubeObject, rt: PodRuntime | undefined, now: number): TerminationStep {
  if (!rt || rt.sandboxDiedAt !== undefined) return { started: false, report: [], remaining: 0, nextIn: 0 }
  const grace = Number(pod.metadata.deletionGracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30)
  let t = terminations.get(rt)
  // A sandbox whose containers never started (still pulling) has nothing to kill, but is torn down all the same.
  const started = !t && rt.containers.size > 0
  if (!t) {
    // Init containers too: a sidecar, or the init container still running when the pod was deleted.
    const running = ([...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])] as Container[]).filter((c) => rt.containers.has(c.name))
    terminations.set(rt, (t = { since: now, grace, killAt: now + grace, running, reported: false }))
  } else if (grace !== t.grace) {
    t.killAt = Math.min(t.killAt, now + grace)
    t.grace = grace
  }
  let stopsAt = t.since
  for (const c of t.running) if (!exitsOnSigterm(c)) stopsAt = Math.max(stopsAt, t.killAt)
  const reportAt = stopsAt + REPORT_SECONDS
  const removeAt = stopsAt + TEARDOWN_SECONDS
  const report: StoppedContainer[] = []
  if (!t.reported && t.running.length && now >= reportAt - 1e-9) {
    t.reported = true
    for (const c of t.running) {
      const sigkill = !exitsOnSigterm(c)
      report.push({ name: c.name, at: sigkill ? t.killAt : t.since, ...killExit(c, sigkill) })
    }
  }
  const remaining = Math.max(0, removeAt - now)
  const nextIn = !t.reported && t.running.length ? Math.max(0, Math.min(reportAt, removeAt) - now) : remaining
  return { started, report, remaining, nextIn }
}
