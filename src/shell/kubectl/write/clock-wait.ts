// How kubectl's waits (wait, run's attach) pass time on the simulated clock: they poll once a second, but jump over
// the seconds in which nothing can happen (the clock's event queue), so a long timeout costs only the events in it.
import type { Cluster } from '../../../engine/cluster/cluster.ts'

/**
 * Advances the clock until `done()` or until `waited` (seconds already spent, for a budget shared by several objects)
 * reaches `timeout`; returns the seconds spent in all. `settleFirst`: a wait that has not started yet first steps one
 * second, letting the controllers see what was just written before the queue is asked for the next event.
 */
export function advanceUntil(cluster: Cluster, done: () => boolean, timeout: number, waited = 0, settleFirst = false): number {
  while (!done() && waited < timeout) {
    const next = settleFirst && waited === 0 ? undefined : cluster.nextEventAt()
    const step = settleFirst && waited === 0 ? 1
      : next === undefined ? timeout - waited : Math.min(timeout - waited, Math.max(1, Math.ceil(next - cluster.clock.now())))
    cluster.advance(step, { keepSteady: waited > 0 })
    waited += step
  }
  return waited
}
