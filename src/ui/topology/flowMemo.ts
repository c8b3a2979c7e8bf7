// Keeps React Flow's node and edge objects for boxes that did not change between two toFlow results: React Flow
// compares them by reference, so an unchanged pod is neither re-rendered nor re-measured after an edit.
import type { Edge } from '@xyflow/react'
import type { TopologyNode } from './toFlow.ts'
import { sameData } from './sameData.ts'

export interface FlowMemo {
  /** toFlow's previous nodes and edges by id (before selection or React Flow's own changes). */
  nodes: Map<string, TopologyNode>
  edges: Map<string, Edge>
}

export const emptyFlowMemo = (): FlowMemo => ({ nodes: new Map(), edges: new Map() })

/**
 * Pure (it runs inside a state updater); the caller then records `next` as the previous nodes.
 * The nodes to show: `shown`'s object (which carries React Flow's measurements) for every node whose toFlow
 * output equals the previous one and whose selection is unchanged; the new object for the rest, keeping the
 * shown box's measurements. Without them React Flow takes a changed box for a new one: it hides it, drops its
 * edges (a Service's count changing unmounted every edge to its pods) and measures it again a frame later; its
 * ResizeObserver still reports a box whose size really changed.
 */
export function reuseNodes(previous: ReadonlyMap<string, TopologyNode>, next: TopologyNode[], shown: readonly TopologyNode[], selection: string | null): TopologyNode[] {
  const shownById = new Map(shown.map((n) => [n.id, n]))
  return next.map((n) => {
    const selected = n.id === selection
    const before = previous.get(n.id)
    const current = shownById.get(n.id)
    if (current && before && !!current.selected === selected && sameData(before, n)) return current
    const measured = current?.type === n.type ? current.measured : undefined
    if (!selected && !measured) return n
    return { ...n, ...(measured && { measured }), ...(selected && { selected: true }) }
  })
}

/** The previous edge object for every edge that did not change. */
export function reuseEdges(memo: FlowMemo, next: Edge[]): Edge[] {
  const out = next.map((e) => {
    const previous = memo.edges.get(e.id)
    return previous && sameData(previous, e) ? previous : e
  })
  memo.edges = new Map(out.map((e) => [e.id, e]))
  return out
}

/** The ids of `next`'s nodes whose toFlow output differs from `previous` (new ones included), in `next`'s order. */
export function changedNodeIds(previous: ReadonlyMap<string, TopologyNode>, next: readonly TopologyNode[]): string[] {
  return next.filter((n) => !sameData(previous.get(n.id), n)).map((n) => n.id)
}

/**
 * Pure, like reuseNodes (it runs inside a state updater): the nodes to show while the changes of `held` wait for a
 * later part. `previous` holds toFlow's output as delivered so far; a held node stays as shown (a new one is left
 * out until its part), the rest as reuseNodes gives them. Parents come before their children in toFlow's order, so
 * a part that brings a child has brought its new parent.
 */
export function nodesInPart(previous: ReadonlyMap<string, TopologyNode>, next: TopologyNode[], shown: readonly TopologyNode[], selection: string | null, held: ReadonlySet<string>): TopologyNode[] {
  const all = reuseNodes(previous, next, shown, selection)
  if (!held.size) return all
  const shownById = new Map(shown.map((n) => [n.id, n]))
  const out: TopologyNode[] = []
  for (const n of all) {
    if (!held.has(n.id)) out.push(n)
    else {
      const current = shownById.get(n.id)
      if (current) out.push(current)
    }
  }
  return out
}
