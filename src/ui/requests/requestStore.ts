// The requests the learner sent (from the form or typed in the console), what is being played, and the
// batch and comparison results. The playhead clock itself lives in playhead.ts (it ticks every frame; React
// only hears about hop changes).
import { createStore, useStore } from 'zustand'
import type { Trace } from '../../engine/trace/types.ts'
import type { CompareSide, CompareVariant, ExpectedShare } from '../../worker/protocol.ts'
import type { RequestTarget } from './targets.ts'

export interface RequestRecord {
  id: number
  /** The console line that produced these TRACEs. */
  line: string
  /** Simulated time (seconds) when it finished, to interleave with control-plane events. */
  time: number
  traces: Trace[]
  /** What the command printed (the pod's answer). */
  output: string
}

interface BatchInfo {
  recordId: number
  line: string
  source: string
  target: RequestTarget
  count: number
  expected: ExpectedShare | null
}

interface Pending { line: string; source: string; target: RequestTarget; count: number }

interface CompareState {
  status: 'running' | 'done' | 'error'
  line: string
  variant: CompareVariant
  sides: CompareSide[]
  error?: string
}

export type PanelTab = 'events' | 'batch' | 'compare' | 'gateway' | 'proxy'

export interface RequestState {
  records: RequestRecord[]
  /** The record on the canvas (null: nothing to play). */
  playing: number | null
  /** Packet index the hop card follows. */
  focus: number
  /** Hop index of the focused packet at the playhead (-1 before it starts). */
  focusHop: number
  paused: boolean
  speed: number
  batch: BatchInfo | null
  compare: CompareState | null
  /** A request sent from the form, waiting for its console line's TRACEs. */
  pending: Pending | null
  tab: PanelTab
  formOpen: boolean
  /** Traces played instead of a record's (a side of the comparison). */
  override: { label: string; traces: Trace[] } | null
  /** The comparison's two paths cover the canvas (stacked, stepped in lockstep). */
  compareStage: boolean
  /** The last request sent from the form, as one request (what the side-by-side comparison runs). */
  lastSent: { line: string; source: string; target: RequestTarget } | null
}

let nextId = 1

export const requestStore = createStore<RequestState>()(() => ({
  records: [], playing: null, focus: 0, focusHop: -1, paused: false, speed: 1, batch: null, compare: null, pending: null,
  tab: 'events', formOpen: false, override: null, lastSent: null, compareStage: false,
}))

export const useRequests = <T,>(selector: (s: RequestState) => T): T => useStore(requestStore, selector)

/** A console line finished with TRACEs: keep it, play it, and tie it to the form's pending request. */
export function addRecord(traces: Trace[], line: string, time: number, output: string): RequestRecord {
  const record: RequestRecord = { id: nextId++, line, time, traces, output }
  const s = requestStore.getState()
  const pending = s.pending && s.pending.line === line ? s.pending : null
  requestStore.setState({
    records: [...s.records.slice(-199), record], playing: record.id, focus: 0, focusHop: -1, paused: false, override: null,
    pending: pending ? null : s.pending,
    batch: pending && pending.count > 1 ? { recordId: record.id, line, source: pending.source, target: pending.target, count: pending.count, expected: null } : s.batch,
    tab: pending && pending.count > 1 ? 'batch' : s.tab,
  })
  return record
}

export function recordById(id: number | null): RequestRecord | undefined {
  return id === null ? undefined : requestStore.getState().records.find((r) => r.id === id)
}

/** The panel shows once a request was sent, or when a view that needs none (proxy modes) was opened. */
export const panelHasContent = (s: RequestState): boolean => s.records.length > 0 || s.lastSent !== null || s.tab === 'proxy'

export function resetRequests(): void {
  requestStore.setState({ records: [], playing: null, focus: 0, focusHop: -1, batch: null, compare: null, pending: null, override: null, lastSent: null, formOpen: false, compareStage: false })
}
