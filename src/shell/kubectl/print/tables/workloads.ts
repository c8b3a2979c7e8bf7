// `kubectl get deployments|replicasets|replicationcontrollers`.
// Source: printers.go printDeployment, printReplicaSet, printReplicationController.
import type { TableSpec } from '../table.ts'
import { ageColumn, containerCells, nameColumn } from '../table.ts'
import { formatLabels, formatSelector, fromLabelSelector } from '../../../../engine/api/labels.ts'
import type { KubeObject } from '../../../../engine/api/types.ts'
import { humanDuration, parseTime } from '../duration.ts'
import type { LabelSelector } from 'kubernetes-types/meta/v1'

/** metav1.FormatLabelSelector: `<none>` for an empty selector. */
export function formatLabelSelector(sel: LabelSelector | undefined): string {
  try {
    const parsed = fromLabelSelector(sel)
    return parsed ? formatSelector(parsed) : '<none>'
  } catch {
    return '<invalid>'
  }
}

const n = (v: unknown) => String(typeof v === 'number' ? v : 0)
const names = (o: KubeObject) => containerCells(o.spec?.template?.spec?.containers)[0]
const images = (o: KubeObject) => containerCells(o.spec?.template?.spec?.containers)[1]

export const DEPLOYMENT_TABLE: TableSpec = [
  nameColumn,
  { header: 'READY', cell: (d) => `${n(d.status?.readyReplicas)}/${n(d.spec?.replicas)}` },
  { header: 'UP-TO-DATE', cell: (d) => n(d.status?.updatedReplicas) },
  { header: 'AVAILABLE', cell: (d) => n(d.status?.availableReplicas) },
  ageColumn,
  { header: 'CONTAINERS', wide: true, cell: names },
  { header: 'IMAGES', wide: true, cell: images },
  // selector.String() of an empty selector is the empty string, not <none>.
  { header: 'SELECTOR', wide: true, cell: (d) => { const s = formatLabelSelector(d.spec?.selector); return s === '<none>' ? '' : s } },
]

const replicaColumns: TableSpec = [
  nameColumn,
  { header: 'DESIRED', cell: (r) => n(r.spec?.replicas) },
  { header: 'CURRENT', cell: (r) => n(r.status?.replicas) },
  { header: 'READY', cell: (r) => n(r.status?.readyReplicas) },
  ageColumn,
  { header: 'CONTAINERS', wide: true, cell: names },
  { header: 'IMAGES', wide: true, cell: images },
]

// printDaemonSet: the status counts, then the template's node selector (labels.FormatLabels: <none> when empty).
export const DAEMONSET_TABLE: TableSpec = [
  nameColumn,
  { header: 'DESIRED', cell: (d) => n(d.status?.desiredNumberScheduled) },
  { header: 'CURRENT', cell: (d) => n(d.status?.currentNumberScheduled) },
  { header: 'READY', cell: (d) => n(d.status?.numberReady) },
  { header: 'UP-TO-DATE', cell: (d) => n(d.status?.updatedNumberScheduled) },
  { header: 'AVAILABLE', cell: (d) => n(d.status?.numberAvailable) },
  { header: 'NODE SELECTOR', cell: (d) => formatLabels(d.spec?.template?.spec?.nodeSelector) },
  ageColumn,
  { header: 'CONTAINERS', wide: true, cell: names },
  { header: 'IMAGES', wide: true, cell: images },
  { header: 'SELECTOR', wide: true, cell: (d) => formatLabelSelector(d.spec?.selector) },
]

// printStatefulSet: ready/desired and age; -o wide adds the containers and images (no selector).
export const STATEFULSET_TABLE: TableSpec = [
  nameColumn,
  { header: 'READY', cell: (s) => `${n(s.status?.readyReplicas)}/${n(s.spec?.replicas)}` },
  ageColumn,
  { header: 'CONTAINERS', wide: true, cell: names },
  { header: 'IMAGES', wide: true, cell: images },
]

const jobHas = (j: KubeObject, type: string) => ((j.status?.conditions ?? []) as { type: string; status: string }[]).some((c) => c.type === type && c.status === 'True')

/** printJob's STATUS: the terminal conditions first, then deletion, suspension and a pending failure. */
function jobStatus(j: KubeObject): string {
  if (jobHas(j, 'Complete')) return 'Complete'
  if (jobHas(j, 'Failed')) return 'Failed'
  if (j.metadata.deletionTimestamp) return 'Terminating'
  if (jobHas(j, 'Suspended')) return 'Suspended'
  if (jobHas(j, 'FailureTarget')) return 'FailureTarget'
  return 'Running'
}

/** printJob's COMPLETIONS: succeeded/completions, or succeeded/1 (of parallelism) for a work-queue Job. */
function jobCompletions(j: KubeObject): string {
  const done = n(j.status?.succeeded)
  if (typeof j.spec?.completions === 'number') return `${done}/${j.spec.completions}`
  const parallelism = j.spec?.parallelism ?? 0
  return parallelism > 1 ? `${done}/1 of ${parallelism}` : `${done}/1`
}

/** printJob's DURATION: empty before the start, then start → now, then start → completion. */
function jobDuration(j: KubeObject, now: number): string {
  const start = parseTime(j.status?.startTime)
  if (start === undefined) return ''
  const end = parseTime(j.status?.completionTime)
  return humanDuration((end ?? now) - start)
}

// printJob (v1.32): STATUS and DURATION next to COMPLETIONS; -o wide adds containers, images and the selector.
export const JOB_TABLE: TableSpec = [
  nameColumn,
  { header: 'STATUS', cell: jobStatus },
  { header: 'COMPLETIONS', cell: jobCompletions },
  { header: 'DURATION', cell: (j, ctx) => jobDuration(j, ctx.now) },
  ageColumn,
  { header: 'CONTAINERS', wide: true, cell: names },
  { header: 'IMAGES', wide: true, cell: images },
  { header: 'SELECTOR', wide: true, cell: (j) => formatLabelSelector(j.spec?.selector) },
]

export const REPLICASET_TABLE: TableSpec = [...replicaColumns, { header: 'SELECTOR', wide: true, cell: (r) => formatLabelSelector(r.spec?.selector) }]
export const RC_TABLE: TableSpec = [...replicaColumns, { header: 'SELECTOR', wide: true, cell: (r) => formatLabels(r.spec?.selector) }]
