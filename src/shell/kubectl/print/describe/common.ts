// Pieces every describer shares: labels, annotations, taints, tolerations, the controller line and Events.
// Source: kubectl/pkg/describe/describe.go (printLabelsMultilineWithIndent, printAnnotationsMultiline,
// printTaintsMultilineWithIndent, printTolerationsMultilineWithIndent, DescribeEvents, searchEvents).
import type { KubeObject, Stored } from '../../../../engine/api/types.ts'
import type { Event, Taint, Toleration } from 'kubernetes-types/core/v1'
import type { ReadonlyStore } from '../../../../engine/api/store.ts'
import { controllerOf } from '../../../../engine/api/types.ts'
import { parseTime, since } from '../duration.ts'
import type { PrefixWriter } from './writer.ts'

export interface DescribeContext {
  store: ReadonlyStore
  now: number
  /** When a node's kubelet last renewed its Lease, if it has gone silent (its container is stopped or paused). */
  leaseRenewedAt?: (node: string) => number | undefined
}

export function printLabels(w: PrefixWriter, title: string, labels: Record<string, string> | undefined, initialIndent = '', innerIndent = '\t'): void {
  w.write(0, `${initialIndent}${title}:${innerIndent}`)
  const keys = Object.keys(labels ?? {}).sort()
  if (!keys.length) {
    w.line('<none>')
    return
  }
  keys.forEach((key, i) => {
    if (i) w.write(0, initialIndent + innerIndent)
    w.write(0, `${key}=${labels![key]}\n`)
  })
}

const MAX_ANNOTATION = 140
const SKIPPED_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration'])

export function printAnnotations(w: PrefixWriter, title: string, annotations: Record<string, string> | undefined): void {
  w.write(0, `${title}:\t`)
  const keys = Object.keys(annotations ?? {}).filter((k) => !SKIPPED_ANNOTATIONS.has(k)).sort()
  if (!keys.length) {
    w.line('<none>')
    return
  }
  keys.forEach((key, i) => {
    if (i) w.write(0, '\t')
    const value = annotations![key].replace(/\n$/, '')
    if (value.length + key.length + 2 > MAX_ANNOTATION || value.includes('\n')) {
      w.write(0, `${key}:\n`)
      for (const s of value.split('\n')) w.write(0, `\t  ${s.length > MAX_ANNOTATION - 2 ? s.slice(0, MAX_ANNOTATION - 2) + '...' : s}\n`)
    } else {
      w.write(0, `${key}: ${value}\n`)
    }
  })
}

function taintString(t: Taint): string {
  return t.value ? `${t.key}=${t.value}:${t.effect}` : `${t.key}:${t.effect}`
}

export function printTaints(w: PrefixWriter, title: string, taints: Taint[] | undefined): void {
  w.write(0, `${title}:\t`)
  if (!taints?.length) {
    w.line('<none>')
    return
  }
  const sorted = [...taints].sort((a, b) => (`${a.effect},${a.key}` < `${b.effect},${b.key}` ? -1 : 1))
  sorted.forEach((t, i) => {
    if (i) w.write(0, '\t')
    w.write(0, `${taintString(t)}\n`)
  })
}

export function printTolerations(w: PrefixWriter, title: string, tolerations: Toleration[] | undefined, initialIndent = ''): void {
  w.write(0, `${initialIndent}${title}:\t`)
  if (!tolerations?.length) {
    w.line('<none>')
    return
  }
  const sorted = [...tolerations].sort((a, b) => ((a.key ?? '') < (b.key ?? '') ? -1 : (a.key ?? '') > (b.key ?? '') ? 1 : 0))
  sorted.forEach((t, i) => {
    if (i) w.write(0, initialIndent + '\t')
    let text = t.key ?? ''
    if (t.value) text += `=${t.value}`
    if (t.effect) text += `:${t.effect}`
    if (t.operator === 'Exists' && !t.value) text += t.key || t.effect ? ' op=Exists' : 'op=Exists'
    if (t.tolerationSeconds != null) text += ` for ${t.tolerationSeconds}s`
    w.write(0, text + '\n')
  })
}

/** `ReplicaSet/kubia-5d4d7b8c9f` from the controller ownerReference, or '' without one. */
export function controllerLine(obj: KubeObject): string {
  const ref = controllerOf(obj)
  return ref ? `${ref.kind}/${ref.name}` : ''
}

/** searchEvents: Events whose involvedObject is this object (by uid; nodes also by name, as kubelet reports). */
export function eventsFor(obj: KubeObject, ctx: DescribeContext, extraUids: string[] = []): Stored<Event>[] {
  const uids = new Set([obj.metadata.uid, ...extraUids].filter(Boolean))
  const events = (ctx.store.list('Event', obj.metadata.namespace ?? undefined) as Stored<Event>[]).filter((e) => {
    const inv = e.involvedObject ?? {}
    return inv.name === obj.metadata.name && uids.has(inv.uid) && (obj.kind === 'Pod' || !inv.kind || inv.kind === obj.kind)
  })
  // Cluster-scoped objects' events live in the default namespace.
  const extra = obj.metadata.namespace ? [] : (ctx.store.list('Event', undefined) as Stored<Event>[]).filter((e) =>
    !events.includes(e) && e.involvedObject?.name === obj.metadata.name && e.involvedObject?.kind === obj.kind && uids.has(e.involvedObject?.uid))
  return [...events, ...extra]
}

export function describeEvents(w: PrefixWriter, events: Stored<Event>[], now: number): void {
  if (!events.length) {
    w.write(0, 'Events:\t<none>\n')
    return
  }
  w.flush()
  const sorted = events
    .map((e, i) => ({ e, i, t: parseTime(e.lastTimestamp) ?? 0 }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map((x) => x.e)
  w.write(0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n')
  w.write(1, '----\t------\t----\t----\t-------\n')
  for (const e of sorted) {
    const first = e.eventTime ? since(e.eventTime, now) : since(e.firstTimestamp, now)
    let interval = first
    if (e.series) interval = `${since(e.series.lastObservedTime, now)} (x${e.series.count} over ${first})`
    else if ((e.count ?? 0) > 1) interval = `${since(e.lastTimestamp, now)} (x${e.count} over ${first})`
    const source = e.source?.component || e.reportingComponent || ''
    w.write(1, `${e.type ?? ''}\t${e.reason ?? ''}\t${interval}\t${source}\t${String(e.message ?? '').trim()}\n`)
  }
}
