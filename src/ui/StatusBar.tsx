// The bottom line: the document's YAML status (or its first error) and a summary of the drawn cluster.
import { useDeferredValue, useMemo } from 'react'
import { describeStatus, docStatus } from './document/docStatus.ts'
import { useApp } from './store.ts'

export function StatusBar() {
  // Parsing every document of a long file takes a frame or more (1,650 lines: ~24 ms): React does it in a deferred
  // render, after the keystroke's own, and skips it while newer text keeps coming. First render: nothing to parse yet.
  const text = useDeferredValue(useApp((s) => s.text), null)
  const status = useMemo(() => (text === null ? null : docStatus(text)), [text])
  const snapshot = useApp((s) => s.snapshot)
  const editorReady = useApp((s) => s.editorReady)
  const count = (kind: string) => snapshot?.objects.filter((o) => o.kind === kind).length ?? 0
  return (
    <footer className="status-bar">
      <div role="status" aria-label="Document status" className={status?.error ? 'status-bar__doc is-error' : 'status-bar__doc'}>
        {status ? describeStatus(status) : ''}
      </div>
      <div className="status-bar__cluster">
        {snapshot ? `${count('Node')} nodes · ${count('Pod')} pods · ${count('Service')} services · v${snapshot.version}` : 'no cluster yet'}
      </div>
      <div className="status-bar__editor">{editorReady ? 'editor ready' : 'editor loading'}</div>
    </footer>
  )
}
