// The bottom pane: a terminal that sends each line to the shell bridge. xterm starts once the editor is up (or
// after a while): on first load its script and first render would compete with the topology and Monaco.
import { Suspense, lazy, useEffect, useState } from 'react'
import { getApp, useApp } from '../store.ts'
import type { ShellBridge } from './shellBridge.ts'

const TerminalView = lazy(() => import('./TerminalView.tsx'))
const START_ANYWAY_MS = 3000

export function ConsolePane({ shell }: { shell: ShellBridge }) {
  const editorReady = useApp((s) => s.editorReady)
  const autoApply = useApp((s) => s.autoApply)
  const [timedOut, setTimedOut] = useState(false)
  useEffect(() => {
    const timer = setTimeout(() => setTimedOut(true), START_ANYWAY_MS)
    return () => clearTimeout(timer)
  }, [])
  const starting = <p className="pane__placeholder">Starting the console…</p>
  return (
    <section className="pane pane--console" aria-label="Console" id="pane-console" tabIndex={-1} aria-keyshortcuts="Alt+3">
      <header className="pane__header">
        <h2>Console</h2>
        <span className="pane__hint">Tab completes · ↑/↓ history · Ctrl+R searches it · Ctrl+C interrupts</span>
        {/* Following a text (kubectl create -f, then apply -f …): the editor then only holds the files. */}
        <label className="pane__hint pane__toggle" title="The editor stops applying the document as you type; `kubectl apply -f FILE` in the console applies an editor file">
          <input type="checkbox" checked={!autoApply} onChange={(e) => getApp().setAutoApply(!e.target.checked)} /> Apply from the console only
        </label>
      </header>
      <div className="pane__body">
        {editorReady || timedOut ? <Suspense fallback={starting}><TerminalView shell={shell} /></Suspense> : starting}
      </div>
    </section>
  )
}
