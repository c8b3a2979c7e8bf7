// Keeps pod slots across snapshots and asks ELK for positions only when the box graph actually changed.
import { useEffect, useRef, useState } from 'react'
import type { ClusterSnapshot } from '../../engine/snapshot.ts'
import { positionsOf, toElkGraph } from './elkGraph.ts'
import { layoutInWorker } from './elkLayouter.ts'
import { cachedLayout, hashGraph, rememberLayout } from './layoutCache.ts'
import { readTopology } from './model.ts'
import { assignSlots, emptySlots } from './slots.ts'
import type { TopologyLayout } from './toFlow.ts'

export interface LaidOut {
  snapshot: ClusterSnapshot
  layout: TopologyLayout
  /** Changes whenever ELK produced new positions (the canvas refits then). */
  generation: number
}

export function useTopologyLayout(snapshot: ClusterSnapshot | null): LaidOut | null {
  const [laidOut, setLaidOut] = useState<LaidOut | null>(null)
  const slotsRef = useRef(emptySlots)
  const lastGraph = useRef<{ key: string; positions: TopologyLayout['positions']; generation: number } | null>(null)

  useEffect(() => {
    if (!snapshot) return
    const model = readTopology(snapshot)
    const slots = assignSlots(slotsRef.current, model)
    slotsRef.current = slots
    const graph = toElkGraph(model, slots)
    const key = JSON.stringify(graph)
    const last = lastGraph.current
    const show = (positions: TopologyLayout['positions']) => {
      const generation = last?.key === key ? last.generation : (last?.generation ?? 0) + 1
      lastGraph.current = { key, positions, generation }
      setLaidOut({ snapshot, layout: { positions, slots }, generation })
    }
    if (last?.key === key) return show(last.positions)
    const hash = hashGraph(key)
    const cached = cachedLayout(localStorage, hash)
    if (cached) return show(cached)
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
  }, [snapshot])

  return laidOut
}
