// A pod card: name, IP and its state colour (Running/ready, not ready, Pending, Terminating).
import { Handle, Position, type NodeProps } from '@xyflow/react'
import { podStateText, type TopologyNode } from '../toFlow.ts'

type Props = NodeProps<Extract<TopologyNode, { type: 'pod' }>>

export function PodNode({ data, selected }: Props) {
  const { pod } = data
  return (
    <div className={`topo-pod topo-pod--${pod.state}${selected ? ' is-selected' : ''}`}>
      <Handle type="target" position={Position.Left} isConnectable={false} />
      {/* A packet's track may start here (the request animation's edges). */}
      <Handle type="source" position={Position.Right} isConnectable={false} />
      <div className="topo-pod__name" title={`${pod.namespace}/${pod.name}`}>{pod.name}</div>
      <div className="topo-pod__meta">
        <span className="topo-pod__ip">{pod.ip ?? '<none>'}</span>
        <span className="topo-pod__state"><span className="dot" aria-hidden="true" />{podStateText(pod)}</span>
      </div>
    </div>
  )
}
