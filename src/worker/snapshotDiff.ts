// Snapshots as diffs: the worker sends the whole cluster once (and after a reset or a new cluster), then only the
// objects written since the last message (the store's change feed says which); the UI applies each diff into a new,
// immutable snapshot that keeps every unchanged object's reference (so memoised views of unchanged pods stay as they are).
import { keyOf } from '../engine/api/types.ts'
import type { Change } from '../engine/api/store.ts'
import type { KubeObject } from '../engine/api/types.ts'
import type { ClusterSnapshot } from '../engine/snapshot.ts'
import type { SnapshotDiff } from './protocol.ts'

export type SnapshotMessage = { type: 'snapshot'; snapshot: ClusterSnapshot | null } | { type: 'snapshotDiff'; diff: SnapshotDiff }

/** The part of a Cluster the differ reads. */
export interface DiffSource {
  store: { subscribe(listener: (change: Change) => void): () => void; getByKey(key: string): KubeObject | undefined }
  snapshot(): ClusterSnapshot
  snapshotHeader(): Omit<ClusterSnapshot, 'objects'>
}

/** Worker side: follows the current cluster's store and remembers which keys the UI holds. */
export class SnapshotDiffer {
  private cluster: DiffSource | null | undefined = undefined
  private unsubscribe: (() => void) | null = null
  /** Keys written since the last message (added, modified or deleted). */
  private changed = new Set<string>()
  /** Keys of the objects the UI has. */
  private sent = new Set<string>()

  /** The message that brings the UI to `cluster`'s present state: a full snapshot for a new cluster (or none), else a diff. */
  next(cluster: DiffSource | null): SnapshotMessage {
    if (!cluster || cluster !== this.cluster) {
      this.follow(cluster)
      const snapshot = cluster?.snapshot() ?? null
      this.sent = new Set(snapshot?.objects.map(keyOf))
      return { type: 'snapshot', snapshot }
    }
    const upserted: SnapshotDiff['upserted'] = []
    const removed: string[] = []
    for (const key of [...this.changed].sort()) {
      const object = cluster.store.getByKey(key)
      if (object) {
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

  /** A full snapshot arrived: remember its keys. */
  full(snapshot: ClusterSnapshot | null): ClusterSnapshot | null {
    this.current = snapshot
    this.keys = snapshot ? snapshot.objects.map(keyOf) : []
    this.index = new Map(this.keys.map((k, i) => [k, i]))
    return snapshot
  }

  /** Applies a diff onto the last snapshot; null when there is none to apply it to (the caller asks again). */
  apply(diff: SnapshotDiff): ClusterSnapshot | null {
    const base = this.current
    if (!base) return null
    const header = { version: diff.version, time: diff.time, seed: diff.seed, profile: diff.profile }
    const onlyUpdates = !diff.removed.length && diff.upserted.every((u) => this.index.has(u.key))
    let objects: KubeObject[]
    if (onlyUpdates) {
      objects = base.objects.slice()
      for (const u of diff.upserted) objects[this.index.get(u.key)!] = u.object
    } else {
      const byKeyMap = new Map<string, KubeObject>()
      this.keys.forEach((k, i) => byKeyMap.set(k, base.objects[i]))
      for (const k of diff.removed) byKeyMap.delete(k)
      for (const u of diff.upserted) byKeyMap.set(u.key, u.object)
      this.keys = [...byKeyMap.keys()].sort(byKey)
      this.index = new Map(this.keys.map((k, i) => [k, i]))
      objects = this.keys.map((k) => byKeyMap.get(k)!)
    }
    this.current = { ...header, objects }
    return this.current
  }
}
