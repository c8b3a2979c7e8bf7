// The requests of this session that went through an Ingress controller or a Gateway (kept from the start, so the
// Ingress → Gateway view can pair requests sent before it was opened).
import { useEffect } from 'react'
import { createStore, useStore } from 'zustand'
import type { EngineClient } from '../engineClient.ts'
import type { EntranceRecord } from './pairing.ts'
import { entranceOf, requestKey } from './pairing.ts'

const MAX_RECORDS = 200

const entranceStore = createStore<{ records: EntranceRecord[] }>(() => ({ records: [] }))

export function useEntranceRecords(): EntranceRecord[] {
  return useStore(entranceStore, (s) => s.records)
}

/** Listens to the engine's traces for as long as the caller is mounted. */
export function useEntranceTraces(engine: EngineClient): void {
  useEffect(() => engine.onTraces((traces, line) => {
    const found: EntranceRecord[] = []
    for (const trace of traces) {
      const entrance = entranceOf(trace)
      if (entrance) found.push({ key: requestKey(line, trace), entrance, line, trace })
    }
    if (found.length) entranceStore.setState((s) => ({ records: [...s.records, ...found].slice(-MAX_RECORDS) }))
  }), [engine])
}
