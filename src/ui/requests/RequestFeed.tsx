// Listens to the engine: every statement that produced TRACEs (a sent request or a curl typed in the
// console) becomes a record and is played; a batch gets its expected share from the worker.
import { useEffect } from 'react'
import { useEngine } from '../engineContext.ts'
import { getApp } from '../store.ts'
import { addRecord, requestStore } from './requestStore.ts'

export function RequestFeed() {
  const engine = useEngine()
  useEffect(() => engine.onTraces((traces, line, time, stdout) => {
    const record = addRecord(traces, line, time, stdout)
    const batch = requestStore.getState().batch
    if (batch?.recordId !== record.id || !batch.target.share) return
    const cloud = getApp().snapshot?.profile?.type === 'gke'
    const from = batch.source === 'host' ? (cloud ? 'internet' : 'host') : batch.source
    void engine.expectedShare({ from, ...batch.target.share }).then((expected) => {
      const now = requestStore.getState().batch
      if (now?.recordId === record.id) requestStore.setState({ batch: { ...now, expected } })
    })
  }), [engine])
  return null
}
