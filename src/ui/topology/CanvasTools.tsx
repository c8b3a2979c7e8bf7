// The canvas toolbar: namespace and label filters, and the search (Ctrl+K, also when the canvas is not focused,
// but never inside the editor, where Ctrl+K starts Monaco's chords).
import { useEffect, useMemo, useRef } from 'react'
import { canvasStore, useCanvas } from './canvasStore.ts'
import type { TopologyModel } from './model.ts'
import { SearchBox } from './SearchBox.tsx'
import { PodLegend } from './PodLegend.tsx'
import { parseLabels } from './workloads.ts'

function useSearchKey(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.key.toLowerCase() !== 'k' || e.shiftKey || e.altKey) return
      if ((e.target as Element | null)?.closest?.('.monaco-editor, .xterm')) return
      e.preventDefault()
      canvasStore.getState().setSearchOpen(true)
    }
    window.addEventListener('keydown', onKey, true)
    return () => window.removeEventListener('keydown', onKey, true)
  }, [])
}

/** Publishes the toolbar's height on the canvas (`--topo-tools-h`), so the hop card sits above it, not under it,
 * also when a narrow canvas wraps the toolbar onto two lines. */
function useToolbarHeight() {
  const bar = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const el = bar.current
    const host = el?.parentElement
    if (!el || !host || typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(() => host.style.setProperty('--topo-tools-h', `${el.offsetHeight}px`))
    observer.observe(el)
    return () => { observer.disconnect(); host.style.removeProperty('--topo-tools-h') }
  }, [])
  return bar
}

export function CanvasTools({ model, shown, podCount }: { model: TopologyModel; shown: (id: string) => boolean; podCount: number }) {
  useSearchKey()
  const bar = useToolbarHeight()
  const namespace = useCanvas((s) => s.namespace)
  const labelText = useCanvas((s) => s.labelText)
  const searchOpen = useCanvas((s) => s.searchOpen)
  const namespaces = useMemo(() => [...new Set([...model.pods.map((p) => p.namespace), ...model.services.map((s) => s.namespace)])].sort(), [model])
  const invalid = parseLabels(labelText) === null
  const { setNamespace, setLabelText, setSearchOpen } = canvasStore.getState()
  return (
    <>
      <div className="topo-tools" ref={bar} role="toolbar" aria-label="Canvas filters">
        <select aria-label="Namespace" value={namespace ?? ''} onChange={(e) => setNamespace(e.target.value || null)}>
          <option value="">all namespaces</option>
          {namespaces.map((ns) => <option key={ns} value={ns}>{ns}</option>)}
        </select>
        <input aria-label="Label filter" placeholder="app=web" value={labelText} aria-invalid={invalid}
          title={invalid ? 'Write key=value pairs, separated by spaces or commas' : 'Only pods with these labels'}
          onChange={(e) => setLabelText(e.target.value)} />
        <button type="button" aria-keyshortcuts="Control+K" onClick={() => setSearchOpen(!searchOpen)}>Search ⌃K</button>
        <span className="topo-tools__hint">{podCount} pods</span>
        <PodLegend />
      </div>
      {searchOpen && <SearchBox model={model} shown={shown} />}
    </>
  )
}
