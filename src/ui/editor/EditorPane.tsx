// The left pane: file tabs over the manifest editor, started only once the topology is on screen (first-paint budget).
import { Suspense, lazy, useEffect, useState } from 'react'
import { useApp } from '../store.ts'
import { EditorTabs } from './EditorTabs.tsx'
import { useGuard } from './inputGuard.ts'
import { ProblemsList } from './ProblemsList.tsx'
import { preloadEditorChunk } from './preloadEditor.ts'
import { loadEditorModule } from './startEditor.ts'

const MonacoEditor = lazy(loadEditorModule)
const START_ANYWAY_MS = 2500 // if the topology never draws, the editor must still come up

export function EditorPane() {
  const topologyReady = useApp((s) => s.topologyReady)
  const lastApply = useApp((s) => s.lastApply)
  const autoApply = useApp((s) => s.autoApply)
  const [timedOut, setTimedOut] = useState(false)
  const notice = useGuard((s) => s.notice)
  const plain = useGuard((s) => s.plain)
  useEffect(() => {
    preloadEditorChunk(document) // fetched and parsed now, run after the topology is drawn
    const timer = setTimeout(() => setTimedOut(true), START_ANYWAY_MS)
    return () => clearTimeout(timer)
  }, [])
  const loading = <p className="pane__placeholder">Loading the editor…</p>
  return (
    <section className="pane pane--editor" aria-label="Editor" id="pane-editor" tabIndex={-1} aria-keyshortcuts="Alt+1">
      <header className="pane__header">
        <h2>Manifests</h2>
        <span className="pane__hint" role="status" aria-label="Last apply">
          {lastApply ? (lastApply.applied ? `applied${lastApply.changes.length ? `: ${lastApply.changes.join(', ')}` : ', no change'}` : 'not applied: fix the errors') : autoApply ? 'applying…' : 'applied by the steps, not as you type'}
        </span>
      </header>
      <EditorTabs />
      {(notice || plain) && <p className="pane__notice" role="alert" aria-label="Editor notice">{notice ?? plain}</p>}
      <div className="pane__body">
        {topologyReady || timedOut ? <Suspense fallback={loading}><MonacoEditor /></Suspense> : loading}
      </div>
      <ProblemsList />
    </section>
  )
}
