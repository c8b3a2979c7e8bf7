// client-go's event recorder: Events named `<object>.<hex time>`, repeated events folded into one with a count.
import type { ObjectStore } from '../api/store.ts'
import type { KubeObject } from '../api/types.ts'
import { rfc3339, type SimClock } from '../sim/clock.ts'
import type { EventRecord } from '../controllers/controller.ts'
import { kindInfo } from '../api/kinds.ts'

/** events_cache.go: 10 similar events (same object and reason, other messages) within 10 minutes are combined. */
const MAX_SIMILAR = 10
const SIMILAR_WINDOW = 600

/** The Events of one similar key: most have one message, so a map is made only for a second one. */
interface Named { message?: string; name?: string; more?: Map<string, string>; combined?: string }

export class EventRecorder {
  private seq = 0
  /** Per similar key (object, type, reason, source), the Event named for each message, and the combined one. */
  private byIdentity = new Map<string, Named>()
  /** EventAggregator's cache: per (source, object, type, reason), the distinct messages seen and when last. */
  private similar = new Map<string, { messages: Set<string>; last: number }>()

  constructor(private readonly store: ObjectStore, private readonly clock: SimClock) {}

  /** Records one Event, or `repeat.times` occurrences of it folded into one write (the clock's fast-forward). */
  record(record: EventRecord, repeat?: { times: number; lastAt: number }): void {
    const times = repeat?.times ?? 1
    const inv = record.involved
    const namespace = inv.metadata.namespace ?? 'default'
    const similarKey = `${inv.kind}\u0000${namespace}\u0000${inv.metadata.name}\u0000${inv.metadata.uid}\u0000${inv.apiVersion}\u0000${record.type}\u0000${record.reason}\u0000${record.source}\u0000${record.host ?? ''}`
    const combined = this.aggregate(similarKey, record.message, repeat?.lastAt ?? this.clock.now())
    // EventAggregate: past the limit the event becomes one combined Event, keyed without its message (the logger
    // then bumps that one, its message the latest), as client-go's EventCorrelator does.
    if (combined) record = { ...record, message: `(combined from similar events): ${record.message}` }
    let names = this.byIdentity.get(similarKey)
    if (!names) this.byIdentity.set(similarKey, (names = {}))
    const now = this.clock.nowRfc3339()
    const last = repeat ? rfc3339(repeat.lastAt) : now
    const existingName = combined ? names.combined : names.message === record.message ? names.name : names.more?.get(record.message)
    const existing = existingName ? this.store.get('Event', namespace, existingName) : undefined
    if (existing) {
      this.store.update({ ...existing, count: ((existing.count as number) ?? 1) + times, lastTimestamp: last, ...(combined ? { message: record.message } : {}) })
      return
    }
    // The real name is `<name>.<hex UnixNano>`; a sequence keeps it unique within one simulated second.
    const name = `${inv.metadata.name}.${(BigInt(Math.floor(this.clock.now())) * 1_000_000_000n + BigInt(this.seq++)).toString(16)}`
    if (combined) names.combined = name
    else if (names.message === undefined) {
      names.message = record.message
      names.name = name
    }
    else (names.more ??= new Map()).set(record.message, name)
    const event: KubeObject = {
      apiVersion: 'v1', kind: 'Event',
      metadata: { name, namespace },
      involvedObject: {
        apiVersion: inv.apiVersion, kind: inv.kind, name: inv.metadata.name, uid: inv.metadata.uid,
        resourceVersion: inv.metadata.resourceVersion, ...(kindInfo(inv.kind)?.namespaced === false ? {} : { namespace }),
      },
      reason: record.reason, message: record.message, type: record.type, count: times,
      source: { component: record.source, ...(record.host ? { host: record.host } : {}) },
      firstTimestamp: now, lastTimestamp: last, eventTime: null,
      reportingComponent: record.source, reportingInstance: record.host ?? '',
    }
    this.store.create(event)
  }

  /** EventAggregator.EventAggregate: true when this message makes the 10th distinct one of its kind in the window. */
  private aggregate(key: string, message: string, at: number): boolean {
    let entry = this.similar.get(key)
    if (!entry || at - entry.last > SIMILAR_WINDOW) this.similar.set(key, (entry = { messages: new Set(), last: at }))
    entry.messages.add(message)
    entry.last = at
    if (entry.messages.size < MAX_SIMILAR) return false
    // The set never grows past the limit (upstream pops an arbitrary member; the oldest here, deterministically).
    entry.messages.delete(entry.messages.values().next().value!)
    return true
  }
}
