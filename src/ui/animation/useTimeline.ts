// The timeline on the canvas: the playing record's (or a comparison side's) TRACEs laid on the clock, with
// hops mapped onto the current topology. Memoised on its inputs so every component shares one.
import { useEffect } from 'react'
import type { Trace } from '../../engine/trace/types.ts'
import type { ClusterSnapshot } from '../../engine/snapshot.ts'
import { requestStore, useRequests } from '../requests/requestStore.ts'
import { useApp } from '../store.ts'
import { hopTargets, type HopTargets } from './hopTarget.ts'
import { playhead, seek } from './playhead.ts'
import { buildTimeline, tracksOf, type Packet } from './schedule.ts'

export interface Timeline {
  /** Changes when a different command is played (the playhead restarts). */
  key: string
  label: string
  packets: Packet[]
  tracks: ReturnType<typeof tracksOf>
  end: number
}

const emptyTimeline: Timeline = { key: '', label: '', packets: [], tracks: [], end: 0 }

let lastSnapshot: ClusterSnapshot | null | undefined
let lastWhere: HopTargets = hopTargets(null)
let last: { traces: Trace[]; where: HopTargets; key: string; timeline: Timeline } | null = null

const sameBoxes = (a: Packet[], b: Packet[]) => a.length === b.length &&
  a.every((p, i) => p.hops.length === b[i].hops.length && p.hops.every((h, j) => h.node === b[i].hops[j].node))

function timelineOf(traces: Trace[] | null, key: string, label: string, snapshot: ClusterSnapshot | null): Timeline {
  if (!traces) return emptyTimeline
  if (snapshot !== lastSnapshot) { lastSnapshot = snapshot; lastWhere = hopTargets(snapshot) }
  if (last && last.traces === traces && last.where === lastWhere && last.key === key) return last.timeline
  const packets = buildTimeline(traces, lastWhere)
  // A new snapshot that puts every hop in the same box (the usual case: a Lease renewed) keeps the timeline, so
  // the packet layer and the camera carry on instead of starting over once a second.
  if (last && last.traces === traces && last.key === key && sameBoxes(packets, last.timeline.packets)) {
    last.where = lastWhere
    return last.timeline
  }
  const timeline = { key, label, packets, tracks: tracksOf(packets), end: packets.reduce((m, p) => Math.max(m, p.end), 0) }
  last = { traces, where: lastWhere, key, timeline }
  return timeline
}

export function useTimeline(): Timeline {
  const snapshot = useApp((s) => s.snapshot)
  const playing = useRequests((s) => s.playing)
  const override = useRequests((s) => s.override)
  const record = useRequests((s) => (s.playing === null ? undefined : s.records.find((r) => r.id === s.playing)))
  if (override) return timelineOf(override.traces, `override:${override.label}`, override.label, snapshot)
  return timelineOf(record?.traces ?? null, `record:${playing}`, record?.line ?? '', snapshot)
}

/** Mounted once: a new timeline restarts the playhead and plays it. */
export function usePlayheadReset(timeline: Timeline): void {
  useEffect(() => { playhead.end = timeline.end }, [timeline.end])
  useEffect(() => {
    playhead.end = timeline.end
    if (!timeline.key) return
    requestStore.setState({ focus: 0, focusHop: -1 })
    seek(0, true)
  }, [timeline.key])
}

