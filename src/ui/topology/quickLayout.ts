// Layouts that need no ELK round trip: the build-time table for the default scenario, and "stretching" the
// current layout when only box heights changed (a node group gained or lost a pod slot).
import type { ElkNode } from 'elkjs/lib/elk-api.js'
import type { XY } from './geometry.ts'

type Positions = Readonly<Record<string, XY>>

/** The graph without box sizes: two graphs with equal shapes differ only in how tall their boxes are. */
export function graphShape(graph: ElkNode): string {
  return JSON.stringify([graph.layoutOptions, (graph.children ?? []).map((c) => [c.id, c.layoutOptions]),
    (graph.edges ?? []).map((e) => [e.id, e.sources, e.targets])])
}

interface Box { id: string; x: number; y: number; width: number; height: number }

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
const columnOf = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width

/**
 * The previous positions with every box below a resized box (in its column) moved by the change in height, so
 * nothing else on screen moves; null when the graphs differ in more than heights or the result would overlap.
 */
export function stretchLayout(previous: ElkNode, positions: Positions, next: ElkNode): Record<string, XY> | null {
  const before = previous.children ?? []
  const after = next.children ?? []
  if (before.length !== after.length || graphShape(previous) !== graphShape(next)) return null
  const boxes: Box[] = []
  for (let i = 0; i < before.length; i++) {
    const at = positions[before[i].id]
    if (!at || before[i].width !== after[i].width) return null
    boxes.push({ id: before[i].id, x: at.x, y: at.y, width: before[i].width ?? 0, height: before[i].height ?? 0 })
  }
  const shift = new Array<number>(boxes.length).fill(0)
  for (let i = 0; i < boxes.length; i++) {
    const grown = (after[i].height ?? 0) - boxes[i].height
    if (!grown) continue
    const bottom = boxes[i].y + boxes[i].height
    for (let j = 0; j < boxes.length; j++) {
      if (j !== i && columnOf(boxes[i], boxes[j]) && boxes[j].y >= bottom) shift[j] += grown
    }
  }
  const moved = boxes.map((b, i) => ({ ...b, y: b.y + shift[i], height: after[i].height ?? 0 }))
  for (let i = 0; i < moved.length; i++) {
    for (let j = i + 1; j < moved.length; j++) if (overlaps(moved[i], moved[j])) return null
  }
  return Object.fromEntries(moved.map((b) => [b.id, { x: b.x, y: b.y }]))
}
