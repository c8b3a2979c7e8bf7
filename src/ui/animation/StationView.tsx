// The box the followed packet is in, opened: one row per station it crosses there (kube-proxy's chains in
// their hooks, the DNAT, the routing decision, MASQUERADE, conntrack, the veth), the component doing the work
// lit, and the packet's label (source → destination) that strikes the old value at a NAT. Drawn in flow
// space beside the box, so the camera's zoom makes it readable; the dot itself is moved by PacketLayer.
import { useReactFlow } from '@xyflow/react'
import { forwardRef, useMemo } from 'react'
import { useRequests } from '../requests/requestStore.ts'
import type { Packet } from './schedule.ts'
import { openedRect, visitAt, visitsOf, type Rect, type Visit } from './stations.ts'
import type { Timeline } from './useTimeline.ts'
import { drawnId } from './tracks.ts'

const visitCache = new WeakMap<Packet, Visit[]>()

/** The packet's visits (computed once per packet). */
export function packetVisits(p: Packet): Visit[] {
  let v = visitCache.get(p)
  if (!v) { v = visitsOf(p); visitCache.set(p, v) }
  return v
}

/** A visit opens when it has more than one station (a pod that only accepts stays a card). */
export const opens = (v: Visit | null): v is Visit => !!v && v.stations.length > 1

function boxName(id: string): string {
  if (id === 'client') return 'your machine'
  return id.slice(id.lastIndexOf('/') + 1)
}

/** The box's rectangle in flow coordinates (null while React Flow has not measured it). */
function useBoxRect(): (id: string) => Rect | null {
  const { getInternalNode } = useReactFlow()
  return (id) => {
    const n = getInternalNode(drawnId(id))
    return n ? { x: n.internals.positionAbsolute.x, y: n.internals.positionAbsolute.y, width: n.measured.width ?? 0, height: n.measured.height ?? 0 } : null
  }
}

export function StationView({ timeline }: { timeline: Timeline }) {
  const focus = useRequests((s) => s.focus)
  const focusHop = useRequests((s) => s.focusHop)
  const rectOf = useBoxRect()
  const p = timeline.packets[focus]
  const visit = p && focusHop >= 0 ? visitAt(packetVisits(p), focusHop) : null
  const workers = useMemo(() => (visit ? [...new Set(visit.stations.map((s) => s.worker))] : []), [visit])
  if (!opens(visit)) return null
  const box = rectOf(visit.box)
  if (!box) return null
  const r = openedRect(box, visit.stations.length)
  const current = focusHop - visit.first
  const active = visit.stations[current]?.worker
  const name = boxName(visit.box)
  return (
    <section className="stations" role="region" aria-label={`Inside ${name}`} style={{ left: r.x, top: r.y, width: r.width, height: r.height }}>
      <header className="stations__head">
        <span className="stations__name">{name}</span>
        <span className="stations__workers">
          {workers.map((w) => (
            <span key={w} className={`station-chip${w === active ? ' is-active' : ''}`} aria-current={w === active ? 'true' : undefined}
              aria-label={w === active ? `${w} (working)` : w}>{w}</span>
          ))}
        </span>
      </header>
      <ol className="stations__list" aria-label={`Stations in ${name}`}>
        {visit.stations.map((s, i) => {
          const stageStart = i === 0 || visit.stations[i - 1].stage !== s.stage
          return (
            <li key={i} className={`station${i === current ? ' is-current' : i < current ? ' is-past' : ''}${s.nat ? ' station--nat' : ''}`}
              aria-current={i === current ? 'step' : undefined} data-station={i}>
              <span className="station__stage">{stageStart ? s.stage : ''}</span>
              <span className="station__label">{s.label}</span>
              <span className="station__detail">{s.detail}</span>
            </li>
          )
        })}
      </ol>
    </section>
  )
}

/** The followed packet's addresses at the current hop: the old value struck and the new one lit where a NAT rewrote it. */
export const PacketTag = forwardRef<HTMLDivElement, { timeline: Timeline }>(function PacketTag({ timeline }, ref) {
  const focus = useRequests((s) => s.focus)
  const focusHop = useRequests((s) => s.focusHop)
  const hop = timeline.packets[focus]?.hops[focusHop]?.hop
  if (!hop) return <div ref={ref} className="packet-tag is-hidden" aria-hidden="true" />
  // One address per line (the old value struck above the new one), so the label stays narrow beside the dot.
  const addr = (key: string, before: string, after: string, kind: string) => (
    <span className="packet-tag__row"><span className="packet-tag__key">{key}</span>{before === after
      ? <span className="packet-tag__addr">{after}</span>
      : <span className="packet-tag__addr is-changed" aria-label={`${kind} ${before} rewritten to ${after}`}><s>{before}</s><b>{after}</b></span>}</span>
  )
  return (
    <div ref={ref} className="packet-tag" role="status" aria-label="Packet addresses">
      {addr('src', hop.src, hop.srcAfter, 'source')}{addr('dst', hop.dst, hop.dstAfter, 'destination')}
    </div>
  )
})
