// How a kubectl command that runs until Ctrl+C (`get -w`, `logs -f`) ends in kubehop. A script has no Ctrl+C, and
// a command here runs to its end before the next line, so: the simulated clock moves on event by event while the
// command prints what happens, and the command ends as if interrupted once nothing was printed for QUIET_SECONDS
// (or after MAX_SECONDS in all); with `--request-timeout` it runs until that ends it, as the API server closing the
// stream does.
import type { Cluster } from '../../../engine/cluster/cluster.ts'

export const QUIET_SECONDS = 30
const MAX_SECONDS = 600
/** bash's status for a command ended by SIGINT. */
export const INTERRUPTED = 130

/** kubectl's --request-timeout: `0` (none), a bare number of seconds, or a Go duration (`10s`, `1m`, `1m30s`). */
export function requestTimeoutSeconds(text: string | undefined): number | undefined {
  if (!text || text === '0') return undefined
  if (/^\d+$/.test(text)) return Number(text)
  const units: Record<string, number> = { h: 3600, m: 60, s: 1, ms: 0.001 }
  let total = 0
  const re = /(\d+(?:\.\d+)?)(ms|h|m|s)/gy
  let matched = 0
  for (let m = re.exec(text); m; m = re.exec(text)) {
    total += Number(m[1]) * units[m[2]]
    matched = re.lastIndex
  }
  return matched === text.length && total > 0 ? total : undefined
}

/**
 * Runs the clock until `printed()` (a count of what the command wrote) stays unchanged for QUIET_SECONDS (only
 * without a timeout), or `timeout` seconds pass, or `done()` (what it followed ended on its own). Returns 'timeout' when the request timeout ended it, 'quiet' otherwise.
 */
export function followClock(cluster: Cluster, printed: () => number, timeout?: number, done: () => boolean = () => false): 'quiet' | 'timeout' {
  const start = cluster.clock.now()
  const limit = start + (timeout ?? MAX_SECONDS)
  let seen = printed()
  let lastOutput = start
  let steady = false
  for (;;) {
    const now = cluster.clock.now()
    // A script has no Ctrl+C: with a request timeout it runs until that ends it, as it would against a cluster.
    const end = timeout !== undefined ? limit : Math.min(lastOutput + QUIET_SECONDS, limit)
    if (now >= end || done()) break
    const next = cluster.nextEventAt()
    // Jump to the next thing the cluster will do, a second at least; never past the end.
    const to = next === undefined ? end : Math.min(end, Math.max(now + 1, Math.ceil(next)))
    cluster.advanceTo(to, { keepSteady: steady })
    steady = true
    if (printed() !== seen) {
      seen = printed()
      lastOutput = cluster.clock.now()
    }
  }
  return timeout !== undefined && cluster.clock.now() >= start + timeout ? 'timeout' : 'quiet'
}
