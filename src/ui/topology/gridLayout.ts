// The layout of a big cluster: ELK's layered layout puts every node group in one column (20 nodes made a graph
// ~69,000 px tall that no zoom could fit). Past a handful of nodes the groups go in a grid of about the
// screen's proportions, the Services in a column beside it, the client on the left: computed in a few
// microseconds, and stable (a group that grows only pushes the rows below it).
import type { ElkNode } from 'elkjs/lib/elk-api.js'
import type { XY } from './geometry.ts'

/** ELK lays out clusters up to this many node groups (the pictures people know); more go in the grid. */
const GRID_FROM_GROUPS = 7

const GAP = 36
const BETWEEN = 120
const ASPECT = 16 / 9

const isGroup = (c: ElkNode) => c.layoutOptions?.['elk.layered.layering.layerConstraint'] === 'LAST'
const isClient = (c: ElkNode) => c.layoutOptions?.['elk.layered.layering.layerConstraint'] === 'FIRST'

export function wantsGrid(graph: ElkNode): boolean {
  return (graph.children ?? []).filter(isGroup).length >= GRID_FROM_GROUPS
}

/** Rows of `cols` groups: each row as tall as its tallest group. */
function rowsOf(groups: ElkNode[], cols: number): { height: number; items: ElkNode[] }[] {
  const rows = []
  for (let i = 0; i < groups.length; i += cols) {
    const items = groups.slice(i, i + cols)
    rows.push({ items, height: Math.max(...items.map((g) => g.height ?? 0)) })
  }
  return rows
}

export function gridLayout(graph: ElkNode): Record<string, XY> {
  const children = graph.children ?? []
  // kind-worker, kind-worker2, …, kind-worker10: numbers in names read as numbers.
  const groups = children.filter(isGroup).sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }))
  const client = children.find(isClient)
  const middle = children.filter((c) => !isGroup(c) && !isClient(c))
  const cellWidth = Math.max(...groups.map((g) => g.width ?? 0)) + GAP
  // The column count whose grid is closest to the screen's shape.
  let cols = 1
  let best = Infinity
  for (let c = 1; c <= groups.length; c++) {
    const height = rowsOf(groups, c).reduce((h, r) => h + r.height + GAP, 0)
    const score = Math.abs(Math.log((c * cellWidth) / height / ASPECT))
    if (score < best) { best = score; cols = c }
  }
  const rows = rowsOf(groups, cols)
  const gridHeight = rows.reduce((h, r) => h + r.height + GAP, 0) - GAP
  // The Services (and load balancers, Ingresses) in columns no taller than the grid.
  const columns: ElkNode[][] = [[]]
  let used = 0
  for (const m of middle) {
    const h = (m.height ?? 0) + GAP
    if (used + h > Math.max(gridHeight, 400) && columns[columns.length - 1].length) { columns.push([]); used = 0 }
    columns[columns.length - 1].push(m)
    used += h
  }
  const out: Record<string, XY> = {}
  const left = 20
  const middleX = left + (client?.width ?? 0) + BETWEEN
  let x = middleX
  for (const column of columns) {
    const height = column.reduce((h, m) => h + (m.height ?? 0) + GAP, 0) - GAP
    let y = 20 + Math.max(0, (gridHeight - height) / 2)
    for (const m of column) { out[m.id] = { x, y }; y += (m.height ?? 0) + GAP }
    x += Math.max(0, ...column.map((m) => m.width ?? 0)) + GAP
  }
  if (client) out[client.id] = { x: left, y: 20 + Math.max(0, (gridHeight - (client.height ?? 0)) / 2) }
  const gridX = (columns[0].length ? x - GAP : middleX) + BETWEEN
  let y = 20
  for (const row of rows) {
    row.items.forEach((g, i) => { out[g.id] = { x: gridX + i * cellWidth, y } })
    y += row.height + GAP
  }
  return out
}
