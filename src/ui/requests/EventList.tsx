// The event list (Packet Tracer's): every command with TRACEs, interleaved by simulated time with the
// control plane's Events (pod created, endpoint removed, probe failed); the playing command opens into its
// requests, and the followed request into every hop, each clickable.
import { useEffect, useMemo, useRef } from 'react'
import type { KubeObject, Stored } from '../../engine/api/types.ts'
import type { Event } from 'kubernetes-types/core/v1'
import { humanDuration } from '../../shell/kubectl/print/duration.ts'
import { eventTarget } from '../../shell/kubectl/print/tables/event.ts'
import { formatClock } from '../clock/clockStore.ts'
import { endingOf } from '../animation/schedule.ts'
import type { Timeline } from '../animation/useTimeline.ts'
import { useApp } from '../store.ts'
import { showHop } from './playback.ts'
import { requestStore, useRequests, type RequestRecord } from './requestStore.ts'

const SYSTEM = new Set(['kube-system', 'local-path-storage'])

interface ClusterEvent { key: string; time: number; first: number; type: string; reason: string; object: string; message: string; count: number }

const seconds = (stamp: unknown) => (typeof stamp === 'string' && stamp ? Date.parse(stamp) / 1000 : NaN)

function eventsOf(objects: readonly KubeObject[]): ClusterEvent[] {
  // The cluster's own start-up (kube-system) is noise here; the learner's objects are what explain a request.
  return objects.filter((o) => o.kind === 'Event' && !SYSTEM.has(o.metadata.namespace ?? '') && !SYSTEM.has((o as Stored<Event>).involvedObject?.namespace ?? '')).map((o) => {
    const e = o as Stored<Event>
    // An aggregated event sits at its last occurrence, as `kubectl get events` sorts it (LAST SEEN).
    const last = seconds(e.series?.lastObservedTime ?? e.lastTimestamp ?? e.eventTime ?? e.metadata.creationTimestamp)
    const first = seconds(e.firstTimestamp ?? e.eventTime ?? e.metadata.creationTimestamp)
    return { key: `${e.metadata.namespace}/${e.metadata.name}`, time: Number.isNaN(last) ? 0 : last, first: Number.isNaN(first) ? 0 : first,
      type: e.type ?? 'Normal', reason: e.reason ?? '', object: eventTarget(e), message: String(e.message ?? '').trim(),
      count: e.series?.count ?? e.count ?? 1 }
  })
}

type Row = { kind: 'event'; time: number; event: ClusterEvent } | { kind: 'record'; time: number; record: RequestRecord }

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
  const rows = useMemo(() => {
    const events = eventsOf(objects ?? []).sort((a, b) => a.time - b.time).slice(-60)
    const all: Row[] = [...events.map((event): Row => ({ kind: 'event', time: event.time, event })), ...records.map((record): Row => ({ kind: 'record', time: record.time, record }))]
    // Stable: at equal times, control-plane events first (they happened before the request saw them).
    return all.map((r, i) => ({ r, i })).sort((a, b) => a.r.time - b.r.time || (a.r.kind === b.r.kind ? a.i - b.i : a.r.kind === 'event' ? -1 : 1)).map((x) => x.r)
  }, [objects, records])

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
