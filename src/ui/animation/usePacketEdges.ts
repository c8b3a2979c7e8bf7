// The track edges for the timeline on the canvas: one custom `packet` edge per pair of boxes a packet travels between.
import type { Edge } from '@xyflow/react'
import { useMemo } from 'react'
import type { PacketEdgeData } from './PacketEdge.tsx'
import type { Timeline } from './useTimeline.ts'

function packetEdges(timeline: Timeline, present: (id: string) => boolean): Edge<PacketEdgeData>[] {
  return timeline.tracks.filter((t) => present(t.source) && present(t.target)).map((t) => ({
    id: `pkt:${t.key}`, source: t.source, target: t.target, type: 'packet', data: { track: t.key, active: true },
    selectable: false, focusable: false, zIndex: 5,
  }))
}

export function usePacketEdges(timeline: Timeline, nodeIds: readonly string[]): Edge<PacketEdgeData>[] {
  return useMemo(() => {
    const ids = new Set(nodeIds)
    return packetEdges(timeline, (id) => ids.has(id))
  }, [timeline, nodeIds])
}
