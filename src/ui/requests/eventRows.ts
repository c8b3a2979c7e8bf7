// The event list's rows: the control plane's Events (as `kubectl get events` names them) and the learner's
// requests, in simulated-time order. Pure, for the EventList component and its test.
import type { KubeObject, Stored } from '../../engine/api/types.ts'
import type { Event } from 'kubernetes-types/core/v1'
import { eventTarget } from '../../shell/kubectl/print/tables/event.ts'
import { lastSeen, listable } from '../../worker/eventWindow.ts'
import type { RequestRecord } from './requestStore.ts'

interface ClusterEvent { key: string; time: number; first: number; type: string; reason: string; object: string; message: string; count: number }

const seconds = (stamp: unknown) => (typeof stamp === 'string' && stamp ? Date.parse(stamp) / 1000 : NaN)

/** The rows' rule is shared with the worker, which sends big clusters' Events through it (src/worker/eventWindow.ts). */
function eventsOf(objects: readonly KubeObject[]): ClusterEvent[] {
  // The cluster's own start-up (kube-system) is noise here; the learner's objects are what explain a request.
  return objects.filter((o) => o.kind === 'Event' && listable(o)).map((o) => {
    const e = o as Stored<Event>
    const first = seconds(e.firstTimestamp ?? e.eventTime ?? e.metadata.creationTimestamp)
    return { key: `${e.metadata.namespace}/${e.metadata.name}`, time: lastSeen(e), first: Number.isNaN(first) ? 0 : first,
      type: e.type ?? 'Normal', reason: e.reason ?? '', object: eventTarget(e), message: String(e.message ?? '').trim(),
      count: e.series?.count ?? e.count ?? 1 }
  })
}

type Row = { kind: 'event'; time: number; event: ClusterEvent } | { kind: 'record'; time: number; record: RequestRecord }

/** The last 60 events and every request, by time; at equal times control-plane events first (the request saw them). */
export function eventRows(objects: readonly KubeObject[], records: readonly RequestRecord[]): Row[] {
  const events = eventsOf(objects).sort((a, b) => a.time - b.time).slice(-60)
  const all: Row[] = [...events.map((event): Row => ({ kind: 'event', time: event.time, event })), ...records.map((record): Row => ({ kind: 'record', time: record.time, record }))]
  return all.map((r, i) => ({ r, i })).sort((a, b) => a.r.time - b.r.time || (a.r.kind === b.r.kind ? a.i - b.i : a.r.kind === 'event' ? -1 : 1)).map((x) => x.r)
}
