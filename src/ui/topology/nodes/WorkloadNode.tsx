// A workload's pods on one node, as one box: "kubia ×48 · 47 ready", what the others are doing ("2 creating,
// 1 terminating") and a health bar in the pod boxes' colours. A click expands it into its pods (and folds them back).
import { Handle, Position, type NodeProps } from '@xyflow/react'
import type { TopologyNode } from '../toFlow.ts'
import { stateCounts } from '../workloads.ts'

type Props = NodeProps<Extract<TopologyNode, { type: 'workload' }>>

export function WorkloadNode({ data }: Props) {
  const { box } = data
  const title = box.kind === 'Pod' ? 'bare pods' : box.name
  const share = (n: number) => `${(100 * n) / Math.max(1, box.total)}%`
  const others = stateCounts(box)
  return (
    <div className={`topo-workload${box.expanded ? ' is-expanded' : ''}${box.ready < box.total ? ' has-trouble' : ''}${box.failed ? ' has-failed' : ''}`}
      data-pods={box.hidden} data-ending={box.terminating} title={`${box.kind} ${box.namespace}/${box.name || '(no owner)'}: click to ${box.expanded ? 'fold' : 'show'} its pods`}>
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <Handle type="source" position={Position.Right} isConnectable={false} />
      <div className="topo-workload__title">
        <span className="topo-workload__name">{box.namespace !== 'default' && <span className="topo-svc__ns">{box.namespace}/</span>}{title}</span>
        <span className="topo-workload__count">×{box.total}</span>
        <span className="topo-workload__ready">· {box.ready} ready</span>
        <span className="topo-workload__toggle" aria-hidden="true">{box.expanded ? '▴' : '▾'}</span>
      </div>
      {others && <div className="topo-workload__states">{others}</div>}
      <div className="topo-workload__bar" aria-hidden="true">
        <span className="is-ready" style={{ width: share(box.ready) }} />
        <span className="is-notready" style={{ width: share(box.notReady) }} />
        <span className="is-creating" style={{ width: share(box.creating + box.pending) }} />
        <span className="is-failed" style={{ width: share(box.failed) }} />
        <span className="is-terminating" style={{ width: share(box.terminating + box.completed) }} />
      </div>
    </div>
  )
}
