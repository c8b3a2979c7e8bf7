// A Service: type, cluster IP, ports as `kubectl get svc` prints them, and a warning when it has no endpoints.
import { Handle, Position, type NodeProps } from '@xyflow/react'
import type { TopologyNode } from '../toFlow.ts'
import './entryPoints.css'

type Props = NodeProps<Extract<TopologyNode, { type: 'service' }>>

export function ServiceNode({ data, selected }: Props) {
  const { service: s } = data
  return (
    <div className={`topo-svc${s.noEndpoints ? ' topo-svc--empty' : ''}${selected ? ' is-selected' : ''}`}>
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <div className="topo-svc__title">
        <span className="topo-svc__name">
          {s.namespace !== 'default' && <span className="topo-svc__ns">{s.namespace}/</span>}{s.name}
        </span>
        <span className="chip">{s.type}</span>
      </div>
      <div className="topo-svc__meta">
        <span>{s.clusterIP}</span>
        <span>{s.ports}</span>
      </div>
      <div className="topo-svc__endpoints">
        {s.noEndpoints
          ? <span className="warn">⚠ no endpoints</span>
          : <span>{s.readyEndpoints} endpoint{s.readyEndpoints === 1 ? '' : 's'}</span>}
        {s.notReadyEndpoints > 0 && <span className="topo-svc__notready" title="Endpoints' notReadyAddresses: pods failing their readiness probe get no traffic">{s.notReadyEndpoints} not ready</span>}
        {s.externalIP && <span>ext {s.externalIP}</span>}
      </div>
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  )
}
