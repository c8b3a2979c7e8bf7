// Runs a cluster's simulated clock along with wall time (for the browser, later): between two ticks nothing is
// computed; each tick jumps the clock to "now" through the event queue and sleeps until the next event's wall time.
// The host injects its own timer functions (setTimeout in a worker), so the engine stays free of DOM and Node.

/** What the driver needs from a cluster (Cluster implements it). */
export interface EventDrivenClock {
  clock: { now(): number }
  nextEventAt(): number | undefined
  advanceTo(t: number, options?: { keepSteady?: boolean }): unknown
}

export interface WallTimeHost {
  /** Wall-clock milliseconds (performance.now or Date.now). */
  now(): number
  /** Calls `run` after `ms` wall milliseconds; returns a cancel function. */
  schedule(run: () => void, ms: number): () => void
}

export interface WallTimeDriver {
  /** Something changed outside the clock (a command ran): re-read the next event and reschedule. */
  poke(): void
  stop(): void
}

/**
 * Starts running `cluster`'s clock at `speed` simulated seconds per wall second. Ticks happen only at the wall
 * time of the next event (never more often than every `minIntervalMs`), so an idle cluster costs nothing.
 */
export function runWithWallTime(cluster: EventDrivenClock, host: WallTimeHost, speed = 1, minIntervalMs = 50): WallTimeDriver {
  const wallStart = host.now()
  const simStart = cluster.clock.now()
  let cancel: (() => void) | undefined
  let stopped = false
  let first = true
  const simNow = () => simStart + ((host.now() - wallStart) / 1000) * speed
  const tick = () => {
    cancel = undefined
    if (stopped) return
    const target = simNow()
    // The first advance after a poke re-judges every timer (a command may have changed what controllers cannot see).
    if (target > cluster.clock.now()) cluster.advanceTo(target, { keepSteady: !first })
    first = false
    reschedule()
  }
  const reschedule = () => {
    cancel?.()
    cancel = undefined
    if (stopped) return
    const next = first ? cluster.clock.now() : cluster.nextEventAt()
    if (next === undefined) return
    const ms = Math.max(minIntervalMs, ((next - simNow()) / speed) * 1000)
    cancel = host.schedule(tick, ms)
  }
  reschedule()
  return {
    poke() { first = true; reschedule() },
    stop() { stopped = true; cancel?.() },
  }
}
