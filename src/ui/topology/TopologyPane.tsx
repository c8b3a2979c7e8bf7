// The center pane: the cluster picture (or a short notice while the first layout is computed), and the
// inspector for the selected object beside it.
import { ReactFlowProvider } from '@xyflow/react'
import '@xyflow/react/dist/style.css'
import { Inspector } from '../inspector/Inspector.tsx'
import { usePlayheadReset, useTimeline } from '../animation/useTimeline.ts'
import { RequestFeed } from '../requests/RequestFeed.tsx'
import { RequestPanel } from '../requests/RequestPanel.tsx'
import { CompareStage } from '../requests/CompareStage.tsx'
import { useApp } from '../store.ts'
import { PanelToggles } from '../layout/PanelToggles.tsx'
import { ClockControl } from '../clock/ClockControl.tsx'
import { usePanel } from '../layout/panels.ts'
import { TopologyCanvas } from './TopologyCanvas.tsx'
import { useTopologyLayout } from './useTopologyLayout.ts'

export function TopologyPane() {
  const snapshot = useApp((s) => s.snapshot)
  const selection = useApp((s) => s.selection)
  const answered = useApp((s) => s.lastApply !== null)
  const laidOut = useTopologyLayout(snapshot)
  const timeline = useTimeline()
  usePlayheadReset(timeline)
  const profile = snapshot?.profile
  const requestsOpen = usePanel('requests')
  return (
    <section className="pane pane--topology" aria-label="Topology" id="pane-topology" tabIndex={-1} aria-keyshortcuts="Alt+2">
      <header className="pane__header">
        <h2>Topology</h2>
        {profile && <span className="pane__hint">{profile.type} cluster “{profile.name}” · {profile.kubernetesVersion} · click an object to inspect it</span>}
        <ClockControl />
        <PanelToggles />
      </header>
      <div className="pane__body pane__body--split">
        <div className="topology-canvas">
          {laidOut
            ? <ReactFlowProvider><TopologyCanvas laidOut={laidOut} timeline={timeline} /></ReactFlowProvider>
            : <p className="pane__placeholder" role="status">{snapshot ? 'Laying out the cluster…' : answered ? 'No cluster: run `kind create cluster` in the console.' : 'Starting the engine…'}</p>}
          <CompareStage />
        </div>
        {requestsOpen && <RequestPanel timeline={timeline} />}
        {selection && <Inspector selection={selection} />}
        <RequestFeed />
      </div>
    </section>
  )
}
