// xt_recent, the match behind sessionAffinity: ClientIP. Lists are per network namespace (so per node),
// named after the KUBE-SEP chain, keyed by the client's source address (`--rsource`).
import type { RecentTable } from './types'

export function newRecentTable(): RecentTable {
  return { lists: new Map() }
}

/** `--set`: remember that `ip` was seen now (always matches). */
export function recentSet(table: RecentTable, name: string, ip: string, now: number): void {
  if (!table.lists.has(name)) table.lists.set(name, new Map())
  table.lists.get(name)!.set(ip, now)
}

/**
 * `--rcheck --seconds S --reap`: matches when `ip` was set less than S seconds ago; --reap forgets older
 * entries. (xt_recent compares with `time_after(stamp, now - S)`.)
 */
export function recentCheck(table: RecentTable, name: string, ip: string, now: number, seconds?: number, reap?: boolean): boolean {
  const list = table.lists.get(name)
  const last = list?.get(ip)
  if (last === undefined) return false
  const fresh = seconds === undefined || last > now - seconds
  if (!fresh && reap) list!.delete(ip)
  return fresh
}
