// Side by side: the last request sent, run on two copies of the cluster that differ in the Service's
// externalTrafficPolicy (Cluster vs Local) or sessionAffinity (None vs ClientIP); each side can be animated.
import { useState } from 'react'
import type { CompareVariant } from '../../worker/protocol.ts'
import { endingOf, isDns } from '../animation/schedule.ts'
import { useEngine } from '../engineContext.ts'
import { requestStore, useRequests } from './requestStore.ts'
import { requestCommand } from './targets.ts'

export function CompareView() {
  const engine = useEngine()
  const lastSent = useRequests((s) => s.lastSent)
  const compare = useRequests((s) => s.compare)
  const [variant, setVariant] = useState<CompareVariant>('externalTrafficPolicy')
  const service = lastSent?.target.service
  const external = lastSent?.target.serviceType === 'NodePort' || lastSent?.target.serviceType === 'LoadBalancer'
  const run = () => {
    if (!lastSent || !service) return
    const line = variant === 'sessionAffinity' ? requestCommand(lastSent.source, lastSent.target, 'curl', 6) : lastSent.line
    requestStore.setState({ compare: { status: 'running', line, variant, sides: [] } })
    void engine.compare(line, service, variant).then((r) => requestStore.setState({ compare: { status: r.error ? 'error' : 'done', line, variant, sides: r.sides, error: r.error }, compareStage: !r.error }))
  }
  if (!lastSent || !service) return <p className="panel-empty">Send a request to a Service first; then compare it under two settings side by side.</p>
  return (
    <div className="compare" aria-label="Side by side">
      <fieldset className="compare__variant">
        <legend>Compare</legend>
        <label><input type="radio" name="variant" checked={variant === 'externalTrafficPolicy'} disabled={!external} onChange={() => setVariant('externalTrafficPolicy')} /> externalTrafficPolicy Cluster vs Local</label>
        <label><input type="radio" name="variant" checked={variant === 'sessionAffinity' || !external} onChange={() => setVariant('sessionAffinity')} /> sessionAffinity None vs ClientIP</label>
      </fieldset>
      <button type="button" className="button button--primary" onClick={run} disabled={compare?.status === 'running'}>Compare side by side</button>
      {compare && <p className="compare__line"><code>{compare.line}</code> on two copies of the cluster (same seed)</p>}
      {compare?.status === 'error' && <p className="batch__failed">{compare.error}</p>}
      {compare?.status === 'done' && <button type="button" className="button" onClick={() => requestStore.setState({ compareStage: true })}>Show both paths on the canvas</button>}
      {compare?.status === 'done' && (
        <div className="compare__sides">
          {compare.sides.map((side) => {
            const requests = side.traces.filter((t) => !isDns(t))
            return (
              <section key={side.label} className="compare__side" aria-label={side.label}>
                <h3>{side.label}</h3>
                <ol className="compare__requests">
                  {requests.map((t, i) => (
                    <li key={i}><span className={`ending ending--${endingOf(t)}`}>{endingOf(t)}</span>{t.servedBy ? ` by ${t.servedBy.replace(/^pod\//, '')}` : ''}
                      {t.clientIPSeenByServer ? <> · saw <code>{t.clientIPSeenByServer}</code></> : null}
                      {endingOf(t) !== 'delivered' && <div className="compare__why">{t.hops.at(-1)?.note}</div>}
                    </li>
                  ))}
                </ol>
                <ol className="compare__hops" aria-label={`Hops, ${side.label}`}>
                  {(requests[0]?.hops ?? []).map((h, i) => <li key={i}><span className="event-hop__n">{i + 1}</span> {h.at} <b>{h.action}</b></li>)}
                </ol>
                <button type="button" className="button" onClick={() => requestStore.setState({ override: { label: `${side.label}: ${compare.line}`, traces: side.traces }, focus: 0 })}>
                  Animate {side.label.split(': ')[1]}
                </button>
              </section>
            )
          })}
        </div>
      )}
    </div>
  )
}
