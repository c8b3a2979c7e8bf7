// Snapshots as diffs: the worker sends the whole cluster once (and after a reset or a new cluster), then only the
// objects whose uid or resourceVersion changed; the UI applies each diff into a new, immutable snapshot that
// keeps every unchanged object's reference (so memoised views of unchanged pods stay as they are).
import { keyOf } from '../engine/api/types.ts'
import type { KubeObject } from '../engine/api/types.ts'
import type { ClusterSnapshot } from '../engine/snapshot.ts'
import type { SnapshotDiff } from './protocol.ts'

const tagOf = (o: KubeObject) => `${o.metadata.uid ?? ''}/${o.metadata.resourceVersion ?? ''}`

export type SnapshotMessage = { type: 'snapshot'; snapshot: ClusterSnapshot | null } | { type: 'snapshotDiff'; diff: SnapshotDiff }

/** Worker side: remembers what was sent (key → uid/resourceVersion) for one cluster. */
export class SnapshotDiffer {
  private sent = new Map<string, string>()
  private cluster: unknown = undefined

  /** The message for `snapshot` of `cluster`: a full snapshot for a new cluster (or none), else a diff. */
  next(cluster: unknown, snapshot: ClusterSnapshot | null): SnapshotMessage {
    const sameCluster = snapshot !== null && cluster === this.cluster
    this.cluster = cluster
    const previous = this.sent
    const sent = new Map<string, string>()
    const upserted: SnapshotDiff['upserted'] = []
    for (const object of snapshot?.objects ?? []) {
      const key = keyOf(object)
      const tag = tagOf(object)
      sent.set(key, tag)
      if (previous.get(key) !== tag) upserted.push({ key, object })
    }
    this.sent = sent
    if (!sameCluster || !snapshot) return { type: 'snapshot', snapshot }
    const removed: string[] = []
    for (const key of previous.keys()) if (!sent.has(key)) removed.push(key)
    const { version, time, seed, profile } = snapshot
    return { type: 'snapshotDiff', diff: { version, time, seed, profile, upserted, removed } }
  }

  /** Forget what was sent: the next message is a full snapshot. */
  reset(): void {
    this.sent = new Map()
    this.cluster = undefined
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
