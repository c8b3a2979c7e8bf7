// client-go's event recorder: Events named `<object>.<hex time>`, repeated events folded into one with a count.
import type { ObjectStore } from '../api/store.ts'
import type { KubeObject } from '../api/types.ts'
import { rfc3339, type SimClock } from '../sim/clock.ts'
import type { EventRecord } from '../controllers/controller.ts'
import { kindInfo } from '../api/kinds.ts'

/** events_cache.go: 10 similar events (same object and reason, other messages) within 10 minutes are combined. */
const MAX_SIMILAR = 10
const SIMILAR_WINDOW = 600

/**
 * One similar key (object, type, reason, source): the Event named for each message and the combined one, and
 * EventAggregator's cache (the distinct messages seen within the window, and when last). Most keys only ever see
 * one message, so a map and a set are made only for a second one.
 */
interface Similar {
  message?: string; name?: string; more?: Map<string, string>; combined?: string
  /** The window's only message so far (no set yet), or undefined once `seen` holds them. */
  only?: string
  seen?: Set<string>
  last: number
}

export class EventRecorder {
  private seq = 0
  private bySimilar = new Map<string, Similar>()
  /** The name prefix's number for the current second (`<seconds>` × 10^9 as two 32-bit halves); see nameSuffix. */
  private nameBase = { s: NaN, hi: 0, lo: 0 }

  constructor(private readonly store: ObjectStore, private readonly clock: SimClock) {}

  /** Records one Event, or `repeat.times` occurrences of it folded into one write (the clock's fast-forward). */
  record(record: EventRecord, repeat?: { times: number; lastAt: number }): void {
    const times = repeat?.times ?? 1
    const inv = record.involved
    const namespace = inv.metadata.namespace ?? 'default'
    const similarKey = `${inv.kind}\u0000${namespace}\u0000${inv.metadata.name}\u0000${inv.metadata.uid}\u0000${inv.apiVersion}\u0000${record.type}\u0000${record.reason}\u0000${record.source}\u0000${record.host ?? ''}`
    const at = repeat?.lastAt ?? this.clock.now()
    let names = this.bySimilar.get(similarKey)
    if (!names) this.bySimilar.set(similarKey, (names = { only: undefined, last: at }))
    const combined = aggregate(names, record.message, at)
    // EventAggregate: past the limit the event becomes one combined Event, keyed without its message (the logger
    // then bumps that one, its message the latest), as client-go's EventCorrelator does.
    if (combined) record = { ...record, message: `(combined from similar events): ${record.message}` }
    const now = this.clock.nowRfc3339()
    const last = repeat ? rfc3339(repeat.lastAt) : now
    const existingName = combined ? names.combined : names.message === record.message ? names.name : names.more?.get(record.message)
    const existing = existingName ? this.store.get('Event', namespace, existingName) : undefined
    if (existing) {
      this.store.update({ ...existing, count: ((existing.count as number) ?? 1) + times, lastTimestamp: last, ...(combined ? { message: record.message } : {}) })
      return
    }
    // The real name is `<name>.<hex UnixNano>`; a sequence keeps it unique within one simulated second.
    const name = `${inv.metadata.name}.${this.nameSuffix()}`
    if (combined) names.combined = name
    else if (names.message === undefined) {
      names.message = record.message
      names.name = name
    }
    else (names.more ??= new Map()).set(record.message, name)
    // Optional fields assigned last rather than spread from conditional literals (V8's slow generic clone).
    const involvedObject: Record<string, unknown> = {
      apiVersion: inv.apiVersion, kind: inv.kind, name: inv.metadata.name, uid: inv.metadata.uid, resourceVersion: inv.metadata.resourceVersion,
    }
    if (kindInfo(inv.kind)?.namespaced !== false) involvedObject.namespace = namespace
    const source: Record<string, unknown> = { component: record.source }
    if (record.host) source.host = record.host
    const event: KubeObject = {
      apiVersion: 'v1', kind: 'Event',
      metadata: { name, namespace },
      involvedObject,
      reason: record.reason, message: record.message, type: record.type, count: times,
      source,
      firstTimestamp: now, lastTimestamp: last, eventTime: null,
      reportingComponent: record.source, reportingInstance: record.host ?? '',
    }
    this.store.create(event)
  }

  /** Hex of seconds × 10^9 + seq, as BigInt arithmetic gives it, in two exact 32-bit halves (no BigInt per Event). */
  private nameSuffix(): string {
    const s = Math.floor(this.clock.now())
    if (s !== this.nameBase.s) {
      const base = BigInt(s) * 1_000_000_000n
      this.nameBase = { s, hi: Number(base >> 32n), lo: Number(base & 0xffffffffn) }
    }
    let lo = this.nameBase.lo + this.seq++
    const hi = this.nameBase.hi + Math.floor(lo / 0x100000000)
    lo %= 0x100000000
    return hi > 0 ? hi.toString(16) + lo.toString(16).padStart(8, '0') : lo.toString(16)
  }
}

/** EventAggregator.EventAggregate: true when this message makes the 10th distinct one of its kind in the window. */
function aggregate(entry: Similar, message: string, at: number): boolean {
  if (at - entry.last > SIMILAR_WINDOW) {
    entry.only = undefined
    entry.seen = undefined
  }
  entry.last = at
  if (!entry.seen) {
    if (entry.only === undefined || entry.only === message) {
      entry.only = message
      return MAX_SIMILAR <= 1
    }
    entry.seen = new Set([entry.only, message])
    entry.only = undefined
  } else entry.seen.add(message)
  if (entry.seen.size < MAX_SIMILAR) return false
  // The set never grows past the limit (upstream pops an arbitrary member; the oldest here, deterministically).
  entry.seen.delete(entry.seen.values().next().value!)
  return true
}
