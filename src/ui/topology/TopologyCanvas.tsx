// The React Flow canvas: draws toFlow's output, reports selection, refits when ELK moves the boxes.
import { Background, Controls, ReactFlow, applyNodeChanges, useNodesInitialized, useReactFlow,
  type NodeChange } from '@xyflow/react'
import { useCallback, useEffect, useState } from 'react'
import { getApp, useApp } from '../store.ts'
import { nodeTypes } from './nodes/nodeTypes.ts'
import { toFlow, type TopologyNode } from './toFlow.ts'
import type { LaidOut } from './useTopologyLayout.ts'

const FIT = { padding: 0.08, maxZoom: 1.1 }

export function TopologyCanvas({ laidOut }: { laidOut: LaidOut }) {
  const theme = useApp((s) => s.theme)
  const selection = useApp((s) => s.selection)
  const [nodes, setNodes] = useState<TopologyNode[]>([])
  const [edges, setEdges] = useState<ReturnType<typeof toFlow>['edges']>([])
  const { fitView } = useReactFlow()
  const initialized = useNodesInitialized()

  useEffect(() => {
    const flow = toFlow(laidOut.snapshot, laidOut.layout)
    setNodes(flow.nodes.map((n) => (n.id === selection ? { ...n, selected: true } : n)))
    setEdges(flow.edges)
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

  const onNodesChange = useCallback((changes: NodeChange<TopologyNode>[]) => {
    setNodes((current) => applyNodeChanges(changes, current))
    for (const change of changes) {
      if (change.type === 'select' && change.selected) getApp().select(change.id)
    }
  }, [])

  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
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
    </ReactFlow>
  )
}
