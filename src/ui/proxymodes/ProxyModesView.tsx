// Proxy modes side by side: one request (a Service address from the current cluster, as the Send request form
// offers them) traced through kube-proxy's iptables rules and through its nftables table on the node it enters,
// hop by hop with each rule's text and chain, the rows lined up where both modes do the same thing; under it,
// the cost curve as the number of Services grows. The engine computes all of it in the worker.
import { useEffect, useMemo, useState } from 'react'
import type { ProxyModesComparison } from '../../worker/protocol.ts'
import { useEngine } from '../engineContext.ts'
import { useRequests } from '../requests/requestStore.ts'
import { RuleText } from '../requests/RuleText.tsx'
import { requestSources, requestTargets } from '../requests/targets.ts'
import { useApp } from '../store.ts'
import { ScaleChart } from './ScaleChart.tsx'
import './proxyModes.css'

type ModeResult = ProxyModesComparison['modes'][number]
type Hop = ModeResult['hops'][number]

function HopCell({ hop, chain, n }: { hop: Hop | undefined; chain: string | undefined; n: number | null }) {
  if (!hop || n === null) return <td className="pm-hop pm-hop--none" aria-label="no step in this mode" />
  const nat = hop.src !== hop.srcAfter || hop.dst !== hop.dstAfter
  return (
    <td className={`pm-hop pm-hop--${hop.action}`} title={hop.note}>
      <div className="pm-hop__head"><span className="pm-hop__n">{n + 1}</span> <b>{hop.action}</b> {chain && <span className="pm-hop__chain">in {chain}</span>}</div>
      {hop.rule && <RuleText text={hop.rule} />}
      {nat && (
        <div className="pm-hop__nat">
          {hop.dst !== hop.dstAfter && <>dst <s>{hop.dst}</s> → <b>{hop.dstAfter}</b></>}
          {hop.src !== hop.srcAfter && <>src <s>{hop.src}</s> → <b>{hop.srcAfter}</b></>}
        </div>
      )}
    </td>
  )
}

function Summary({ m }: { m: ModeResult }) {
  return (
    <th scope="col" aria-label={`${m.mode} mode`}>
      <div className="pm-mode">{m.mode} mode · <span className="pm-tested">{m.evaluations.toLocaleString('en-US')} rules tested for this packet</span></div>
      <div className="pm-summary">
        {m.rules.toLocaleString('en-US')} rules{m.elements ? ` + ${m.elements.toLocaleString('en-US')} map elements` : ''} ·{' '}
        <span className={`ending--${m.verdict.outcome === 'forward' || m.verdict.outcome === 'local' ? 'delivered' : 'refused'}`}>
          {m.verdict.outcome}{m.verdict.dnat ? ` to ${m.verdict.dnat.ip}:${m.verdict.dnat.port}` : m.verdict.outcome === 'forward' ? ` to ${m.to}` : ''}
        </span>
      </div>
    </th>
  )
}

export function ProxyModesView() {
  const engine = useEngine()
  const snapshot = useApp((s) => s.snapshot)
  const lastSent = useRequests((s) => s.lastSent)
  const sources = useMemo(() => requestSources(snapshot), [snapshot])
  // Addresses kube-proxy decides (a Service's DNS name is its cluster IP again; an Ingress is the controller's).
  const all = useMemo(() => requestTargets(snapshot).filter((t) => t.share && !t.id.startsWith('dns:')), [snapshot])
  const [picked, setSource] = useState(() => lastSent?.source ?? 'host')
  // A pod picked as the client that is gone (deleted, scaled away) falls back to the host, as the list shows it.
  const source = sources.some((s) => s.id === picked) ? picked : 'host'
  const inCluster = sources.find((s) => s.id === source)?.inCluster ?? false
  const targets = all.filter((t) => inCluster || !t.inClusterOnly)
  const [targetId, setTargetId] = useState(() => lastSent?.target.id ?? '')
  const target = targets.find((t) => t.id === targetId)
    ?? targets.find((t) => t.id.startsWith('np:') && !t.label.includes('control-plane')) ?? targets[0]
  const [result, setResult] = useState<{ comparison: ProxyModesComparison | null; error?: string } | null>(null)
  const cloud = snapshot?.profile?.type === 'gke'
  const from = source === 'host' ? (cloud ? 'internet' : 'host') : source
  const share = target?.share
  const ip = share?.ip, port = share?.port
  // Asked again when the cluster changes (a pod became ready, a Service was edited): the rules changed too.
  const version = snapshot?.version ?? 0
  useEffect(() => {
    if (ip === undefined || port === undefined) return
    let live = true
    void engine.proxyModes({ from, ip, port }).then((r) => { if (live) setResult({ comparison: r.comparison, error: r.error }) })
    return () => { live = false }
  }, [engine, from, ip, port, version])
  const comparison = result?.comparison
  const [ipt, nft] = comparison?.modes ?? []
  return (
    <div className="proxy-modes" aria-label="Proxy modes">
      <div className="proxy-modes__pick">
        <label>From
          <select value={source} onChange={(e) => setSource(e.target.value)}>
            {sources.map((s) => <option key={s.id} value={s.id}>{s.label}</option>)}
          </select>
        </label>
        <label>To
          <select value={target?.id ?? ''} onChange={(e) => setTargetId(e.target.value)}>
            {!targets.length && <option value="">No Service to reach yet</option>}
            {targets.map((t) => <option key={t.id} value={t.id}>{t.label}</option>)}
          </select>
        </label>
      </div>
      {!share && <p className="panel-empty">No Service address kube-proxy handles from here yet. Expose a Deployment as a Service.</p>}
      {share && result?.error && <p className="batch__failed">{result.error}</p>}
      {share && result && !result.error && !comparison && <p className="panel-empty">kube-proxy does not decide this request on any node.</p>}
      {comparison && ipt && nft && (
        <>
          <p className="proxy-modes__packet" title="Both rule sets are compiled from the same Services and EndpointSlices, for this node.">
            <code>{comparison.packet.protocol} {comparison.packet.src} → {comparison.packet.dst}</code>, a new connection entering <b>{comparison.node}</b>.
            {nft.draws && nft.draws > 1 ? ` Both modes pick an endpoint at random; nftables drew ${nft.draws} times here to follow the endpoint iptables picked.` : ''}
          </p>
          <table className="proxy-modes__table" aria-label="Hops in both modes">
            <thead><tr><Summary m={ipt} /><Summary m={nft} /></tr></thead>
            <tbody>
              {comparison.rows.map((r, i) => (
                <tr key={i} className={r.a !== null && r.b !== null ? 'is-same' : 'is-one'}>
                  <HopCell hop={r.a === null ? undefined : ipt.hops[r.a]} chain={r.a === null ? undefined : ipt.chains[r.a]} n={r.a} />
                  <HopCell hop={r.b === null ? undefined : nft.hops[r.b]} chain={r.b === null ? undefined : nft.chains[r.b]} n={r.b} />
                </tr>
              ))}
            </tbody>
          </table>
          <p className="scale-chart__note">A row holds the step both modes take; a step only one mode needs stands alone. Hover a hop for why it matched.</p>
        </>
      )}
      <ScaleChart />
    </div>
  )
}
