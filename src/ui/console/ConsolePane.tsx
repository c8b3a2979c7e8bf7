// The bottom pane: a terminal that sends each line to the shell bridge.
import { Suspense, lazy } from 'react'
import type { ShellBridge } from './shellBridge.ts'

const TerminalView = lazy(() => import('./TerminalView.tsx'))

export function ConsolePane({ shell }: { shell: ShellBridge }) {
  return (
    <section className="pane pane--console" aria-label="Console" id="pane-console" tabIndex={-1} aria-keyshortcuts="Alt+3">
      <header className="pane__header">
        <h2>Console</h2>
        <span className="pane__hint">Tab completes · ↑/↓ history · Ctrl+C cancels the line</span>
      </header>
      <div className="pane__body">
        <Suspense fallback={<p className="pane__placeholder">Starting the console…</p>}>
          <TerminalView shell={shell} />
        </Suspense>
      </div>
    </section>
  )
}
