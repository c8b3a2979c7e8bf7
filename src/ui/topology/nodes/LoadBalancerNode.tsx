// The load balancer in front of a LoadBalancer Service: who provides it, its address (or `<pending>`), its ports.
import { Handle, Position, type NodeProps } from '@xyflow/react'
import type { TopologyNode } from '../toFlow.ts'
import './entryPoints.css'

type Props = NodeProps<Extract<TopologyNode, { type: 'loadBalancer' }>>

export function LoadBalancerNode({ data }: Props) {
  const { lb } = data
  const pending = lb.ip === '<pending>'
  const healthy = lb.targets.filter((t) => t.healthy).length
  return (
    <div className={`topo-lb${pending ? ' topo-lb--pending' : ''}`}>
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <div className="topo-lb__title">
        <span className="topo-lb__name" title={`Load balancer of Service ${lb.namespace}/${lb.name}`}>
          <span className="topo-svc__ns">LB </span>{lb.namespace !== 'default' && <span className="topo-svc__ns">{lb.namespace}/</span>}{lb.name}
        </span>
        <span className="chip" title={lb.provider}>{lb.chip}</span>
      </div>
      <div className="topo-lb__row">
        <span className="topo-lb__ip">{lb.ip}</span>
        <span>{lb.ports.map((p) => `:${p}`).join(' ')}</span>
      </div>
      <div className="topo-lb__row">
        {pending
          ? <span>{lb.waitsFor}</span>
          : <span title="Nodes passing the load balancer's health check">{healthy}/{lb.targets.length} nodes healthy</span>}
        {lb.local && <span className="chip" title="externalTrafficPolicy: Local — only nodes with a ready local endpoint pass the health check">Local</span>}
      </div>
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  )
}
