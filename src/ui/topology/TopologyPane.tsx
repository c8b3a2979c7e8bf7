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
import { useMemo } from 'react'
import type { Timeline } from '../animation/useTimeline.ts'
import { useCanvas } from './canvasStore.ts'
import { readTopology } from './model.ts'
import { parseLabels, viewOf } from './workloads.ts'

/** Pods a request crosses are drawn on their own when the timeline holds at most this many requests; a batch's
 * packets go to their pods' workload boxes instead (pulling dozens of pods out, batch part by batch part, re-laid
 * the canvas out while it played). The hop card still names the exact pod. */
const PINNED_REQUESTS_AT_MOST = 5

function crossedPods(timeline: Timeline): string {
  const requests = new Set(timeline.packets.map((p) => p.requestId))
  if (requests.size > PINNED_REQUESTS_AT_MOST) return ''
  const ids = new Set<string>()
  for (const p of timeline.packets) for (const h of p.hops) if (h.node.startsWith('Pod/')) ids.add(h.node)
  return [...ids].join('\n')
}

export function TopologyPane() {
  const snapshot = useApp((s) => s.snapshot)
  const selection = useApp((s) => s.selection)
  const answered = useApp((s) => s.lastApply !== null)
  const timeline = useTimeline()
  const expanded = useCanvas((s) => s.expanded)
  const found = useCanvas((s) => s.found)
  const namespace = useCanvas((s) => s.namespace)
  const labelText = useCanvas((s) => s.labelText)
  const crossed = useMemo(() => crossedPods(timeline), [timeline])
  // A snapshot drawn as the last one (a Lease renewed) keeps the model, so the view and layout stay as they are.
  const model = snapshot && readTopology(snapshot)
  const view = useMemo(() => model && viewOf(model, {
    expanded, namespace, labels: parseLabels(labelText) ?? {},
    pinned: new Set([...found, ...crossed.split('\n').filter(Boolean)]),
  }), [model, expanded, found, crossed, namespace, labelText])
  const laidOut = useTopologyLayout(snapshot, view)
  usePlayheadReset(timeline)
  const profile = snapshot?.profile
  const requestsOpen = usePanel('requests')
  return (
    <section className="pane pane--topology" aria-label="Topology" id="pane-topology" tabIndex={-1} aria-keyshortcuts="Alt+2">
      <header className="pane__header">
        <h2>Topology</h2>
        {profile && <span className="pane__hint" title={`${profile.type} cluster “${profile.name}” · ${profile.kubernetesVersion} · click an object to inspect it`}>{profile.type} cluster “{profile.name}” · {profile.kubernetesVersion} · click an object to inspect it</span>}
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
