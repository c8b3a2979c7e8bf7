// The bottom line: the document's YAML status (or its first error) and a summary of the drawn cluster.
import { describeStatus } from './document/docStatus.ts'
import { useApp } from './store.ts'

export function StatusBar() {
  const status = useApp((s) => s.status)
  const snapshot = useApp((s) => s.snapshot)
  const editorReady = useApp((s) => s.editorReady)
  const count = (kind: string) => snapshot?.objects.filter((o) => o.kind === kind).length ?? 0
  return (
    <footer className="status-bar">
      <div role="status" aria-label="Document status" className={status.error ? 'status-bar__doc is-error' : 'status-bar__doc'}>
        {describeStatus(status)}
      </div>
      <div className="status-bar__cluster">
        {snapshot ? `${count('Node')} nodes · ${count('Pod')} pods · ${count('Service')} services · v${snapshot.version}` : 'no cluster yet'}
      </div>
      <div className="status-bar__editor">{editorReady ? 'editor ready' : 'editor loading'}</div>
    </footer>
  )
}
