// `kubectl get events`. Source: printers.go printEvent (wide-only columns are interleaved, as upstream orders them).
import type { TableSpec } from '../table.ts'
import { since } from '../duration.ts'
import type { Stored } from '../../../../engine/api/types.ts'
import type { Event } from 'kubernetes-types/core/v1'

const firstSeen = (e: Stored<Event>, now: number) => (e.firstTimestamp ? since(e.firstTimestamp, now) : since(e.eventTime, now))
const lastSeen = (e: Stored<Event>, now: number) => {
  if (e.series) return since(e.series.lastObservedTime, now)
  return e.lastTimestamp ? since(e.lastTimestamp, now) : firstSeen(e, now)
}

/** The OBJECT column: `pod/kubia-7d5b8c6f9d-x2x4z` (the playground's event list names objects the same way). */
export function eventTarget(e: Stored<Event>): string {
  const inv = e.involvedObject ?? {}
  return inv.name ? `${String(inv.kind ?? '').toLowerCase()}/${inv.name}` : String(inv.kind ?? '').toLowerCase()
}

function eventSource(e: Stored<Event>): string {
  const component = e.source?.component || e.reportingComponent || ''
  const host = e.source?.host || e.reportingInstance || ''
  return host ? `${component}, ${host}` : component
}

export const EVENT_TABLE: TableSpec<Stored<Event>> = [
  { header: 'LAST SEEN', cell: (e, ctx) => lastSeen(e, ctx.now) },
  { header: 'TYPE', cell: (e) => e.type ?? '' },
  { header: 'REASON', cell: (e) => e.reason ?? '' },
  { header: 'OBJECT', cell: eventTarget },
  { header: 'SUBOBJECT', wide: true, cell: (e) => e.involvedObject?.fieldPath ?? '' },
  { header: 'SOURCE', wide: true, cell: eventSource },
  { header: 'MESSAGE', cell: (e) => String(e.message ?? '').trim() },
  { header: 'FIRST SEEN', wide: true, cell: (e, ctx) => firstSeen(e, ctx.now) },
  { header: 'COUNT', wide: true, cell: (e) => String(e.series?.count ?? (e.count || 1)) },
  { header: 'NAME', wide: true, cell: (e) => e.metadata.name },
]
