// The center pane: the cluster picture, or a short notice while the first layout is computed.
import { ReactFlowProvider } from '@xyflow/react'
import '@xyflow/react/dist/style.css'
import { useApp } from '../store.ts'
import { TopologyCanvas } from './TopologyCanvas.tsx'
import { useTopologyLayout } from './useTopologyLayout.ts'

export function TopologyPane() {
  const snapshot = useApp((s) => s.snapshot)
  const laidOut = useTopologyLayout(snapshot)
  const profile = snapshot?.profile
  return (
    <section className="pane pane--topology" aria-label="Topology" id="pane-topology" tabIndex={-1} aria-keyshortcuts="Alt+2">
      <header className="pane__header">
        <h2>Topology</h2>
        {profile && <span className="pane__hint">{profile.type} cluster “{profile.name}” · {profile.kubernetesVersion}</span>}
      </header>
      <div className="pane__body">
        {laidOut
          ? <ReactFlowProvider><TopologyCanvas laidOut={laidOut} /></ReactFlowProvider>
          : <p className="pane__placeholder" role="status">{snapshot ? 'Laying out the cluster…' : 'Waiting for the engine…'}</p>}
      </div>
    </section>
  )
}
