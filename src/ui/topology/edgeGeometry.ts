// Where the edge layer draws: absolute box rectangles from toFlow's output, and the curve between two boxes.
import type { TopologyNode } from './toFlow.ts'

export interface Rect { x: number; y: number; w: number; h: number }

/** Absolute rectangles of the boxes (a child's position is relative to its parent). */
export function rectsOf(nodes: readonly TopologyNode[]): Map<string, Rect> {
  const out = new Map<string, Rect>()
  for (const n of nodes) {
    const parent = n.parentId ? out.get(n.parentId) : undefined
    out.set(n.id, { x: n.position.x + (parent?.x ?? 0), y: n.position.y + (parent?.y ?? 0), w: n.width ?? 0, h: n.height ?? 0 })
  }
  return out
}

/** React Flow's default bezier between the source's right side and the target's left side (its node header for a node group). */
export function edgePath(s: Rect, t: Rect, targetIsGroup: boolean): { d: string; mid: { x: number; y: number } } {
  const sx = s.x + s.w
  const sy = s.y + s.h / 2
  const tx = t.x
  const ty = targetIsGroup ? t.y + 34 : t.y + t.h / 2
  const c = Math.max(40, Math.abs(tx - sx) / 2)
  return { d: `M${sx},${sy} C${sx + c},${sy} ${tx - c},${ty} ${tx},${ty}`, mid: { x: (sx + tx) / 2, y: (sy + ty) / 2 } }
}

