// Why nftables mode exists, drawn: rules the kernel tests for one new connection, and rules in the ruleset, as a
// synthetic cluster grows from 1 to 1,000 Services (the engine compiles both proxiers in the worker; plain SVG).
import { useEffect, useState } from 'react'
import type { ScalePoint } from '../../worker/protocol.ts'
import { useEngine } from '../engineContext.ts'

const W = 250, H = 140, PAD = { left: 40, right: 18, top: 10, bottom: 26 }

interface Series { label: string; className: string; values: number[] }

function Plot({ title, points, series }: { title: string; points: ScalePoint[]; series: Series[] }) {
  const max = Math.max(1, ...series.flatMap((s) => s.values))
  // Services on a log scale (1, 10, 100, 1,000 evenly spaced); counts on a linear one, so flat stays flat.
  const x = (i: number) => PAD.left + (i * (W - PAD.left - PAD.right)) / Math.max(1, points.length - 1)
  const y = (v: number) => H - PAD.bottom - (v / max) * (H - PAD.top - PAD.bottom)
  return (
    <figure className="scale-chart__plot">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${title}: ${series.map((s) => `${s.label} ${s.values.join(', ')}`).join('; ')}`}>
        <line className="scale-chart__axis" x1={PAD.left} y1={H - PAD.bottom} x2={W - PAD.right} y2={H - PAD.bottom} />
        <line className="scale-chart__axis" x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={H - PAD.bottom} />
        <text className="scale-chart__tick" x={PAD.left - 4} y={PAD.top + 4} textAnchor="end">{max.toLocaleString('en-US')}</text>
        <text className="scale-chart__tick" x={PAD.left - 4} y={H - PAD.bottom} textAnchor="end">0</text>
        {points.map((p, i) => <text key={p.services} className="scale-chart__tick" x={x(i)} y={H - PAD.bottom + 12} textAnchor="middle">{p.services.toLocaleString('en-US')}</text>)}
        <text className="scale-chart__tick" x={(W + PAD.left) / 2} y={H - 2} textAnchor="middle">Services (log scale)</text>
        {series.map((s) => (
          <g key={s.label} className={s.className}>
            <polyline fill="none" points={s.values.map((v, i) => `${x(i)},${y(v)}`).join(' ')} />
            {s.values.map((v, i) => <circle key={i} cx={x(i)} cy={y(v)} r={2.5}><title>{`${s.label}, ${points[i].services} Services: ${v.toLocaleString('en-US')}`}</title></circle>)}
          </g>
        ))}
      </svg>
      <figcaption>{title}</figcaption>
    </figure>
  )
}

export function ScaleChart() {
  const engine = useEngine()
  const [result, setResult] = useState<{ points: ScalePoint[]; ms: number } | null>(null)
  useEffect(() => {
    let live = true
    void engine.proxyScale().then((r) => { if (live) setResult(r) })
    return () => { live = false }
  }, [engine])
  if (!result) return <p className="panel-empty" role="status">Compiling 1, 10, 100 and 1,000 Services in both modes…</p>
  const { points, ms } = result
  if (!points.length) return <p className="batch__failed">The engine could not compile the synthetic clusters.</p>
  const fmt = (n: number) => n.toLocaleString('en-US')
  return (
    <section className="scale-chart" aria-label="Cost as Services grow">
      <h3>As the cluster grows</h3>
      <div className="scale-chart__plots">
        <Plot title="Rules tested for one new connection to the last Service" points={points} series={[
          { label: 'iptables', className: 'scale-chart__ipt', values: points.map((p) => p.iptables.tested) },
          { label: 'nftables', className: 'scale-chart__nft', values: points.map((p) => p.nftables.tested) },
        ]} />
        <Plot title="Rules in the node's ruleset (nftables: + map/set elements, dashed)" points={points} series={[
          { label: 'iptables rules', className: 'scale-chart__ipt', values: points.map((p) => p.iptables.rules) },
          { label: 'nftables rules', className: 'scale-chart__nft', values: points.map((p) => p.nftables.rules) },
          { label: 'nftables elements', className: 'scale-chart__nft scale-chart__elements', values: points.map((p) => p.nftables.elements) },
        ]} />
      </div>
      <table className="scale-chart__table" aria-label="Rules per mode and Service count">
        <thead><tr><th>Services</th><th>iptables tested</th><th>nftables tested</th><th>iptables rules</th><th>nftables rules + elements</th></tr></thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.services}><td>{fmt(p.services)}</td><td>{fmt(p.iptables.tested)}</td><td>{fmt(p.nftables.tested)}</td><td>{fmt(p.iptables.rules)}</td><td>{fmt(p.nftables.rules)} + {fmt(p.nftables.elements)}</td></tr>
          ))}
        </tbody>
      </table>
      <p className="scale-chart__note">
        iptables walks KUBE-SERVICES one rule per Service until the packet's own; nftables finds it with one lookup in
        the <code>service-ips</code> verdict map. Synthetic ClusterIP Services of two endpoints each, compiled by both
        proxiers in the engine's worker in {Math.round(ms)} ms (once per session).
      </p>
    </section>
  )
}
