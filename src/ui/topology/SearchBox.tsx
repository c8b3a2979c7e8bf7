// Ctrl+K: find a pod or a Service by name; Enter flies to it (its group opens enough to show the pod, and a
// filter that hides it is cleared).
import { useMemo, useState } from 'react'
import { getApp } from '../store.ts'
import { canvasStore } from './canvasStore.ts'
import type { TopologyModel } from './model.ts'
import { searchHits, type Hit } from './search.ts'

export function SearchBox({ model, shown }: { model: TopologyModel; shown: (id: string) => boolean }) {
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const hits = useMemo(() => searchHits(model, query), [model, query])
  const choose = (hit: Hit | undefined) => {
    if (!hit) return
    canvasStore.getState().reveal(hit.id, !shown(hit.id))
    getApp().select(hit.id)
  }
  return (
    <div className="topo-search" role="dialog" aria-label="Search the cluster">
      <input autoFocus aria-label="Find a pod or Service" placeholder="pod or Service name, or pod IP" value={query}
        aria-controls="topo-search-hits" role="combobox" aria-expanded={hits.length > 0}
        onChange={(e) => { setQuery(e.target.value); setActive(0) }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') canvasStore.getState().setSearchOpen(false)
          else if (e.key === 'ArrowDown') { e.preventDefault(); setActive((a) => Math.min(hits.length - 1, a + 1)) }
          else if (e.key === 'ArrowUp') { e.preventDefault(); setActive((a) => Math.max(0, a - 1)) }
          else if (e.key === 'Enter') choose(hits[active])
        }} />
      {query.trim() && (
        <ul id="topo-search-hits" role="listbox" aria-label="Matches">
          {hits.length === 0 && <li role="option" aria-selected="false" aria-disabled="true">no pod or Service matches</li>}
          {hits.map((h, i) => (
            <li key={h.id} role="option" aria-selected={i === active} onMouseDown={(e) => { e.preventDefault(); choose(h) }}>
              <span>{h.name}</span><span>{h.what}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
