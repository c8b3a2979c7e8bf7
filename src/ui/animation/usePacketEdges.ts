// The track edges for the timeline on the canvas: one custom `packet` edge per pair of boxes a packet travels between.
import type { Edge } from '@xyflow/react'
import { useMemo } from 'react'
import type { PacketEdgeData } from './PacketEdge.tsx'
import type { Timeline } from './useTimeline.ts'
import { drawnId } from './tracks.ts'

function packetEdges(timeline: Timeline, present: (id: string) => boolean): Edge<PacketEdgeData>[] {
  // A pod without a card of its own is reached at its workload's box (the track keeps the pod's key).
  return timeline.tracks.flatMap((t) => {
    const source = drawnId(t.source)
    const target = drawnId(t.target)
    if (!present(source) || !present(target) || source === target) return []
    return [{ id: `pkt:${t.key}`, source, target, type: 'packet', data: { track: t.key, from: t.source, active: true },
      selectable: false, focusable: false, zIndex: 5 }]
  })
}

export function usePacketEdges(timeline: Timeline, nodeIds: readonly string[]): Edge<PacketEdgeData>[] {
  return useMemo(() => {
    const ids = new Set(nodeIds)
    return packetEdges(timeline, (id) => ids.has(id))
  }, [timeline, nodeIds])
}
