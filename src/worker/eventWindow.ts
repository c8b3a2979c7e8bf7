// Which Events the UI can show: the event list (src/ui/requests/eventRows.ts) shows the newest 60 outside the
// cluster's own start-up namespaces, ordered by when each last happened. The worker sends big clusters' Events
// through this window only (see SnapshotDiffer): at 5,000 pods the store holds ~25,000 Events, 80% of a diff's objects.
import type { KubeObject, Stored } from '../engine/api/types.ts'
import { keyOf } from '../engine/api/types.ts'
import type { Event } from 'kubernetes-types/core/v1'

/** Namespaces whose Events the event list leaves out (the cluster's own start-up is noise there). */
const SYSTEM_NAMESPACES: ReadonlySet<string> = new Set(['kube-system', 'local-path-storage'])

const seconds = (stamp: unknown) => (typeof stamp === 'string' && stamp ? Date.parse(stamp) / 1000 : NaN)

/** When an Event last happened, in seconds (0 when it says nothing): an aggregated event sits at its last occurrence,
 * as `kubectl get events` sorts it (LAST SEEN). */
export function lastSeen(o: KubeObject): number {
  const e = o as Stored<Event>
  const t = seconds(e.series?.lastObservedTime ?? e.lastTimestamp ?? e.eventTime ?? e.metadata.creationTimestamp)
  return Number.isNaN(t) ? 0 : t
}

/** Whether the event list can show this Event at all. */
export const listable = (o: KubeObject) =>
  !SYSTEM_NAMESPACES.has(o.metadata.namespace ?? '') && !SYSTEM_NAMESPACES.has((o as Stored<Event>).involvedObject?.namespace ?? '')

/** Keys of the newest `cap` listable Events (by last seen, then key, as the list orders them); null when there are at
 * most `cap` Events in all, and every one is sent. */
export function newestEvents(events: readonly KubeObject[], cap: number): Set<string> | null {
  if (events.length <= cap) return null
  const ranked = events.filter(listable).map((o) => ({ key: keyOf(o), at: lastSeen(o) }))
  ranked.sort((a, b) => a.at - b.at || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  return new Set(ranked.slice(-cap).map((r) => r.key))
}
