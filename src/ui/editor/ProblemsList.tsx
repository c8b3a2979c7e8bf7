// Under the editor: every marker the engine reported (YAML, API server, lint) with file, line and column.
import { getApp, useApp } from '../store.ts'

export function ProblemsList() {
  const markers = useApp((s) => s.markers)
  if (!markers.length) return null
  return (
    <ul className="problems" aria-label="Problems">
      {markers.map((m, i) => (
        <li key={i} className={`problems__item problems__item--${m.severity}`}>
          <button className="problems__where" onClick={() => getApp().openFile(m.file)} title={`Open ${m.file}`}>{m.file}:{m.line}:{m.col}</button>
          <span className="problems__source">{m.source === 'api' ? 'API server' : m.source === 'lint' ? 'lint' : m.source}</span>
          <span className="problems__message">{m.message}</span>
        </li>
      ))}
    </ul>
  )
}
