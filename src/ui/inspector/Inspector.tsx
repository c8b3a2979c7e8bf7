// The inspector beside the topology: the selected object's live YAML (with status), `kubectl describe`,
// its events and, for a node, its iptables-save; plus failure-injection buttons that run in the console.
import { useEffect, useMemo, useState } from 'react'
import { runInConsole } from '../console/consoleBus.ts'
import { useEngine } from '../engineContext.ts'
import { getApp, useApp } from '../store.ts'
import { actionsFor } from './actions.ts'
import { highlight } from './highlight.ts'

type View = 'yaml' | 'describe' | 'events' | 'iptables'
const LABELS: Record<View, string> = { yaml: 'YAML', describe: 'Describe', events: 'Events', iptables: 'iptables-save' }

function Code({ text, language }: { text: string; language: 'yaml' | 'iptables' | 'plain' }) {
  const lines = useMemo(() => highlight(text, language), [text, language])
  return (
    <pre className="inspector__code" tabIndex={0}>
      {lines.map((spans, i) => (
        <div key={i}>{spans.map((s, j) => <span key={j} className={s.cls}>{s.text}</span>)}{spans.length ? null : '\u00a0'}</div>
      ))}
    </pre>
  )
}

export function Inspector({ selection }: { selection: string }) {
  const engine = useEngine()
  const version = useApp((s) => s.snapshot?.version)
  const snapshot = useApp((s) => s.snapshot)
  const inspection = useApp((s) => s.inspection)
  const [view, setView] = useState<View>('yaml')
  const [kind, namespace, name] = selection.split('/')
  const exists = !!snapshot?.objects.some((o) => `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}` === selection)

  useEffect(() => {
    if (!exists) return
    let cancelled = false
    const timer = setTimeout(() => {
      void engine.inspect(selection).then((i) => { if (!cancelled && getApp().selection === selection) getApp().setInspection(i) }, () => {})
    }, inspection?.key === selection ? 120 : 0)
    return () => { cancelled = true; clearTimeout(timer) }
  }, [engine, selection, version, exists])

  const views: View[] = kind === 'Node' ? ['yaml', 'describe', 'events', 'iptables'] : ['yaml', 'describe', 'events']
  const current = views.includes(view) ? view : 'yaml'
  const actions = actionsFor(selection, snapshot)
  const data = inspection?.key === selection ? inspection : null
  const text = data ? (current === 'iptables' ? data.iptables ?? '' : data[current]) : ''

  return (
    <aside className="inspector" aria-label="Inspector">
      <header className="inspector__header">
        <h3 className="inspector__title"><span className="chip">{kind}</span> {namespace && namespace !== 'default' ? `${namespace}/` : ''}{name}</h3>
        <button className="button button--ghost" aria-label="Close inspector" onClick={() => getApp().select(null)}>×</button>
      </header>
      {!exists && <p className="inspector__gone" role="status">{kind} {name} no longer exists.</p>}
      {actions.length > 0 && exists && (
        <div className="inspector__actions" role="toolbar" aria-label="Actions">
          {actions.map((a) => (
            <button key={a.command} className="button" title={a.command} onClick={() => void runInConsole(a.command)}>{a.label}</button>
          ))}
        </div>
      )}
      <div role="tablist" aria-label="Inspector views" className="inspector__tabs">
        {views.map((v) => (
          <button key={v} role="tab" aria-selected={v === current} className="inspector__tab" onClick={() => setView(v)}>{LABELS[v]}</button>
        ))}
      </div>
      <div role="tabpanel" aria-label={LABELS[current]} className="inspector__panel">
        {data ? <Code text={text || '(empty)\n'} language={current === 'yaml' ? 'yaml' : current === 'iptables' ? 'iptables' : 'plain'} />
          : <p className="pane__placeholder">Loading…</p>}
      </div>
    </aside>
  )
}
