// A track between two boxes a packet travels: React Flow's custom edge, drawn from the boxes' anchors (not the
// handles), with its curve registered for the frame loop that moves the dots along it. The path is computed
// in render and registered in an effect of its own, so re-layout moves the track and the dots follow.
import { BaseEdge, useInternalNode, type EdgeProps } from '@xyflow/react'
import { useEffect, useMemo } from 'react'
import { anchor, curveBetween, pathOf, type Box } from './geometry.ts'
import { trackCurves } from './tracks.ts'

export type PacketEdgeData = { track: string; active: boolean; /** The track's own source (a pod drawn in its box has the box as `source`). */ from?: string }

function boxOf(node: ReturnType<typeof useInternalNode>): Box | null {
  if (!node) return null
  return { x: node.internals.positionAbsolute.x, y: node.internals.positionAbsolute.y, width: node.measured.width ?? node.width ?? 0,
    height: node.measured.height ?? node.height ?? 0, type: node.type ?? '' }
}

function PacketEdge({ id, source, target, data }: EdgeProps) {
  const s = boxOf(useInternalNode(source))
  const t = boxOf(useInternalNode(target))
  const track = (data as PacketEdgeData | undefined)?.track ?? id
  const from = (data as PacketEdgeData | undefined)?.from ?? source
  const curve = useMemo(() => (s && t ? curveBetween(anchor(s), anchor(t)) : null),
    [s?.x, s?.y, s?.width, s?.height, t?.x, t?.y, t?.width, t?.height])

  useEffect(() => {
    if (!curve) return
    trackCurves.set(track, { source: from, curve })
    return () => { if (trackCurves.get(track)?.curve === curve) trackCurves.delete(track) }
  }, [track, from, curve])

  if (!curve) return null
  return <BaseEdge id={id} path={pathOf(curve)} className="packet-track" interactionWidth={0} />
}

export const edgeTypes = { packet: PacketEdge }
