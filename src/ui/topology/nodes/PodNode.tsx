// A pod card: name, IP and kubectl's STATUS, with a look per family of states (ready, not ready, creating,
// terminating with the grace period left, failing with the reason, completed) that the text says too.
import { Handle, Position, type NodeProps } from '@xyflow/react'
import { useClock } from '../../clock/clockStore.ts'
import { useApp } from '../../store.ts'
import { podStateText, type TopologyNode } from '../toFlow.ts'

type Props = NodeProps<Extract<TopologyNode, { type: 'pod' }>>

/** The grace period left, on the simulated clock (only Terminating boxes subscribe to it). */
function GraceLeft({ endsAt }: { endsAt: number }) {
  const clock = useClock((s) => s.time)
  const snapshotTime = useApp((s) => s.snapshot?.time ?? null)
  // The later of the two: a scenario holds the clock while its steps move the engine's time (sleep, rollout status).
  const now = clock === null ? snapshotTime : snapshotTime === null ? clock : Math.max(clock, snapshotTime)
  if (now === null) return null
  const left = Math.max(0, Math.ceil(endsAt - now))
  return <span className="topo-pod__grace" title="terminationGracePeriodSeconds left before the kubelet kills it">{left}s left</span>
}

const MARK: Partial<Record<string, string>> = { completed: '✓', failed: '✕', terminating: '⊖', creating: '◌', pending: '◷' }

export function PodNode({ data, selected }: Props) {
  const { pod } = data
  const mark = MARK[pod.state]
  return (
    <div className={`topo-pod topo-pod--${pod.state}${selected ? ' is-selected' : ''}`} data-status={pod.status}>
      <Handle type="target" position={Position.Left} isConnectable={false} />
      {/* A packet's track may start here (the request animation's edges). */}
      <Handle type="source" position={Position.Right} isConnectable={false} />
      <div className="topo-pod__name" title={`${pod.namespace}/${pod.name}`}>{pod.name}</div>
      <div className="topo-pod__meta">
        <span className="topo-pod__ip">{pod.ip ?? '<none>'}</span>
        <span className="topo-pod__state" title={podStateText(pod)}>
          {mark ? <span className="topo-pod__mark" aria-hidden="true">{mark}</span> : <span className="dot" aria-hidden="true" />}
          <span className="topo-pod__status">{pod.status}</span>
          {pod.state === 'not-ready' && <span className="topo-pod__ready">{pod.readyText}</span>}
          {pod.restarts > 0 && <span className="topo-pod__restarts" title="RESTARTS">↻{pod.restarts}</span>}
          {pod.state === 'terminating' && pod.graceEndsAt !== null && <GraceLeft endsAt={pod.graceEndsAt} />}
        </span>
      </div>
    </div>
  )
}
