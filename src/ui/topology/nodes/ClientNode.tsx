// The user's machine (or the internet) that sends requests into the cluster.
import { Handle, Position, type NodeProps } from '@xyflow/react'
import type { TopologyNode } from '../toFlow.ts'

type Props = NodeProps<Extract<TopologyNode, { type: 'client' }>>

export function ClientNode({ data }: Props) {
  return (
    <div className="topo-client">
      <span className="topo-client__icon" aria-hidden="true">⌨</span>
      <span className="topo-client__label">{data.label}</span>
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  )
}
