// The bottom line: the document's YAML status (or its first error) and a summary of the drawn cluster.
import { useEffect, useMemo, useState } from 'react'
import { describeStatus, docStatus } from './document/docStatus.ts'
import { SaveStatus } from './persistence/SaveStatus.tsx'
import { useApp } from './store.ts'

const SETTLE_MS = 200

/**
 * `value` once it has stopped changing for `ms` and the page is idle (null until then): typing does not wait for
 * what it feeds, and neither does the first screen (the first value settles after the start-up work).
 */
function useSettled<T>(value: T, ms: number): T | null {
  const [settled, setSettled] = useState<T | null>(null)
  useEffect(() => {
    let idle: number | undefined
    const settle = () => setSettled(() => value)
    const timer = setTimeout(() => {
      if ('requestIdleCallback' in window) idle = requestIdleCallback(settle, { timeout: 1000 })
      else settle()
    }, ms)
    return () => {
      clearTimeout(timer)
      if (idle !== undefined) cancelIdleCallback(idle)
    }
  }, [value, ms])
  return settled
}

export function StatusBar() {
  // Parsing every document of a long file takes a frame or more (1,650 lines: ~20 ms), so it waits until the text
  // has been still for a moment instead of running after every key.
  const text = useSettled(useApp((s) => s.text), SETTLE_MS)
  const status = useMemo(() => (text === null ? null : docStatus(text)), [text])
  const snapshot = useApp((s) => s.snapshot)
  const editorReady = useApp((s) => s.editorReady)
  // The bar re-renders on every key (it watches the text): count the objects once per snapshot.
  const cluster = useMemo(() => {
    if (!snapshot) return 'no cluster yet'
    const count = (kind: string) => snapshot.objects.filter((o) => o.kind === kind).length
    return `${count('Node')} nodes · ${count('Pod')} pods · ${count('Service')} services · v${snapshot.version}`
  }, [snapshot])
  return (
    <footer className="status-bar">
      <div role="status" aria-label="Document status" className={status?.error ? 'status-bar__doc is-error' : 'status-bar__doc'}>
        {status ? describeStatus(status) : ''}
      </div>
      <SaveStatus />
      <div className="status-bar__cluster">
        {cluster}
      </div>
      <div className="status-bar__editor">{editorReady ? 'editor ready' : 'editor loading'}</div>
    </footer>
  )
}
