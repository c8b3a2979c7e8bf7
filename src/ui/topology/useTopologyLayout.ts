// Keeps pod slots across snapshots and asks ELK for positions only when the shape of the box graph changed:
// the same boxes reuse their positions, boxes that only changed height stretch the current layout (nothing
// else moves), and a new shape comes from the build-time table, the localStorage cache, or else ELK.
import type { ElkNode } from 'elkjs/lib/elk-api.js'
import { useLayoutEffect, useRef, useState } from 'react'
import type { ClusterSnapshot } from '../../engine/snapshot.ts'
import { positionsOf, toElkGraph } from './elkGraph.ts'
import { layoutInWorker } from './elkLayouter.ts'
import { cachedLayout, hashGraph, rememberLayout } from './layoutCache.ts'
import { gridLayout, wantsGrid } from './gridLayout.ts'
import { precomputedLayout } from './precomputedLayouts.ts'
import { stretchLayout } from './quickLayout.ts'
import { assignSlots, emptySlots } from './slots.ts'
import type { TopologyLayout } from './toFlow.ts'
import type { TopologyView } from './workloads.ts'

export interface LaidOut {
  /** The snapshot of the last change to the drawing (later snapshots drawn the same do not replace it). */
  snapshot: ClusterSnapshot
  /** What is drawn of the snapshot (filters, groups). */
  view: TopologyView
  layout: TopologyLayout
  /** Changes whenever the boxes got new positions (the canvas refits then). */
  generation: number
}

interface Shown { key: string; graph: ElkNode; positions: TopologyLayout['positions']; generation: number }

/** The layout cache serves the next page load: it is written when the page idles, not while an edit is on its way to the screen. */
function rememberWhenIdle(hash: string, positions: TopologyLayout['positions']): void {
  const write = () => rememberLayout(localStorage, hash, positions)
  if (typeof requestIdleCallback === 'function') requestIdleCallback(write, { timeout: 1000 })
  else setTimeout(write, 0)
}

export function useTopologyLayout(snapshot: ClusterSnapshot | null, view: TopologyView | null): LaidOut | null {
  const [laidOut, setLaidOut] = useState<LaidOut | null>(null)
  const slotsRef = useRef(emptySlots)
  const lastGraph = useRef<Shown | null>(null)
  const lastView = useRef<TopologyView | null>(null)

  // A layout effect: its state update renders at once, in the same task as the snapshot (a passive effect's update
  // waited for a later task, often behind a frame), so an edit reaches the canvas without a detour.
  useLayoutEffect(() => {
    // The same view (a snapshot that changed nothing drawn): nothing to lay out or redraw.
    if (!snapshot || !view || view === lastView.current) return
    lastView.current = view
    const slots = assignSlots(slotsRef.current, { pods: view.items })
    slotsRef.current = slots
    const graph = toElkGraph(view.model, slots)
    const key = JSON.stringify(graph)
    const last = lastGraph.current
    const show = (positions: TopologyLayout['positions']) => {
      const generation = last?.key === key ? last.generation : (last?.generation ?? 0) + 1
      lastGraph.current = { key, graph, positions, generation }
      setLaidOut({ snapshot, view, layout: { positions, slots }, generation })
    }
    if (last?.key === key) return show(last.positions)
    // A big cluster: the grid, at once (the refit happens only when the set of boxes changed).
    if (wantsGrid(graph)) {
      const positions = gridLayout(graph)
      const sameBoxes = last && last.graph.children?.map((c) => c.id).join() === graph.children?.map((c) => c.id).join()
      lastGraph.current = { key, graph, positions, generation: sameBoxes ? last.generation : (last?.generation ?? 0) + 1 }
      setLaidOut({ snapshot, view, layout: { positions, slots }, generation: lastGraph.current.generation })
      return
    }
    const hash = hashGraph(key)
    const stretched = last && stretchLayout(last.graph, last.positions, graph)
    if (stretched) {
      rememberWhenIdle(hash, stretched)
      return show(stretched)
    }
    const known = precomputedLayout(hash) ?? cachedLayout(localStorage, hash)
    if (known) return show(known)
    let cancelled = false
    layoutInWorker(graph)
      .then((result) => { const positions = positionsOf(result); rememberLayout(localStorage, hash, positions); return positions })
      .catch((err: unknown) => { console.error('kubehop: ELK layout failed, using a simple grid', err); return {} })
      .then((positions) => {
        if (cancelled) return
        performance.mark('kubehop:layout')
        show(positions)
      })
    return () => { cancelled = true }
  }, [snapshot, view])

  return laidOut
}
