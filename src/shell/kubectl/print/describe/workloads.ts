// `kubectl describe deployment|replicaset|replicationcontroller`.
// Source: kubectl/pkg/describe/describe.go describeDeployment, describeReplicaSet, describeReplicationController,
// getPodStatusForController, printReplicaSetsByLabels; new/old ReplicaSets as deploymentutil finds them.
import { formatLabels } from '../../../../engine/api/labels.ts'
import { controllerOf } from '../../../../engine/api/types.ts'
import type { KubeObject } from '../../../../engine/api/types.ts'
import type { PodTemplateSpec } from 'kubernetes-types/core/v1'
import { rfc1123z } from '../duration.ts'
import { formatLabelSelector } from '../tables/workloads.ts'
import { controllerLine, describeEvents, eventsFor, printAnnotations, printLabels, type DescribeContext } from './common.ts'
import { describePodTemplate } from './containers.ts'
import { tabbed, type PrefixWriter } from './writer.ts'

function podCounts(owner: KubeObject, ctx: DescribeContext): string {
  const counts = { Running: 0, Pending: 0, Succeeded: 0, Failed: 0 } as Record<string, number>
  for (const pod of ctx.store.list('Pod', owner.metadata.namespace)) {
    if (controllerOf(pod)?.uid !== owner.metadata.uid) continue
    const phase = pod.status?.phase
    if (phase in counts) counts[phase]++
  }
  return `${counts.Running} Running / ${counts.Pending} Waiting / ${counts.Succeeded} Succeeded / ${counts.Failed} Failed`
}

function conditions(w: PrefixWriter, list: { type: string; status: string; reason?: string }[] | undefined): void {
  if (!list?.length) return
  w.write(0, 'Conditions:\n  Type\tStatus\tReason\n')
  w.write(1, '----\t------\t------\n')
  for (const c of list) w.write(1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`)
}

export function describeReplicaSet(rs: KubeObject, ctx: DescribeContext): string {
  return tabbed((w) => {
    w.write(0, `Name:\t${rs.metadata.name}\n`)
    w.write(0, `Namespace:\t${rs.metadata.namespace}\n`)
    w.write(0, `Selector:\t${formatLabelSelector(rs.spec?.selector)}\n`)
    printLabels(w, 'Labels', rs.metadata.labels)
    printAnnotations(w, 'Annotations', rs.metadata.annotations)
    const controller = controllerLine(rs)
    if (controller) w.write(0, `Controlled By:\t${controller}\n`)
    w.write(0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 0} desired\n`)
    w.write(0, `Pods Status:\t${podCounts(rs, ctx)}\n`)
    describePodTemplate(w, rs.spec?.template)
    conditions(w, rs.status?.conditions)
    describeEvents(w, eventsFor(rs, ctx), ctx.now)
  })
}

export function describeReplicationController(rc: KubeObject, ctx: DescribeContext): string {
  return tabbed((w) => {
    w.write(0, `Name:\t${rc.metadata.name}\n`)
    w.write(0, `Namespace:\t${rc.metadata.namespace}\n`)
    w.write(0, `Selector:\t${formatLabels(rc.spec?.selector)}\n`)
    printLabels(w, 'Labels', rc.metadata.labels)
    printAnnotations(w, 'Annotations', rc.metadata.annotations)
    w.write(0, `Replicas:\t${rc.status?.replicas ?? 0} current / ${rc.spec?.replicas ?? 0} desired\n`)
    w.write(0, `Pods Status:\t${podCounts(rc, ctx)}\n`)
    describePodTemplate(w, rc.spec?.template)
    conditions(w, rc.status?.conditions)
    describeEvents(w, eventsFor(rc, ctx), ctx.now)
  })
}

/** ReplicaSets the Deployment owns: the one whose template matches is new, the rest old (those with pods). */
function replicaSets(d: KubeObject, ctx: DescribeContext): { oldRSs: KubeObject[]; newRS: KubeObject | undefined } {
  const owned = ctx.store.list('ReplicaSet', d.metadata.namespace).filter((rs) => controllerOf(rs)?.uid === d.metadata.uid)
  const strip = (t: PodTemplateSpec | undefined) => {
    const labels = { ...(t?.metadata?.labels ?? {}) }
    delete labels['pod-template-hash']
    return JSON.stringify({ ...t, metadata: { ...(t?.metadata ?? {}), labels } })
  }
  const newRS = owned
    .filter((rs) => strip(rs.spec?.template) === strip(d.spec?.template))
    .sort((a, b) => String(a.metadata.creationTimestamp).localeCompare(String(b.metadata.creationTimestamp)))[0]
  const oldRSs = owned.filter((rs) => rs !== newRS && (rs.status?.replicas ?? 0) > 0)
  return { oldRSs, newRS }
}

const rsList = (list: KubeObject[]) => list.map((rs) => `${rs.metadata.name} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 0} replicas created)`).join(', ') || '<none>'

export function describeDeployment(d: KubeObject, ctx: DescribeContext): string {
  const { oldRSs, newRS } = replicaSets(d, ctx)
  return tabbed((w) => {
    const spec = d.spec ?? {}
    const status = d.status ?? {}
    w.write(0, `Name:\t${d.metadata.name}\n`)
    w.write(0, `Namespace:\t${d.metadata.namespace}\n`)
    w.write(0, `CreationTimestamp:\t${rfc1123z(d.metadata.creationTimestamp)}\n`)
    printLabels(w, 'Labels', d.metadata.labels)
    printAnnotations(w, 'Annotations', d.metadata.annotations)
    const selector = formatLabelSelector(spec.selector)
    w.write(0, `Selector:\t${selector === '<none>' ? '' : selector}\n`)
    w.write(0, `Replicas:\t${spec.replicas ?? 0} desired | ${status.updatedReplicas ?? 0} updated | ${status.replicas ?? 0} total | ${status.availableReplicas ?? 0} available | ${status.unavailableReplicas ?? 0} unavailable\n`)
    w.write(0, `StrategyType:\t${spec.strategy?.type ?? ''}\n`)
    w.write(0, `MinReadySeconds:\t${spec.minReadySeconds ?? 0}\n`)
    const ru = spec.strategy?.rollingUpdate
    if (ru) w.write(0, `RollingUpdateStrategy:\t${ru.maxUnavailable ?? ''} max unavailable, ${ru.maxSurge ?? ''} max surge\n`)
    describePodTemplate(w, spec.template)
    conditions(w, status.conditions)
    if (oldRSs.length || newRS) {
      w.write(0, `OldReplicaSets:\t${rsList(oldRSs)}\n`)
      w.write(0, `NewReplicaSet:\t${rsList(newRS ? [newRS] : [])}\n`)
    }
    describeEvents(w, eventsFor(d, ctx), ctx.now)
  })
}
