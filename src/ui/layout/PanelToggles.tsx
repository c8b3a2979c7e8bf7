// Buttons in the topology's header that collapse or reopen the panels around the canvas (Alt+Shift+1/3/4/5).
import { useGuideVisible } from '../share/DocumentLayer.tsx'
import { panelHasContent, useRequests } from '../requests/requestStore.ts'
import { panelStore, togglePanel, type Panel } from './panels.ts'
import { useStore } from 'zustand'

const LABELS: { panel: Panel; label: string; key: string }[] = [
  { panel: 'editor', label: 'Editor', key: 'Alt+Shift+1' },
  { panel: 'console', label: 'Console', key: 'Alt+Shift+3' },
  { panel: 'requests', label: 'Requests', key: 'Alt+Shift+4' },
  { panel: 'guide', label: 'Guide', key: 'Alt+Shift+5' },
]

export function PanelToggles() {
  const open = useStore(panelStore)
  const hasRequests = useRequests(panelHasContent)
  const hasGuide = useGuideVisible()
  const shown = LABELS.filter((l) => (l.panel === 'requests' ? hasRequests : l.panel === 'guide' ? hasGuide : true))
  return (
    <span className="panel-toggles" role="group" aria-label="Panels">
      {shown.map((l) => (
        <button key={l.panel} type="button" className="button" aria-pressed={open[l.panel]} aria-keyshortcuts={l.key}
          title={`${open[l.panel] ? 'Collapse' : 'Show'} the ${l.label.toLowerCase()} (${l.key})`} onClick={() => togglePanel(l.panel)}>{l.label}</button>
      ))}
    </span>
  )
}
