// The hop card: where the followed packet is, its 5-tuple before and after this hop (DNAT and SNAT marked),
// the rule that decided (verbatim, with the chain path that led there) and the trace's sentence.
import { useState } from 'react'
import { useRequests } from '../requests/requestStore.ts'
import { chainPath, endingOf, type Packet } from './schedule.ts'
import type { Timeline } from './useTimeline.ts'

const OUTCOME_TEXT = { delivered: 'Delivered', refused: 'Refused', dropped: 'Dropped (timeout)', unresolved: 'Unresolved (DNS)', 'http-error': 'HTTP error' } as const

const protocolOf = (p: Packet) => (p.kind === 'dns' ? 'UDP' : 'TCP')

function natLabel(action: string, srcChanged: boolean, dstChanged: boolean): string | null {
  if (/^un-/.test(action)) return `reverse NAT (${action})`
  if (dstChanged && srcChanged) return 'DNAT + SNAT'
  if (dstChanged) return 'DNAT'
  if (srcChanged) return 'SNAT'
  return null
}

/** The one line a small canvas shows instead of the 5-tuple table: what this hop rewrote, or that it rewrote nothing. */
function changeLine(hop: { src: string; srcAfter: string; dst: string; dstAfter: string; action: string }, nat: string | null): string {
  const parts: string[] = []
  if (hop.src !== hop.srcAfter) parts.push(`source ${hop.src} → ${hop.srcAfter}`)
  if (hop.dst !== hop.dstAfter) parts.push(`destination ${hop.dst} → ${hop.dstAfter}`)
  return parts.length ? `${nat}: ${parts.join(', ')}` : `${hop.src} → ${hop.dst}, unchanged`
}

export function HopCard({ timeline }: { timeline: Timeline }) {
  // On a small canvas (CSS container query) the card shows one change line; "Details" opens the rest.
  const [open, setOpen] = useState(false)
  const focus = useRequests((s) => s.focus)
  const focusHop = useRequests((s) => s.focusHop)
  const p = timeline.packets[focus]
  if (!p) return null
  const index = Math.max(0, focusHop)
  const h = p.hops[index]
  const requests = new Set(timeline.packets.map((x) => x.requestId)).size
  const ending = endingOf(p.trace)
  const last = index === p.hops.length - 1 || !p.hops.length
  if (!h) {
    return (
      <section className="hop-card" aria-label="Hop card">
        <header className="hop-card__head"><strong>{p.trace.to}</strong></header>
        <p className={`hop-card__outcome hop-card__outcome--${ending}`} aria-label="Outcome">{OUTCOME_TEXT[ending]}: no address for this name, so nothing was sent.</p>
      </section>
    )
  }
  const { hop } = h
  const srcChanged = hop.src !== hop.srcAfter
  const dstChanged = hop.dst !== hop.dstAfter
  const nat = natLabel(hop.action, srcChanged, dstChanged)
  const chains = chainPath(p.hops.slice(0, index + 1).map((x) => x.hop))
  return (
    <section className={open ? 'hop-card hop-card--open' : 'hop-card'} aria-label="Hop card">
      <header className="hop-card__head">
        <span className="hop-card__where" aria-label="Where">{hop.at}</span>
        <span className="chip">{hop.component}</span>
        <span className={`chip hop-card__action${nat ? ' chip--nat' : ''}`}>{hop.action}</span>
        <span className="hop-card__count">{p.kind === 'dns' ? 'DNS lookup · ' : ''}request {p.requestId + 1}/{requests} · hop {index + 1}/{p.hops.length}{h.reply ? ' · reply' : ''}</span>
      </header>
      <div className="hop-card__compact">
        <p className={`hop-card__change${nat ? ' is-changed' : ''}`} aria-label="Address change">{changeLine(hop, nat)}</p>
        <button type="button" className="hop-card__more" aria-expanded={open} onClick={() => setOpen(!open)}>{open ? 'Less' : 'Details'}</button>
      </div>
      <table className="hop-card__tuple" aria-label="5-tuple">
        <thead><tr><th scope="col">{protocolOf(p)}</th><th scope="col">before</th><th scope="col">after</th></tr></thead>
        <tbody>
          <tr className={srcChanged ? 'is-changed' : ''}><th scope="row">source</th><td>{hop.src}</td><td>{hop.srcAfter}{srcChanged && <span className="nat-tag">{/^un-/.test(hop.action) ? hop.action : 'SNAT'}</span>}</td></tr>
          <tr className={dstChanged ? 'is-changed' : ''}><th scope="row">destination</th><td>{hop.dst}</td><td>{hop.dstAfter}{dstChanged && <span className="nat-tag">{/^un-/.test(hop.action) ? hop.action : 'DNAT'}</span>}</td></tr>
        </tbody>
      </table>
      {chains.length > 1 && <p className="hop-card__chains" aria-label="Chain path">{chains.join(' → ')}</p>}
      {hop.rule && <pre className="hop-card__rule" aria-label="Matched rule">{hop.rule}</pre>}
      <p className="hop-card__note">{hop.note}</p>
      {last && <p className={`hop-card__outcome hop-card__outcome--${ending}`} aria-label="Outcome">{OUTCOME_TEXT[ending]}
        {ending === 'delivered' && p.trace.servedBy ? ` by ${p.trace.servedBy}` : ''}
        {p.trace.clientIPSeenByServer ? ` · the server saw ${p.trace.clientIPSeenByServer}` : ''}</p>}
    </section>
  )
}
