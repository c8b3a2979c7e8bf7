// The side panel of the request animation: the event list, the batch view and the side-by-side comparison.
import type { Timeline } from '../animation/useTimeline.ts'
import { BatchView } from './BatchView.tsx'
import { CompareView } from './CompareView.tsx'
import { IngressGatewayView } from '../gateway/IngressGatewayView.tsx'
import { useEntranceTraces } from '../gateway/entranceStore.ts'
import { useEngine } from '../engineContext.ts'
import { EventList } from './EventList.tsx'
import { ProxyModesView } from '../proxymodes/ProxyModesView.tsx'
import { panelHasContent, requestStore, useRequests, type PanelTab } from './requestStore.ts'

const TABS: { id: PanelTab; label: string }[] = [{ id: 'events', label: 'Events' }, { id: 'batch', label: 'Batch' }, { id: 'compare', label: 'Side by side' }, { id: 'gateway', label: 'Ingress → Gateway' }, { id: 'proxy', label: 'Proxy modes' }]

/** Side-by-side views take most of the pane: two columns of rule text do not fit the panel's usual width. */
const WIDE = new Set<PanelTab>(['gateway', 'proxy'])

export function RequestPanel({ timeline }: { timeline: Timeline }) {
  const tab = useRequests((s) => s.tab)
  // Requests through an Ingress controller or a Gateway, kept for the Ingress → Gateway view.
  useEntranceTraces(useEngine())
  const has = useRequests(panelHasContent)
  if (!has) return null
  return (
    <aside className={`request-panel${WIDE.has(tab) ? ' request-panel--wide' : ''}`} aria-label="Requests panel">
      <div role="tablist" aria-label="Request views" className="request-panel__tabs">
        {TABS.map((t) => (
          <button key={t.id} type="button" role="tab" id={`rtab-${t.id}`} aria-selected={tab === t.id} aria-controls="request-panel-body"
            className="request-panel__tab" onClick={() => requestStore.setState({ tab: t.id })}>{t.label}</button>
        ))}
      </div>
      <div key={tab} className="request-panel__body" role="tabpanel" id="request-panel-body" aria-labelledby={`rtab-${tab}`}>
        {tab === 'events' && <EventList timeline={timeline} />}
        {tab === 'batch' && <BatchView />}
        {tab === 'compare' && <CompareView />}
        {tab === 'gateway' && <IngressGatewayView />}
        {tab === 'proxy' && <ProxyModesView />}
      </div>
    </aside>
  )
}
