// The event list (Packet Tracer's): every command with TRACEs, interleaved by simulated time with the
// control plane's Events (pod created, endpoint removed, probe failed); the playing command opens into its
// requests, and the followed request into every hop, each clickable.
import { useEffect, useMemo, useRef } from 'react'
import { humanDuration } from '../../shell/kubectl/print/duration.ts'
import { formatClock } from '../clock/clockStore.ts'
import { endingOf } from '../animation/schedule.ts'
import type { Timeline } from '../animation/useTimeline.ts'
import { useApp } from '../store.ts'
import { showHop } from './playback.ts'
import { requestStore, useRequests, type RequestRecord } from './requestStore.ts'
import { eventRows } from './eventRows.ts'

function outcomeSummary(r: RequestRecord): string {
  const counts = new Map<string, number>()
  for (const t of r.traces) if (!(t.hops[0]?.dst.endsWith(':53'))) counts.set(t.outcome, (counts.get(t.outcome) ?? 0) + 1)
  return [...counts].map(([o, n]) => (r.traces.length > 2 ? `${n} ${o}` : o)).join(', ')
}

export function EventList({ timeline }: { timeline: Timeline }) {
  const objects = useApp((s) => s.snapshot?.objects)
  // describe's `(x3 over 40s)`: the first occurrence's age at the snapshot's time.
  const now = useApp((s) => s.snapshot?.time)
  const records = useRequests((s) => s.records)
  const playing = useRequests((s) => s.playing)
  const override = useRequests((s) => s.override)
  const focus = useRequests((s) => s.focus)
  const focusHop = useRequests((s) => s.focusHop)
  const list = useRef<HTMLOListElement>(null)
  useEffect(() => { list.current?.querySelector('.is-playing')?.scrollIntoView({ block: 'nearest' }) }, [playing, override])
  const rows = useMemo(() => eventRows(objects ?? [], records), [objects, records])

  return (
    <ol className="event-list" aria-label="Event list" ref={list}>
      {rows.map((row) => row.kind === 'event'
        ? <li key={`e:${row.event.key}`} className={`event event--cp${row.event.type === 'Warning' ? ' is-warning' : ''}`}>
            <time className="event__time">{formatClock(row.time)}</time>{' '}
            {row.event.type === 'Warning' && <span className="event__type">Warning </span>}
            <span className="event__reason">{row.event.reason}</span> <span className="event__object">{row.event.object}</span>
            {row.event.count > 1 && <span className="event__count"> (x{row.event.count} over {humanDuration((now ?? row.time) - row.event.first)})</span>}
            <div className="event__message">{row.event.message}</div>
          </li>
        : <li key={`r:${row.record.id}`} className={`event event--request${row.record.id === playing && !override ? ' is-playing' : ''}`}>
            <time className="event__time">{formatClock(row.time)}</time>{' '}
            <button type="button" className="event__replay" onClick={() => requestStore.setState({ playing: row.record.id, override: null })}
              aria-label={`Replay ${row.record.line}`}>▶</button>
            <code className="event__line">{row.record.line}</code> <span className="event__outcome">{outcomeSummary(row.record)}</span>
            {row.record.id === playing && !override && <PacketRows timeline={timeline} focus={focus} focusHop={focusHop} />}
          </li>)}
      {override && <li className="event event--request is-playing"><code className="event__line">{override.label}</code>
        <PacketRows timeline={timeline} focus={focus} focusHop={focusHop} /></li>}
    </ol>
  )
}

function PacketRows({ timeline, focus, focusHop }: { timeline: Timeline; focus: number; focusHop: number }) {
  const packets = timeline.packets
  return (
    <ol className="event-packets" aria-label="Requests">
      {packets.map((p) => (
        <li key={p.index} className={p.index === focus ? 'is-focus' : ''}>
          <button type="button" className="event-packet" aria-current={p.index === focus ? 'true' : undefined} onClick={() => showHop(timeline, p.index, 0)}>
            {p.kind === 'dns' ? 'DNS ' : ''}#{p.requestId + 1} {p.trace.to} → <span className={`ending ending--${endingOf(p.trace)}`}>{p.trace.servedBy ?? endingOf(p.trace)}</span>
          </button>
          {p.index === focus && (
            <ol className="event-hops" aria-label="Hops">
              {p.hops.map((h, i) => (
                <li key={i}>
                  <button type="button" className={`event-hop${i === focusHop ? ' is-current' : ''}${h.reply ? ' is-reply' : ''}`} aria-current={i === focusHop ? 'step' : undefined}
                    onClick={() => showHop(timeline, p.index, i)}>
                    <span className="event-hop__n">{i + 1}</span> {h.hop.at} <span className="event-hop__action">{h.hop.action}</span>
                  </button>
                </li>
              ))}
            </ol>
          )}
        </li>
      ))}
    </ol>
  )
}
