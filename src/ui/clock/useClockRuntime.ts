// Wires the clock store to the engine: the worker's reports come in, the effective rate goes out (the user's
// choice, a pause, or a scenario's hold), once per change.
import { useEffect, useState } from 'react'
import type { EngineClient } from '../engineClient.ts'
import { scenarioStore } from '../scenarios/scenarioStore.ts'
import { useApp } from '../store.ts'
import { clockStore, effectiveRate } from './clockStore.ts'

let engineRef: EngineClient | null = null

/** Jumps the simulated clock ahead now (probes, rollouts and load balancers that fall due happen at once). */
export function skipAhead(seconds: number): void {
  engineRef?.setClock(effectiveRate(clockStore.getState()), seconds)
}

export function useClockRuntime(engine: EngineClient): void {
  // The clock starts once the first apply is done: a tick before it would move the cluster the document is applied
  // to away from the precomputed first picture (and from what `bin/kubehop run` builds).
  const applied = useApp((s) => s.lastApply !== null)
  const [started, setStarted] = useState(false)
  useEffect(() => { if (applied) setStarted(true) }, [applied])
  useEffect(() => {
    if (!started) return
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
  }, [engine, started])
}
