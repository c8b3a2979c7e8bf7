// The React Flow canvas: draws toFlow's output, reports selection, refits when ELK moves the boxes.
import { Controls, ReactFlow, applyNodeChanges, useNodesInitialized, useReactFlow, useStore,
  type NodeChange, type NodeMouseHandler } from '@xyflow/react'
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { HopCard } from '../animation/HopCard.tsx'
import { PacketLayer } from '../animation/PacketLayer.tsx'
import { edgeTypes } from '../animation/PacketEdge.tsx'
import { usePacketEdges } from '../animation/usePacketEdges.ts'
import { boxAlias } from '../animation/tracks.ts'
import { useCamera } from '../animation/useCamera.ts'
import { usePlaying } from '../animation/usePlaying.ts'
import type { Timeline } from '../animation/useTimeline.ts'
import { PlaybackBar } from '../requests/PlaybackBar.tsx'
import { getApp, useApp } from '../store.ts'
import { nodeTypes } from './nodes/nodeTypes.ts'
import { changedNodeIds, emptyFlowMemo, nodesInPart, reuseEdges } from './flowMemo.ts'
import { toFlow, type TopologyNode } from './toFlow.ts'
import type { LaidOut } from './useTopologyLayout.ts'
import { canvasStore, useCanvas } from './canvasStore.ts'
import { CanvasTools } from './CanvasTools.tsx'
import { EdgeLayer } from './EdgeLayer.tsx'
import { DotGrid } from './DotGrid.tsx'
import './canvas.css'
import { overlayFit } from './fitPadding.ts'

/** A snapshot that changes more boxes than this reaches React Flow in parts of this many, a frame apart: at 5,000
 * pods one burst changed ~500 boxes, and rendering, committing and measuring them at once held the main thread
 * ~300 ms in one task. An edit changes a few boxes and goes at once, in the task that brought its snapshot. */
const BOXES_PER_PART = 100
/** While a request plays, a canvas of more boxes than this leaves the boxes out of view out of the page (fewer for
 * Chromium to layerize each frame). A smaller one keeps every box, so each stays in the accessibility tree: the
 * gallery's clusters draw a few dozen boxes at most; 1,000 pods on 20 nodes draw about 105 (grouped), which the
 * request animation's 55 fps was measured with culled. */
const CULL_FROM_BOXES = 60
/** Far enough out that a 1,000-pod cluster fits the pane (fit view must fit). */
const MIN_ZOOM = 0.02

/** Level of detail by zoom, as a class on the canvas (one re-render when the level changes, none while panning). */
function useDetailLevel(host: React.RefObject<HTMLDivElement | null>): void {
  const level = useStore((s) => (s.transform[2] < 0.16 ? 'lod-tiny lod-far' : s.transform[2] < 0.36 ? 'lod-far' : ''))
  useLayoutEffect(() => {
    const el = host.current
    if (!el) return
    el.classList.remove('lod-tiny', 'lod-far')
    if (level) el.classList.add(...level.split(' '))
  }, [level, host])
}

/** Memoised: a snapshot re-renders the pane first; the canvas waits for the layout that snapshot gives. */
export const TopologyCanvas = memo(function TopologyCanvas({ laidOut, timeline }: { laidOut: LaidOut; timeline: Timeline }) {
  const theme = useApp((s) => s.theme)
  const selection = useApp((s) => s.selection)
  const [nodes, setNodes] = useState<TopologyNode[]>([])
  const [edges, setEdges] = useState<ReturnType<typeof toFlow>['edges']>([])
  const { fitView } = useReactFlow()
  const initialized = useNodesInitialized()
  const memo = useRef(emptyFlowMemo())
  /** Parts of a big change still to reach React Flow; a refit asked for meanwhile waits for the last (`settled`). */
  const delivering = useRef(false)
  const fitWaits = useRef(false)
  const [settled, setSettled] = useState(0)
  const host = useRef<HTMLDivElement | null>(null)
  const fit = useMemo(() => overlayFit(host), [])
  useCamera(timeline, host)
  useDetailLevel(host)
  const flyTo = useCanvas((s) => s.flyTo)
  const { setCenter, getInternalNode } = useReactFlow()

  // A layout effect, so the new boxes reach React Flow in the task that brought the snapshot (see useTopologyLayout).
  useLayoutEffect(() => {
    const flow = toFlow(laidOut.snapshot, laidOut.layout, laidOut.view)
    // The request animation finds a pod that has no card of its own in its workload's box.
    boxAlias.clear()
    for (const [pod, box] of laidOut.view.shownAs) if (pod !== box) boxAlias.set(pod, box)
    setEdges(reuseEdges(memo.current, flow.edges))
    // Unchanged boxes keep their objects: React Flow skips them (no re-render, no re-measure). The memo holds
    // toFlow's output as delivered: a box whose change waits for a later part keeps its previous output there.
    const changed = changedNodeIds(memo.current.nodes, flow.nodes)
    let frame = 0
    let timer: ReturnType<typeof setTimeout> | undefined
    const deliver = (from: number) => {
      const before = memo.current.nodes
      const previous = new Map<string, TopologyNode>()
      for (const n of flow.nodes) { const d = before.get(n.id); if (d) previous.set(n.id, d) }
      const held = new Set(changed.slice(from + BOXES_PER_PART))
      setNodes((shown) => nodesInPart(previous, flow.nodes, shown, selection, held))
      const after = new Map(previous)
      for (const n of flow.nodes) if (!held.has(n.id)) after.set(n.id, n)
      memo.current.nodes = after
      delivering.current = held.size > 0
      // The next part once a frame has shown (and React Flow measured) this one.
      if (held.size) frame = requestAnimationFrame(() => { timer = setTimeout(() => deliver(from + BOXES_PER_PART), 0) })
      else if (fitWaits.current) setSettled((n) => n + 1)
    }
    deliver(0)
    return () => { cancelAnimationFrame(frame); clearTimeout(timer) }
  }, [laidOut, selection])

  // A new shape of the cluster refits, unless a request is on the canvas: the camera frames that (and refits at its end).
  const playing = timeline.packets.length > 0
  // While the request plays the camera is close in and moving: on a big canvas the boxes out of view are left out
  // (fewer for Chromium to layerize every frame; 20 instead of 110 at 1,000 pods). Paused, stepped or done, all are drawn.
  const running = usePlaying() && playing
  const cull = running && nodes.length > CULL_FROM_BOXES
  // A change in parts refits once its last part is measured (not at every part: each refit restyled and repainted every box).
  useEffect(() => {
    if (!initialized || playing) return
    fitWaits.current = delivering.current
    if (!delivering.current) void fitView(fit)
  }, [initialized, laidOut.generation, fitView, playing, settled, fit])

  // A search hit: centre on it once it is drawn (its group opened, its filter cleared).
  useEffect(() => {
    if (!flyTo) return
    const n = getInternalNode(flyTo)
    if (!n) return
    canvasStore.getState().landed()
    const w = n.measured.width ?? n.width ?? 0
    const h = n.measured.height ?? n.height ?? 0
    void setCenter(n.internals.positionAbsolute.x + w / 2, n.internals.positionAbsolute.y + h / 2, { zoom: 1, duration: 600 })
  }, [flyTo, nodes, getInternalNode, setCenter])

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
  const model = laidOut.view.source
  const shown = useCallback((id: string) => laidOut.view.shownAs.has(id) || laidOut.view.model.services.some((s) => s.id === id), [laidOut.view])
  const onNodeClick: NodeMouseHandler<TopologyNode> = useCallback((_, node) => {
    if (node.type === 'workload') canvasStore.getState().toggle(node.id)
  }, [])

  const onNodesChange = useCallback((changes: NodeChange<TopologyNode>[]) => {
    setNodes((current) => applyNodeChanges(changes, current))
    for (const change of changes) {
      if (change.type === 'select' && change.selected) getApp().select(change.id)
    }
  }, [])

  return (
    // vp-layer: the boxes on a compositor layer of their own while a request plays (canvas.css). Not once it stops:
    // Chromium keeps such a layer's raster scale, and the cluster fitted again after the request would look blurred.
    <div className={running ? 'topology-flow vp-layer' : 'topology-flow'} ref={host}>
    <CanvasTools model={model} shown={shown} podCount={laidOut.view.model.pods.length} />
    <ReactFlow
      nodes={nodes}
      edges={packetEdges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      onNodesChange={onNodesChange}
      onNodeClick={onNodeClick}
      onPaneClick={() => getApp().select(null)}
      colorMode={theme}
      nodesDraggable={false}
      nodesConnectable={false}
      edgesFocusable={false}
      minZoom={MIN_ZOOM}
      onlyRenderVisibleElements={cull}
      fitView
      fitViewOptions={fit}
      aria-label="Cluster topology graph"
    >
      <DotGrid />
      <Controls showInteractive={false} position="bottom-right" fitViewOptions={fit} />
      <EdgeLayer nodes={nodes} edges={edges} />
      <PacketLayer timeline={timeline} layoutKey={nodes} />
      <PlaybackBar timeline={timeline} />
      <HopCard timeline={timeline} />
    </ReactFlow>
    </div>
  )
})
