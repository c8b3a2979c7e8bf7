// An Ingress: its rules (host/path → service:port), ADDRESS, and whether any controller serves it.
import { Handle, Position, type NodeProps } from '@xyflow/react'
import { INGRESS_RULES_SHOWN } from '../geometry.ts'
import type { TopologyNode } from '../toFlow.ts'
import './entryPoints.css'

type Props = NodeProps<Extract<TopologyNode, { type: 'ingress' }>>

export function IngressNode({ data, selected }: Props) {
  const { ingress: ing } = data
  const inert = ing.controllerPodIds.length === 0
  const shown = ing.rules.length > INGRESS_RULES_SHOWN + 1 ? ing.rules.slice(0, INGRESS_RULES_SHOWN) : ing.rules
  return (
    <div className={`topo-ing${inert ? ' topo-ing--inert' : ''}${selected ? ' is-selected' : ''}`}>
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <div className="topo-ing__title">
        <span className="topo-ing__name">
          {ing.namespace !== 'default' && <span className="topo-svc__ns">{ing.namespace}/</span>}{ing.name}
        </span>
        <span className="chip">Ingress{ing.className ? ` · ${ing.className}` : ''}</span>
      </div>
      <div className="topo-ing__row"><span>ADDRESS</span><span>{ing.address || '—'}</span></div>
      {ing.rules.length === 0 && <div className="topo-ing__rule">no rules</div>}
      {shown.map((r, i) => (
        <div key={i} className="topo-ing__rule" title={`${r.host}${r.path} → ${r.service}:${r.port}`}>{r.host}{r.path} → {r.service}:{r.port}</div>
      ))}
      {shown.length < ing.rules.length && <div className="topo-ing__rule">+{ing.rules.length - shown.length} more</div>}
      <div className="topo-ing__row">
        {inert
          ? <span className="warn" title="No running ingress controller picks up this Ingress (its class, or none installed)">⚠ no controller: inert</span>
          : <span>{ing.controllerPodIds.length} controller pod{ing.controllerPodIds.length === 1 ? '' : 's'}</span>}
      </div>
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  )
}
