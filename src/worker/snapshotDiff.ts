// Snapshots as diffs: the worker sends the whole cluster once (and after a reset or a new cluster), then only the
// objects written since the last message (the store's change feed says which); the UI applies each diff into a new,
// immutable snapshot that keeps every unchanged object's reference (so memoised views of unchanged pods stay as they are).
// Past EVENT_CAP Events, only the newest the event list can show are sent (eventWindow.ts): everything else as stored.
import { keyOf } from '../engine/api/types.ts'
import { newestEvents } from './eventWindow.ts'
import type { Change } from '../engine/api/store.ts'
import type { KubeObject } from '../engine/api/types.ts'
import type { ClusterSnapshot } from '../engine/snapshot.ts'
import type { SnapshotDiff } from './protocol.ts'

export type SnapshotMessage = { type: 'snapshot'; snapshot: ClusterSnapshot | null } | { type: 'snapshotDiff'; diff: SnapshotDiff }

/** The part of a Cluster the differ reads. */
export interface DiffSource {
  store: { subscribe(listener: (change: Change) => void): () => void; getByKey(key: string): KubeObject | undefined; list(kind: string): KubeObject[] }
  snapshot(): ClusterSnapshot
  snapshotHeader(): Omit<ClusterSnapshot, 'objects'>
}

/** Events sent in full up to this many; past it, the newest this many the event list can show (it shows 60). */
const EVENT_CAP = 1000
/** The window is worked out again after this many Event writes (sorting 25,000 Events costs ~30 ms); in between,
 * written Events are sent as they are (they are the newest), so the UI holds at least the window: its newest 60 are right. */
const WINDOW_EVERY = 250

const isEvent = (key: string) => key.startsWith('Event/')

/** A diff upserting more objects than this goes out in parts of this many: the receiving thread clones each
 * message in one task (2,000 pods took ~130 ms of the UI thread's time in a single message). */
const PART_OBJECTS = 400

/** The messages that carry `message`: itself, or for a big diff its parts (every one but the last `more`; the
 * header on each, the removed keys on the last). */
export function inParts(message: SnapshotMessage, size = PART_OBJECTS): SnapshotMessage[] {
  if (message.type !== 'snapshotDiff' || message.diff.upserted.length <= size) return [message]
  const { upserted, removed, ...header } = message.diff
  const parts: SnapshotMessage[] = []
  for (let i = 0; i < upserted.length; i += size) {
    const last = i + size >= upserted.length
    parts.push({ type: 'snapshotDiff', diff: { ...header, upserted: upserted.slice(i, i + size), removed: last ? removed : [], ...(last ? {} : { more: true as const }) } })
  }
  return parts
}

/** Worker side: follows the current cluster's store and remembers which keys the UI holds. */
export class SnapshotDiffer {
  private cluster: DiffSource | null | undefined = undefined
  private unsubscribe: (() => void) | null = null
  /** Keys written since the last message (added, modified or deleted). */
  private changed = new Set<string>()
  /** Keys of the objects the UI has. */
  private sent = new Set<string>()
  /** The Events of the window when it was last worked out; null: all of them are sent. */
  private shown: Set<string> | null = null
  /** Event writes since the window was last worked out. */
  private eventWrites = 0

  constructor(private readonly eventCap = EVENT_CAP, private readonly windowEvery = WINDOW_EVERY) {}

  /** The message that brings the UI to `cluster`'s present state: a full snapshot for a new cluster (or none), else a diff. */
  next(cluster: DiffSource | null): SnapshotMessage {
    if (!cluster || cluster !== this.cluster) {
      this.follow(cluster)
      let snapshot = cluster?.snapshot() ?? null
      const shown = cluster ? newestEvents(cluster.store.list('Event'), this.eventCap) : null
      this.shown = shown
      if (snapshot && shown) snapshot = { ...snapshot, objects: snapshot.objects.filter((o) => o.kind !== 'Event' || shown.has(keyOf(o))) }
      this.sent = new Set(snapshot?.objects.map(keyOf))
      return { type: 'snapshot', snapshot }
    }
    const upserted: SnapshotDiff['upserted'] = []
    const removed: string[] = []
    const keys = new Set(this.changed)
    for (const key of this.changed) if (isEvent(key)) this.eventWrites++
    const moved = this.eventWrites > this.windowEvery
    if (moved) {
      // The window moves: Events entering it are sent, those leaving it are removed.
      this.eventWrites = 0
      const events = cluster.store.list('Event')
      const before = this.shown
      const shown = newestEvents(events, this.eventCap)
      this.shown = shown
      if (shown) {
        for (const key of shown) if (!this.sent.has(key)) keys.add(key)
        for (const key of this.sent) if (isEvent(key) && !shown.has(key)) keys.add(key)
      } else if (before) for (const e of events) keys.add(keyOf(e))
    }
    const shown = this.shown
    for (const key of [...keys].sort()) {
      const object = cluster.store.getByKey(key)
      if (object && (!shown || !moved || !isEvent(key) || shown.has(key))) {
        if (this.sent.has(key) && !this.changed.has(key)) continue // held by the UI as it is
        upserted.push({ key, object })
        this.sent.add(key)
      } else if (this.sent.delete(key)) removed.push(key)
    }
    this.changed.clear()
    return { type: 'snapshotDiff', diff: { ...cluster.snapshotHeader(), upserted, removed } }
  }

  /** Forget what was sent: the next message is a full snapshot. */
  reset(): void {
    this.follow(undefined)
  }

  private follow(cluster: DiffSource | null | undefined): void {
    this.unsubscribe?.()
    this.unsubscribe = null
    this.changed.clear()
    this.sent.clear()
    this.shown = null
    this.eventWrites = 0
    this.cluster = cluster
    if (cluster) this.unsubscribe = cluster.store.subscribe((change) => { this.changed.add(change.key) })
  }
}

const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0) // the engine store's order

/** UI side: the snapshot a diff turns `base` into (a new object; `base` is left as it was). */
export class SnapshotAssembler {
  private keys: string[] = []
  private index = new Map<string, number>()
  private current: ClusterSnapshot | null = null
  /** Parts of a diff whose last part has not arrived yet. */
  private held: SnapshotDiff['upserted'][] = []

  /** A full snapshot arrived: remember its keys. */
  full(snapshot: ClusterSnapshot | null): ClusterSnapshot | null {
    this.held = []
    this.current = snapshot
    this.keys = snapshot ? snapshot.objects.map(keyOf) : []
    this.index = new Map(this.keys.map((k, i) => [k, i]))
    return snapshot
  }

  /** Applies a diff onto the last snapshot; null when there is none to apply it to (the caller asks again), or
   * while the diff's later parts are still to come. */
  apply(part: SnapshotDiff): ClusterSnapshot | null {
    if (part.more) { this.held.push(part.upserted); return null }
    const diff = this.held.length ? { ...part, upserted: [...this.held, part.upserted].flat() } : part
    this.held = []
    const base = this.current
    if (!base) return null
    const header = { version: diff.version, time: diff.time, seed: diff.seed, profile: diff.profile }
    const onlyUpdates = !diff.removed.length && diff.upserted.every((u) => this.index.has(u.key))
    let objects: KubeObject[]
    if (onlyUpdates) {
      objects = base.objects.slice()
      for (const u of diff.upserted) objects[this.index.get(u.key)!] = u.object
    } else {
      // The kept keys are in order already: the new ones (sorted among themselves) are merged in, not all sorted
      // again (6,000 keys sorted per burst of new pods showed in the task that drew them).
      const upserts = new Map<string, KubeObject>()
      for (const u of diff.upserted) upserts.set(u.key, u.object)
      const removed = new Set(diff.removed)
      const added = [...upserts.keys()].filter((k) => !this.index.has(k)).sort(byKey)
      const keys: string[] = []
      objects = []
      let j = 0
      const take = (k: string, o: KubeObject) => { keys.push(k); objects.push(o) }
      for (let i = 0; i < this.keys.length; i++) {
        const k = this.keys[i]
        while (j < added.length && added[j] < k) { take(added[j], upserts.get(added[j])!); j++ }
        const upserted = upserts.get(k)
        if (upserted) take(k, upserted)
        else if (!removed.has(k)) take(k, base.objects[i])
      }
      for (; j < added.length; j++) take(added[j], upserts.get(added[j])!)
      this.keys = keys
      this.index = new Map(keys.map((k, i) => [k, i]))
    }
    this.current = { ...header, objects }
    return this.current
  }
}
