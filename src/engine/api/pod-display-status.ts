// The pod's STATUS, READY and RESTARTS as `kubectl get pods` prints them: one reading of the container states for
// the printer and the topology, so the canvas never tells a different story than the console.
// Source: pkg/printers/internalversion/printers.go printPod.
import type { KubeObject } from './types.ts'
import type { Container, ContainerStatus, PodCondition } from 'kubernetes-types/core/v1'

export interface PodDisplayStatus {
  /** kubectl's STATUS column: Running, ContainerCreating, Terminating, CrashLoopBackOff, Completed, Init:0/1, ... */
  status: string
  readyContainers: number
  totalContainers: number
  restarts: number
  /** Seconds since the epoch of the last restart's end (0 when none): RESTARTS prints `3 (25s ago)` from it. */
  lastRestart: number
}

/** podutil.IsRestartableInitContainer: an init container with `restartPolicy: Always` (a sidecar, on by default since 1.29). */
export const isRestartableInit = (c: Container | undefined): boolean => c?.restartPolicy === 'Always'

const finishedAt = (cs: ContainerStatus) => {
  const ts = cs.lastState?.terminated?.finishedAt
  const ms = ts ? Date.parse(ts) : NaN
  return Number.isNaN(ms) ? 0 : ms / 1000
}

/**
 * printPod's reading of a pod: the phase (or status.reason), overridden by the first init container that has not
 * finished (`Init:1/2`, `Init:CrashLoopBackOff`), else by the last app container's waiting/terminated reason;
 * `Completed` with a container still running reads Running/NotReady; a pod with a deletionTimestamp that has not
 * finished reads `Terminating` (`Unknown` when its node was lost).
 */
export function podDisplayStatus(pod: KubeObject): PodDisplayStatus {
  const spec = pod.spec ?? {}
  const status = pod.status ?? {}
  let restarts = 0
  let restartableInitRestarts = 0
  let totalContainers = (spec.containers ?? []).length
  let readyContainers = 0
  let lastRestart = 0
  let lastRestartableInitRestart = 0
  let reason: string = status.reason || status.phase || ''
  for (const c of status.conditions ?? []) {
    if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated'
  }
  const inits = new Map<string, Container>()
  for (const c of spec.initContainers ?? []) {
    inits.set(c.name, c)
    if (isRestartableInit(c)) totalContainers++
  }

  let initializing = false
  const initStatuses: ContainerStatus[] = status.initContainerStatuses ?? []
  for (let i = 0; i < initStatuses.length; i++) {
    const cs = initStatuses[i]
    restarts += cs.restartCount ?? 0
    lastRestart = Math.max(lastRestart, finishedAt(cs))
    if (isRestartableInit(inits.get(cs.name))) {
      restartableInitRestarts += cs.restartCount ?? 0
      lastRestartableInitRestart = Math.max(lastRestartableInitRestart, finishedAt(cs))
    }
    const term = cs.state?.terminated
    const wait = cs.state?.waiting
    if (term && (term.exitCode ?? 0) === 0) continue
    if (isRestartableInit(inits.get(cs.name)) && cs.started) {
      if (cs.ready) readyContainers++
      continue
    }
    if (term) reason = term.reason ? `Init:${term.reason}` : term.signal ? `Init:Signal:${term.signal}` : `Init:ExitCode:${term.exitCode ?? 0}`
    else if (wait?.reason && wait.reason !== 'PodInitializing') reason = `Init:${wait.reason}`
    else reason = `Init:${i}/${(spec.initContainers ?? []).length}`
    initializing = true
    break
  }

  const initialized = (status.conditions ?? []).some((c: PodCondition) => c.type === 'Initialized' && c.status === 'True')
  if (!initializing || initialized) {
    restarts = restartableInitRestarts
    lastRestart = lastRestartableInitRestart
    let hasRunning = false
    const statuses: ContainerStatus[] = status.containerStatuses ?? []
    for (let i = statuses.length - 1; i >= 0; i--) {
      const cs = statuses[i]
      restarts += cs.restartCount ?? 0
      lastRestart = Math.max(lastRestart, finishedAt(cs))
      const wait = cs.state?.waiting
      const term = cs.state?.terminated
      if (wait?.reason) reason = wait.reason
      else if (term?.reason) reason = term.reason
      else if (term) reason = term.signal ? `Signal:${term.signal}` : `ExitCode:${term.exitCode ?? 0}`
      else if (cs.ready && cs.state?.running) {
        hasRunning = true
        readyContainers++
      }
    }
    if (reason === 'Completed' && hasRunning) {
      reason = (status.conditions ?? []).some((c: PodCondition) => c.type === 'Ready' && c.status === 'True') ? 'Running' : 'NotReady'
    }
  }

  const terminal = status.phase === 'Succeeded' || status.phase === 'Failed'
  if (pod.metadata.deletionTimestamp && status.reason === 'NodeLost') reason = 'Unknown'
  else if (pod.metadata.deletionTimestamp && !terminal) reason = 'Terminating'
  return { status: reason, readyContainers, totalContainers, restarts, lastRestart }
}
