// The simulated clock. Nothing in the engine reads the wall clock: time only moves when told to (`sleep N`).

/** Kubernetes timestamps are RFC 3339 with second precision (metav1.Time). */
export function rfc3339(epochSeconds: number): string {
  return new Date(Math.floor(epochSeconds) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

export class SimClock {
  /** Seconds since the Unix epoch; fractional seconds are allowed for probe timing. */
  private current: number

  // A fixed start date keeps transcripts identical from run to run.
  constructor(start = Date.UTC(2026, 0, 1, 9, 0, 0) / 1000) {
    this.current = start
  }

  now(): number {
    return this.current
  }

  nowRfc3339(): string {
    return rfc3339(this.current)
  }

  /** Moves time forward; the caller (the controller manager) fires the timers that fall due. */
  advanceTo(t: number): void {
    if (t < this.current) throw new Error(`clock cannot go back (${t} < ${this.current})`)
    this.current = t
  }
}

/** How many firings at `first`, `first + period`, ... fall before `until` (or at it, when `inclusive`). */
export function firingsBefore(first: number, period: number, until: number, inclusive: boolean): number {
  if (first > until || (!inclusive && first >= until)) return 0
  let n = Math.floor((until - first) / period) + 1
  // Float division can land one off at the boundary: settle it by the times themselves.
  while (n > 0 && (first + (n - 1) * period > until || (!inclusive && first + (n - 1) * period >= until))) n--
  while (first + n * period < until || (inclusive && first + n * period === until)) n++
  return n
}
