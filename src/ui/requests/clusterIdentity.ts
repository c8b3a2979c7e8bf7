// Whether two snapshots come from the same cluster (the request panel's records only hold for one).
import type { ClusterSnapshot } from '../../engine/snapshot.ts'

/** True when `next` comes from another cluster than `prev` (a store's version and time only ever grow). */
export function isNewCluster(prev: ClusterSnapshot | null, next: ClusterSnapshot | null): boolean {
  if (!prev || !next) return prev !== next
  if (prev.seed !== next.seed || prev.profile?.name !== next.profile?.name || prev.profile?.type !== next.profile?.type) return true
  return next.version < prev.version || next.time < prev.time
}
