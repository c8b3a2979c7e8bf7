// The batch view: requests per pod and per node as bars, each with the share kube-proxy's rules promise
// (a tick on the bar and a number), connections that failed, and the client addresses the pods saw (SNAT).
import { useMemo } from 'react'
import { useApp } from '../store.ts'
import { summarize, type Bar } from './batch.ts'
import { recordById, useRequests } from './requestStore.ts'

const pct = (x: number) => `${Math.round(x * 100)}%`

function Bars({ bars, label, total }: { bars: Bar[]; label: string; total: number }) {
  const max = Math.max(1e-9, ...bars.map((b) => Math.max(b.share, b.expected ?? 0)))
  return (
    <ul className="histogram" aria-label={label}>
      {bars.map((b) => (
        <li key={b.key} className="histogram__row" aria-label={`${b.label}: ${b.count} of ${total} (${pct(b.share)})${b.expected === null ? '' : `, expected ${pct(b.expected)}`}`}
          data-count={b.count}>
          <span className="histogram__label" title={b.key}>{b.label}</span>
          <span className="histogram__track">
            <span className="histogram__bar" style={{ width: `${(b.share / max) * 100}%` }} />
            {b.expected !== null && <span className="histogram__expected" style={{ left: `${(b.expected / max) * 100}%` }} title={`expected ${pct(b.expected)}`} />}
          </span>
          <span className="histogram__value">{b.count} · {pct(b.share)}{b.expected !== null && <span className="histogram__exp"> (exp. {pct(b.expected)})</span>}</span>
        </li>
      ))}
    </ul>
  )
}

export function BatchView() {
  const batch = useRequests((s) => s.batch)
  const records = useRequests((s) => s.records)
  const snapshot = useApp((s) => s.snapshot)
  const summary = useMemo(() => {
    const record = batch ? recordById(batch.recordId) : undefined
    if (!batch || !record) return null
    const podNode = new Map((snapshot?.objects ?? []).filter((o) => o.kind === 'Pod').map((o) => [`pod/${o.metadata.name}`, o.spec?.nodeName as string]))
    return summarize(record.traces, (p) => podNode.get(p) ?? null, batch.expected)
    // records: a batch's record arrives after the batch info
  }, [batch, records, snapshot])
  if (!batch || !summary) return <p className="panel-empty">Send 10 or 100 requests (Send request → Count) to see how they spread over the pods.</p>
  return (
    <div className="batch" aria-label="Batch view">
      <p className="batch__head"><strong>{summary.total}</strong> requests to <code>{batch.target.url}</code>{batch.source !== 'host' ? ` from ${batch.source.split('/').pop()}` : ''}</p>
      <h3>Per pod</h3>
      <Bars bars={summary.byPod} label="Requests per pod" total={summary.total} />
      <h3>Per node</h3>
      <Bars bars={summary.byNode} label="Requests per node" total={summary.total} />
      {batch.expected
        ? <p className="batch__note">Ticks: the share the rules give each endpoint ({batch.expected.chains.filter((c) => !c.startsWith('KUBE-SEP-')).join(' → ')} → KUBE-SEP-…)
            {batch.expected.entries.length > 1 && `; the load balancer spreads over ${batch.expected.entries.length} nodes`}
            {batch.expected.dropped > 0 && `; ${pct(batch.expected.dropped)} dropped by the rules`}.</p>
        : <p className="batch__note">No expected share for this address (not decided by kube-proxy's rules).</p>}
      {summary.failed.length > 0 && <p className="batch__failed" aria-label="Failed requests">{summary.failed.map((f) => `${f.count} ${f.outcome}`).join(', ')}</p>}
      <h3>Client IP the pods saw (SNAT)</h3>
      <ul className="snat" aria-label="Client IPs seen by the pods">
        {summary.clientIPs.map((c) => <li key={c.ip}><code>{c.ip}</code> × {c.count}</li>)}
      </ul>
    </div>
  )
}
