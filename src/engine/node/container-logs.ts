// What `kubectl logs` reads from the kubelet (pkg/kubelet/kubelet_pods.go validateContainerLogStatus and the CRI
// log files): the instance the container status points at (running, else the last one that ended), or with
// --previous the one before; its lines are the process's own output and, for servers, a line per request.
import type { ClusterConfig } from '../api/cluster-config.ts'
import type { PodRuntime } from './runtime.ts'
import type { Instance, LogLine } from './container-runtime-state.ts'
import { linesUntil } from './container-runtime-state.ts'
import { requestsBetween } from '../network/request-log.ts'
import { imageFamily } from '../images/index.ts'

/** The lines of the instance with this container ID, up to `now` (or its end), with the time each was written. */
export function instanceLogLines(config: ClusterConfig, rt: PodRuntime, container: string, containerID: string, now: number): LogLine[] | undefined {
  const life = rt.lives?.get(container)
  const inst: Instance | undefined = [life?.current, life?.previous].find((i) => i?.containerID === containerID)
  if (!life || !inst) return undefined
  const end = inst === life.previous ? life.lastTerminated?.finishedAt ?? now
    : life.phase === 'exited' ? life.terminated?.finishedAt ?? now : now
  const lines: LogLine[] = linesUntil(inst, end)
  // A request at the very instant the next instance started (a restart after a kill) is the new process's.
  const until = inst === life.previous && life.current && life.current.startedAt <= end + 1e-9 ? end - 1e-6 : end
  const family = imageFamily(inst.plan.server ? requestsImage(config, rt, container, inst, until) ?? '' : '')
  if (family?.requestLog) {
    for (const r of requestsBetween(config, `${rt.namespace}/${rt.name}/${container}`, inst.startedAt, until)) lines.push({ at: r.now, line: family.requestLog(r) })
  }
  return lines
}

/** The image of the recorded requests (the container's image when they were served). */
function requestsImage(config: ClusterConfig, rt: PodRuntime, container: string, inst: Instance, end: number): string | undefined {
  return requestsBetween(config, `${rt.namespace}/${rt.name}/${container}`, inst.startedAt, end)[0]?.image
}
