// "Send request": from the host, an internet client or any pod, to an address the cluster exposes, as new
// connections (curl) or one keep-alive connection (a browser), 1, 10 or 100 times. It types the equivalent
// command into the console; the TRACEs that come back are animated.
import { useMemo, useState, type FormEvent } from 'react'
import { runInConsole } from '../console/consoleBus.ts'
import { useApp } from '../store.ts'
import { requestStore } from './requestStore.ts'
import { requestCommand, requestSources, requestTargets, type RequestMode } from './targets.ts'

const COUNTS = [1, 10, 100]

/** The form's first choice: the load balancer, else a worker's node port, else whatever exists. */
function preferred<T extends { id: string; label: string }>(targets: T[]): T | undefined {
  return targets.find((t) => t.id.startsWith('lb:')) ?? targets.find((t) => t.id.startsWith('np:') && !t.label.includes('control-plane')) ?? targets[0]
}

export function SendRequestForm() {
  const snapshot = useApp((s) => s.snapshot)
  const sources = useMemo(() => requestSources(snapshot), [snapshot])
  const allTargets = useMemo(() => requestTargets(snapshot), [snapshot])
  const [source, setSource] = useState('host')
  const inCluster = sources.find((s) => s.id === source)?.inCluster ?? false
  const targets = allTargets.filter((t) => inCluster || !t.inClusterOnly)
  const [targetId, setTargetId] = useState(() => preferred(allTargets.filter((t) => !t.inClusterOnly))?.id ?? '')
  const target = targets.find((t) => t.id === targetId) ?? preferred(targets)
  const [mode, setMode] = useState<RequestMode>('curl')
  const [count, setCount] = useState(1)
  const line = target ? requestCommand(source, target, mode, count) : ''

  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (!target) return
    requestStore.setState({ pending: { line, source, target, count }, formOpen: false, lastSent: { line: requestCommand(source, target, 'curl', 1), source, target } })
    void runInConsole(line)
  }

  return (
    <div className="send-form" role="dialog" aria-label="Send request" onKeyDown={(e) => { if (e.key === 'Escape') requestStore.setState({ formOpen: false }) }}>
      <form onSubmit={submit}>
        <label>From
          <select value={source} onChange={(e) => setSource(e.target.value)} autoFocus>
            {sources.map((s) => <option key={s.id} value={s.id}>{s.label}</option>)}
          </select>
        </label>
        <label>To
          <select value={target?.id ?? ''} onChange={(e) => setTargetId(e.target.value)}>
            {targets.length === 0 && <option value="">No Service to reach yet</option>}
            {targets.map((t) => <option key={t.id} value={t.id}>{t.label}</option>)}
          </select>
        </label>
        <fieldset>
          <legend>Connection</legend>
          <label><input type="radio" name="mode" checked={mode === 'curl'} onChange={() => setMode('curl')} /> new connection each time (curl)</label>
          <label><input type="radio" name="mode" checked={mode === 'keep-alive'} onChange={() => setMode('keep-alive')} /> one keep-alive connection (browser)</label>
        </fieldset>
        <label>Count
          <select value={count} onChange={(e) => setCount(Number(e.target.value))}>
            {COUNTS.map((c) => <option key={c} value={c}>{c}</option>)}
          </select>
        </label>
        <code className="send-form__line" aria-label="Command">{line}</code>
        <div className="send-form__actions">
          <button type="submit" className="button button--primary" disabled={!target}>Send</button>
          <button type="button" className="button" onClick={() => requestStore.setState({ formOpen: false })}>Cancel</button>
        </div>
      </form>
    </div>
  )
}
