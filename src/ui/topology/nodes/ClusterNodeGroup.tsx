// A cluster Node drawn as a box holding its pods, with the facts a trainer writes next to it.
import { Handle, Position, type NodeProps } from '@xyflow/react'
import type { TopologyNode } from '../toFlow.ts'

type Props = NodeProps<Extract<TopologyNode, { type: 'clusterNode' }>>

export function ClusterNodeGroup({ data, selected }: Props) {
  const { node } = data
  if (!node) {
    return <div className="topo-group topo-group--unscheduled"><div className="topo-group__title">Unscheduled (Pending)</div></div>
  }
  return (
    <div className={`topo-group${selected ? ' is-selected' : ''}${node.ready ? '' : ' topo-group--notready'}`}>
      <Handle type="target" position={Position.Left} isConnectable={false} />
      {/* A packet's track may start here (the request animation's edges). */}
      <Handle type="source" position={Position.Right} isConnectable={false} />
      <div className="topo-group__title">
        <span className="topo-group__name">{node.name}</span>
        {node.controlPlane && <span className="chip">control-plane</span>}
      </div>
      <div className="topo-group__meta">
        <span>{node.ip ?? 'no IP'}</span>
        {node.podCIDR && <span>pods {node.podCIDR}</span>}
        {node.tainted && <span className="chip chip--warn topo-group__taint" title="Tainted NoSchedule: ordinary pods are not scheduled here">NoSchedule</span>}
      </div>
      <div className="topo-group__agents">
        {!node.ready && <span className="chip chip--bad">NotReady</span>}
        {node.agents.map((a) => <span key={a} className={`chip${a === 'kube-proxy' ? ' chip--proxy' : ''}`} title={a === 'kube-proxy' ? 'kube-proxy programs the iptables rules for Services on this node' : `${a} runs on this node`}>{a}</span>)}
        {node.nodePorts.length > 0 && <span className="topo-group__ports" title="Node ports open on this node (kube-proxy's KUBE-NODEPORTS)">ports {node.nodePorts.map((p) => `:${p}`).join(' ')}</span>}
      </div>
    </div>
  )
}
