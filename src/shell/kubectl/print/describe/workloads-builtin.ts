// `kubectl describe statefulset|daemonset|job`. Source: kubectl/pkg/describe/describe.go describeStatefulSet
// (with describeVolumeClaimTemplates), describeDaemonSet, describeJob; pod counts as getPodStatusForController.
import { formatLabels } from '../../../../engine/api/labels.ts'
import { controllerOf } from '../../../../engine/api/types.ts'
import type { KubeObject } from '../../../../engine/api/types.ts'
import type { PersistentVolumeClaim } from 'kubernetes-types/core/v1'
import { humanDuration, parseTime, rfc1123z } from '../duration.ts'
import { formatLabelSelector } from '../tables/workloads.ts'
import { controllerLine, describeEvents, eventsFor, printAnnotations, printLabels, type DescribeContext } from './common.ts'
import { describePodTemplate } from './containers.ts'
import { tabbed, type PrefixWriter } from './writer.ts'

/** getPodStatusForController: the controller's pods by phase (Pending counts as Waiting). */
function podsStatus(owner: KubeObject, ctx: DescribeContext): string {
  const counts: Record<string, number> = { Running: 0, Pending: 0, Succeeded: 0, Failed: 0 }
  for (const pod of ctx.store.list('Pod', owner.metadata.namespace)) {
    if (controllerOf(pod)?.uid !== owner.metadata.uid) continue
    const phase = String(pod.status?.phase ?? '')
    if (phase in counts) counts[phase]++
  }
  return `${counts.Running} Running / ${counts.Pending} Waiting / ${counts.Succeeded} Succeeded / ${counts.Failed} Failed`
}

/** describeVolumeClaimTemplates: `<none>`, or each template's class, labels, capacity and access modes. */
function volumeClaims(w: PrefixWriter, templates: PersistentVolumeClaim[] | undefined): void {
  if (!templates?.length) {
    w.write(0, 'Volume Claims:\t<none>\n')
    return
  }
  w.write(0, 'Volume Claims:\n')
  for (const pvc of templates) {
    w.write(1, `Name:\t${pvc.metadata?.name ?? ''}\n`)
    const cls = pvc.spec?.storageClassName ?? pvc.metadata?.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? ''
    w.write(1, `StorageClass:\t${cls}\n`)
    printLabels(w, 'Labels', pvc.metadata?.labels, '  ')
    printLabels(w, 'Annotations', pvc.metadata?.annotations, '  ')
    w.write(1, `Capacity:\t${pvc.spec?.resources?.requests?.storage ?? '<default>'}\n`)
    // Go's %s of a []PersistentVolumeAccessMode: `[ReadWriteOnce]`.
    w.write(1, `Access Modes:\t[${(pvc.spec?.accessModes ?? []).join(' ')}]\n`)
  }
}

export function describeStatefulSet(sts: KubeObject, ctx: DescribeContext): string {
  return tabbed((w) => {
    const spec = sts.spec ?? {}
    w.write(0, `Name:\t${sts.metadata.name}\n`)
    w.write(0, `Namespace:\t${sts.metadata.namespace}\n`)
    w.write(0, `CreationTimestamp:\t${rfc1123z(sts.metadata.creationTimestamp)}\n`)
    w.write(0, `Selector:\t${formatLabelSelector(spec.selector)}\n`)
    printLabels(w, 'Labels', sts.metadata.labels)
    printAnnotations(w, 'Annotations', sts.metadata.annotations)
    w.write(0, `Replicas:\t${spec.replicas ?? 1} desired | ${sts.status?.replicas ?? 0} total\n`)
    w.write(0, `Update Strategy:\t${spec.updateStrategy?.type ?? ''}\n`)
    const ru = spec.updateStrategy?.rollingUpdate
    if (ru && ru.partition !== undefined) {
      w.write(1, `Partition:\t${ru.partition}\n`)
      if (ru.maxUnavailable !== undefined) w.write(1, `MaxUnavailable:\t${ru.maxUnavailable}\n`)
    }
    w.write(0, `Pods Status:\t${podsStatus(sts, ctx)}\n`)
    describePodTemplate(w, spec.template)
    volumeClaims(w, spec.volumeClaimTemplates)
    describeEvents(w, eventsFor(sts, ctx), ctx.now)
  })
}

export function describeDaemonSet(ds: KubeObject, ctx: DescribeContext): string {
  return tabbed((w) => {
    const status = ds.status ?? {}
    w.write(0, `Name:\t${ds.metadata.name}\n`)
    w.write(0, `Namespace:\t${ds.metadata.namespace}\n`)
    w.write(0, `Selector:\t${formatLabelSelector(ds.spec?.selector)}\n`)
    w.write(0, `Node-Selector:\t${formatLabels(ds.spec?.template?.spec?.nodeSelector)}\n`)
    printLabels(w, 'Labels', ds.metadata.labels)
    printAnnotations(w, 'Annotations', ds.metadata.annotations)
    // These five lines have no tab in describe.go: they do not align with the others.
    w.write(0, `Desired Number of Nodes Scheduled: ${status.desiredNumberScheduled ?? 0}\n`)
    w.write(0, `Current Number of Nodes Scheduled: ${status.currentNumberScheduled ?? 0}\n`)
    w.write(0, `Number of Nodes Scheduled with Up-to-date Pods: ${status.updatedNumberScheduled ?? 0}\n`)
    w.write(0, `Number of Nodes Scheduled with Available Pods: ${status.numberAvailable ?? 0}\n`)
    w.write(0, `Number of Nodes Misscheduled: ${status.numberMisscheduled ?? 0}\n`)
    w.write(0, `Pods Status:\t${podsStatus(ds, ctx)}\n`)
    describePodTemplate(w, ds.spec?.template)
    describeEvents(w, eventsFor(ds, ctx), ctx.now)
  })
}

export function describeJob(job: KubeObject, ctx: DescribeContext): string {
  return tabbed((w) => {
    const spec = job.spec ?? {}
    const status = job.status ?? {}
    w.write(0, `Name:\t${job.metadata.name}\n`)
    w.write(0, `Namespace:\t${job.metadata.namespace}\n`)
    w.write(0, `Selector:\t${formatLabelSelector(spec.selector)}\n`)
    printLabels(w, 'Labels', job.metadata.labels)
    printAnnotations(w, 'Annotations', job.metadata.annotations)
    const controller = controllerLine(job)
    if (controller) w.write(0, `Controlled By:\t${controller}\n`)
    if (spec.parallelism !== undefined) w.write(0, `Parallelism:\t${spec.parallelism}\n`)
    w.write(0, `Completions:\t${spec.completions ?? '<unset>'}\n`)
    if (spec.completionMode !== undefined) w.write(0, `Completion Mode:\t${spec.completionMode}\n`)
    if (spec.suspend !== undefined) w.write(0, `Suspend:\t${spec.suspend}\n`)
    if (spec.backoffLimit !== undefined) w.write(0, `Backoff Limit:\t${spec.backoffLimit}\n`)
    if (spec.ttlSecondsAfterFinished !== undefined) w.write(0, `TTL Seconds After Finished:\t${spec.ttlSecondsAfterFinished}\n`)
    if (status.startTime) w.write(0, `Start Time:\t${rfc1123z(status.startTime)}\n`)
    if (status.completionTime) w.write(0, `Completed At:\t${rfc1123z(status.completionTime)}\n`)
    const start = parseTime(status.startTime)
    const done = parseTime(status.completionTime)
    if (start !== undefined && done !== undefined) w.write(0, `Duration:\t${humanDuration(done - start)}\n`)
    if (spec.activeDeadlineSeconds !== undefined) w.write(0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`)
    const counts = `${status.succeeded ?? 0} Succeeded / ${status.failed ?? 0} Failed`
    w.write(0, `Pods Statuses:\t${status.active ?? 0} Active ${status.ready === undefined ? '' : `(${status.ready} Ready) `}/ ${counts}\n`)
    if (spec.completionMode === 'Indexed') w.write(0, `Completed Indexes:\t${status.completedIndexes || '<none>'}\n`)
    describePodTemplate(w, spec.template)
    describeEvents(w, eventsFor(job, ctx), ctx.now)
  })
}
