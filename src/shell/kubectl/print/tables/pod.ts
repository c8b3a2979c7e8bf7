// `kubectl get pods`. Source: printers.go printPod (STATUS from container states, RESTARTS with last restart age).
import type { Column, TableSpec } from '../table.ts'
import { ageColumn, nameColumn } from '../table.ts'
import { since } from '../duration.ts'
import type { KubeObject } from '../../../../engine/api/types.ts'
import { podDisplayStatus } from '../../../../engine/api/pod-display-status.ts'
import type { PodCondition, PodReadinessGate } from 'kubernetes-types/core/v1'

/** The READY, STATUS and RESTARTS cells, from the one reading of the pod the topology draws too. */
function podSummary(pod: KubeObject, now: number): { ready: string; status: string; restarts: string } {
  const s = podDisplayStatus(pod)
  let restartsText = String(s.restarts)
  if (s.restarts !== 0 && s.lastRestart > 0) restartsText = `${s.restarts} (${since(new Date(s.lastRestart * 1000).toISOString(), now)} ago)`
  return { ready: `${s.readyContainers}/${s.totalContainers}`, status: s.status, restarts: restartsText }
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
