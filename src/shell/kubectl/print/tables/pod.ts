// `kubectl get pods`. Source: printers.go printPod (STATUS from container states, RESTARTS with last restart age).
import type { Column, TableSpec } from '../table.ts'
import { ageColumn, nameColumn } from '../table.ts'
import { parseTime, since } from '../duration.ts'
import type { KubeObject } from '../../../../engine/api/types.ts'
import type { Container, ContainerStatus, PodCondition, PodReadinessGate } from 'kubernetes-types/core/v1'

const isRestartableInit = (c: Container | undefined) => c?.restartPolicy === 'Always'

/** The READY, STATUS and RESTARTS cells, computed together as upstream does. */
function podSummary(pod: KubeObject, now: number): { ready: string; status: string; restarts: string } {
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
  const finishedAt = (cs: ContainerStatus) => parseTime(cs.lastState?.terminated?.finishedAt) ?? 0

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

  let restartsText = String(restarts)
  if (restarts !== 0 && lastRestart > 0) restartsText = `${restarts} (${since(new Date(lastRestart * 1000).toISOString(), now)} ago)`
  return { ready: `${readyContainers}/${totalContainers}`, status: reason, restarts: restartsText }
}

function readinessGates(pod: KubeObject): string {
  const gates: PodReadinessGate[] = pod.spec?.readinessGates ?? []
  if (!gates.length) return '<none>'
  const ok = gates.filter((g) => (pod.status?.conditions ?? []).find((c: PodCondition) => c.type === g.conditionType)?.status === 'True').length
  return `${ok}/${gates.length}`
}

export const POD_TABLE: TableSpec = [
  nameColumn,
  { header: 'READY', cell: (p, ctx) => podSummary(p, ctx.now).ready },
  { header: 'STATUS', cell: (p, ctx) => podSummary(p, ctx.now).status },
  { header: 'RESTARTS', cell: (p, ctx) => podSummary(p, ctx.now).restarts },
  ageColumn,
  { header: 'IP', wide: true, cell: (p) => p.status?.podIPs?.[0]?.ip || p.status?.podIP || '<none>' },
  { header: 'NODE', wide: true, cell: (p) => p.spec?.nodeName || '<none>' },
  { header: 'NOMINATED NODE', wide: true, cell: (p) => p.status?.nominatedNodeName || '<none>' },
  { header: 'READINESS GATES', wide: true, cell: readinessGates },
] satisfies Column[]
