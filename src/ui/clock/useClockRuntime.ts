// Wires the clock store to the engine: the worker's reports come in, the effective rate goes out (the user's
// choice, a pause, or a scenario's hold), once per change.
import { useEffect } from 'react'
import type { EngineClient } from '../engineClient.ts'
import { scenarioStore } from '../scenarios/scenarioStore.ts'
import { clockStore, effectiveRate } from './clockStore.ts'

let engineRef: EngineClient | null = null

/** Jumps the simulated clock ahead now (probes, rollouts and load balancers that fall due happen at once). */
export function skipAhead(seconds: number): void {
  engineRef?.setClock(effectiveRate(clockStore.getState()), seconds)
}

export function useClockRuntime(engine: EngineClient): void {
  useEffect(() => {
    engineRef = engine
    const offClock = engine.onClock((time, rate) => clockStore.setState({ time, rate }))
    let sent = -1
    const sync = () => {
      const rate = effectiveRate(clockStore.getState())
      if (rate !== sent) { sent = rate; engine.setClock(rate) }
    }
    const offStore = clockStore.subscribe(sync)
    const hold = (open: boolean) => { if (clockStore.getState().held !== open) clockStore.setState({ held: open }) }
    hold(scenarioStore.getState().scenario !== null)
    const offScenario = scenarioStore.subscribe((s) => hold(s.scenario !== null))
    sync()
    return () => { offClock(); offStore(); offScenario(); engineRef = null }
  }, [engine])
}
