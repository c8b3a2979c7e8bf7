// The React Flow canvas: draws toFlow's output, reports selection, refits when ELK moves the boxes.
import { Background, Controls, ReactFlow, applyNodeChanges, useNodesInitialized, useReactFlow,
  type NodeChange } from '@xyflow/react'
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { HopCard } from '../animation/HopCard.tsx'
import { PacketLayer } from '../animation/PacketLayer.tsx'
import { edgeTypes } from '../animation/PacketEdge.tsx'
import { usePacketEdges } from '../animation/usePacketEdges.ts'
import { useCamera } from '../animation/useCamera.ts'
import type { Timeline } from '../animation/useTimeline.ts'
import { PlaybackBar } from '../requests/PlaybackBar.tsx'
import { getApp, useApp } from '../store.ts'
import { nodeTypes } from './nodes/nodeTypes.ts'
import { emptyFlowMemo, reuseEdges, reuseNodes } from './flowMemo.ts'
import { toFlow, type TopologyNode } from './toFlow.ts'
import type { LaidOut } from './useTopologyLayout.ts'

const FIT = { padding: 0.08, maxZoom: 1.1 }

/** Memoised: a snapshot re-renders the pane first; the canvas waits for the layout that snapshot gives. */
export const TopologyCanvas = memo(function TopologyCanvas({ laidOut, timeline }: { laidOut: LaidOut; timeline: Timeline }) {
  const theme = useApp((s) => s.theme)
  const selection = useApp((s) => s.selection)
  const [nodes, setNodes] = useState<TopologyNode[]>([])
  const [edges, setEdges] = useState<ReturnType<typeof toFlow>['edges']>([])
  const { fitView } = useReactFlow()
  const initialized = useNodesInitialized()
  const memo = useRef(emptyFlowMemo())
  const host = useRef<HTMLDivElement | null>(null)
  useCamera(timeline, host)

  // A layout effect, so the new boxes reach React Flow in the task that brought the snapshot (see useTopologyLayout).
  useLayoutEffect(() => {
    const flow = toFlow(laidOut.snapshot, laidOut.layout)
    // Unchanged boxes keep their objects: React Flow skips them (no re-render, no re-measure).
    const previous = memo.current.nodes
    memo.current.nodes = new Map(flow.nodes.map((n) => [n.id, n]))
    setNodes((shown) => reuseNodes(previous, flow.nodes, shown, selection))
    setEdges(reuseEdges(memo.current, flow.edges))
  }, [laidOut, selection])

  useEffect(() => {
    if (initialized) void fitView(FIT)
  }, [initialized, laidOut.generation, fitView])

  useEffect(() => {
    if (!initialized) return
    // Two frames: the laid-out topology has been painted, so Monaco may start loading now.
    requestAnimationFrame(() => requestAnimationFrame(() => {
      if (!getApp().topologyReady) performance.mark('kubehop:topology-drawn')
      getApp().markTopologyReady()
    }))
  }, [initialized])

  const nodeIds = useMemo(() => nodes.map((n) => n.id), [nodes])
  const packetEdges = usePacketEdges(timeline, nodeIds)
  const allEdges = useMemo(() => (packetEdges.length ? [...edges, ...packetEdges] : edges), [edges, packetEdges])

  const onNodesChange = useCallback((changes: NodeChange<TopologyNode>[]) => {
    setNodes((current) => applyNodeChanges(changes, current))
    for (const change of changes) {
      if (change.type === 'select' && change.selected) getApp().select(change.id)
    }
  }, [])

  return (
    <div className="topology-flow" ref={host}>
    <ReactFlow
      nodes={nodes}
      edges={allEdges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      onNodesChange={onNodesChange}
      onPaneClick={() => getApp().select(null)}
      colorMode={theme}
      nodesDraggable={false}
      nodesConnectable={false}
      edgesFocusable={false}
      minZoom={0.2}
      fitView
      fitViewOptions={FIT}
      aria-label="Cluster topology graph"
    >
      <Background gap={20} size={1} />
      <Controls showInteractive={false} position="bottom-right" />
      <PacketLayer timeline={timeline} layoutKey={nodes} />
      <PlaybackBar timeline={timeline} />
      <HopCard timeline={timeline} />
    </ReactFlow>
    </div>
  )
})
