// Every static edge of the topology in ONE <svg> (React Flow draws each edge in an <svg> of its own: 1,023 of
// them made Chromium's Layerize cost most of a second per repaint). The boxes' places come from toFlow's output,
// so the layer needs no measuring; it sits above the node groups and below the boxes inside them.
import { EdgeLabelRenderer, type Edge } from '@xyflow/react'
import { memo, useMemo } from 'react'
import type { TopologyNode } from './toFlow.ts'
import { edgePath, rectsOf } from './edgeGeometry.ts'

export const EdgeLayer = memo(function EdgeLayer({ nodes, edges }: { nodes: readonly TopologyNode[]; edges: readonly Edge[] }) {
  const drawn = useMemo(() => {
    const rects = rectsOf(nodes)
    const groups = new Set(nodes.filter((n) => n.type === 'clusterNode').map((n) => n.id))
    return edges.flatMap((e) => {
      const s = rects.get(e.source)
      const t = rects.get(e.target)
      if (!s || !t) return []
      return [{ e, ...edgePath(s, t, groups.has(e.target)) }]
    })
  }, [nodes, edges])
  return (
    <EdgeLabelRenderer>
      <svg className="topo-edges" aria-label="Edges" role="img" width="1" height="1">
        {drawn.map(({ e, d }) => (
          <g key={e.id} className={`topo-edge ${e.className ?? ''}`} data-id={e.id}>
            <title>{e.ariaLabel}</title>
            <path className="react-flow__edge-path" d={d} />
          </g>
        ))}
        {drawn.filter(({ e }) => e.label).map(({ e, mid }) => (
          <text key={`${e.id}:label`} className="react-flow__edge-text topo-edge__label" x={mid.x} y={mid.y} textAnchor="middle" dominantBaseline="central">{String(e.label)}</text>
        ))}
      </svg>
    </EdgeLabelRenderer>
  )
})
