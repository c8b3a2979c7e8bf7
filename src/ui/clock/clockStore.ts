// The playground's clock as the UI sees it: the simulated time the worker last reported, the rate it runs at
// (simulated seconds per wall second; 0 = paused), and the rate the user chose. A scenario holds the clock
// (its steps move time with `sleep` and `kubectl wait`, as the CLI does), and gives it back when closed.
import { createStore, useStore } from 'zustand'

export const RATES = [1, 10, 60] as const

interface ClockState {
  /** Simulated time, epoch seconds (null until the engine reported it). */
  time: number | null
  /** What the worker runs at now. */
  rate: number
  /** What the user picked (kept while paused, so play resumes at it). */
  chosen: number
  paused: boolean
  /** A scenario is open: the clock waits for its steps. */
  held: boolean
}

export const clockStore = createStore<ClockState>()(() => ({ time: null, rate: 0, chosen: 1, paused: false, held: false }))

export const useClock = <T,>(selector: (s: ClockState) => T): T => useStore(clockStore, selector)

/** The rate the worker should run at, from the user's choice, pause and a scenario's hold. */
export function effectiveRate(s: Pick<ClockState, 'chosen' | 'paused' | 'held'>): number {
  return s.paused || s.held ? 0 : s.chosen
}

/** `09:03:25` of the simulated day (UTC, as the API server's timestamps). */
export function formatClock(epochSeconds: number): string {
  return new Date(Math.floor(epochSeconds) * 1000).toISOString().slice(11, 19)
}
