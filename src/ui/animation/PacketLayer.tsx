// The packets on the canvas: one dot per packet, moved along the track edges' curves (no React render per
// frame), plus the outcome marks of the followed packet: the pod that answers lights up with its answer, a drop
// or a refusal is marked where it happened. The followed packet also travels inside the box it is in, station
// to station (StationView), with its address label beside it. Frames run only while something moves.
import { ViewportPortal, useReactFlow } from '@xyflow/react'
import './animation.css'
import { useEffect, useRef } from 'react'
import { requestStore, useRequests } from '../requests/requestStore.ts'
import { anchor, pointOn, type Pt } from './geometry.ts'
import { onSeek, playhead, tick } from './playhead.ts'
import { endingOf, positionAt, trackKey, type Packet } from './schedule.ts'
import { PacketTag, StationView, opens, packetVisits } from './StationView.tsx'
import { openedRect, stationPoint, visitAt, type Rect } from './stations.ts'
import { drawnId, trackCurves } from './tracks.ts'
import type { Timeline } from './useTimeline.ts'
import { useApp } from '../store.ts'
import { readTopology } from '../topology/model.ts'
import { failureHop, podOutcomeNote } from './podOutcome.ts'

const FAIL = new Set(['drop', 'reset', 'reject', 'close', 'refuse', 'nxdomain'])
/** Share of a trip between boxes spent leaving the opened view and entering the next one. */
const EDGE = 0.15

function dotClass(p: Packet, hopIndex: number, done: boolean, focus: boolean): string {
  const hop = p.hops[hopIndex]
  const last = hopIndex === p.hops.length - 1
  const failed = last && endingOf(p.trace) !== 'delivered' && (done || FAIL.has(hop.hop.action) || p.trace.outcome !== 'delivered')
  return `packet-dot packet-dot--${p.kind}${hop.reply ? ' is-reply' : ''}${failed ? ' is-failed' : ''}${focus ? ' is-focus' : ''}`
}

const lerp = (a: Pt, b: Pt, f: number): Pt => ({ x: a.x + (b.x - a.x) * f, y: a.y + (b.y - a.y) * f })
const ease = (f: number) => (f < 0.5 ? 2 * f * f : 1 - (-2 * f + 2) ** 2 / 2)

export function PacketLayer({ timeline, layoutKey }: { timeline: Timeline; layoutKey?: unknown }) {
  const { getInternalNode } = useReactFlow()
  const dots = useRef<(HTMLSpanElement | null)[]>([])
  const tag = useRef<HTMLDivElement | null>(null)
  const wakeRef = useRef<() => void>(() => {})

  useEffect(() => {
    const packets = timeline.packets
    const classes: string[] = []
    const anchors = new Map<string, Pt | null>()
    const rects = new Map<string, Rect | null>()
    let lastFocusHop = -2
    let frameNo = 0
    const rectOf = (id: string): Rect | null => {
      if (rects.has(id)) return rects.get(id)!
      const n = getInternalNode(drawnId(id))
      const r = n ? { x: n.internals.positionAbsolute.x, y: n.internals.positionAbsolute.y, width: n.measured.width ?? 0, height: n.measured.height ?? 0 } : null
      rects.set(id, r)
      return r
    }
    const anchorOf = (id: string): Pt | null => {
      if (anchors.has(id)) return anchors.get(id)!
      const r = rectOf(id)
      const a = r ? anchor({ ...r, type: getInternalNode(drawnId(id))?.type ?? '' }) : null
      anchors.set(id, a)
      return a
    }
    const trackPoint = (from: string, to: string, frac: number): Pt | null => {
      const track = trackCurves.get(trackKey(from, to))
      return track ? pointOn(track.curve, track.source === from ? frac : 1 - frac) : anchorOf(from)
    }
    /** The station point of hop `i` of packet `p` when its box is opened, else null. */
    const stationAt = (p: Packet, i: number): Pt | null => {
      const v = visitAt(packetVisits(p), i)
      if (!opens(v)) return null
      const r = rectOf(v.box)
      return r ? stationPoint(openedRect(r, v.stations.length), i - v.first) : null
    }
    /** Where the followed packet is: station to station inside an opened box, out along the track to the next. */
    const focusPoint = (p: Packet, t: number): Pt | null => {
      const hops = p.hops
      let i = 0
      while (i + 1 < hops.length && hops[i + 1].t <= t) i++
      const here = stationAt(p, i) ?? anchorOf(hops[i].node)
      const next = hops[i + 1]
      if (!next || t <= hops[i].t) return here
      const f = Math.min(1, (t - hops[i].t) / (next.t - hops[i].t))
      if (next.node === hops[i].node) {
        const there = stationAt(p, i + 1)
        // The dot waits at the station, then slides to the next row over the dwell's second half.
        return there && here ? lerp(here, there, ease(Math.max(0, f * 2 - 1))) : here
      }
      const out = anchorOf(hops[i].node)
      const into = anchorOf(next.node)
      const first = stationAt(p, i + 1)
      if (f < EDGE) return here && out ? lerp(here, out, f / EDGE) : out
      if (f > 1 - EDGE) return into && first ? lerp(into, first, (f - 1 + EDGE) / EDGE) : into
      return trackPoint(hops[i].node, next.node, (f - EDGE) / (1 - 2 * EDGE))
    }
    const draw = () => {
      const t = playhead.t
      let focusIndex = requestStore.getState().focus
      // While playing, the card follows a request from its DNS lookup on to its connection.
      const next = packets[focusIndex + 1]
      if (playhead.playing && next && next.requestId === packets[focusIndex]?.requestId && t >= next.start) {
        focusIndex += 1
        requestStore.setState({ focus: focusIndex })
      }
      let focusHop = -1
      let focusPt: Pt | null = null
      for (let i = 0; i < packets.length; i++) {
        const el = dots.current[i]
        if (!el) continue
        const p = packets[i]
        const pos = positionAt(p, t)
        const isFocus = i === focusIndex
        if (isFocus) focusHop = pos ? pos.hopIndex : -1
        // Finished packets leave the canvas, except the followed one, which shows how it ended.
        if (!pos || (pos.done && !isFocus)) { if (classes[i] !== 'hidden') { el.className = 'packet-dot is-hidden'; classes[i] = 'hidden' } continue }
        const pt = isFocus ? focusPoint(p, t) : pos.from === pos.to ? anchorOf(pos.from) : trackPoint(pos.from, pos.to, pos.frac)
        if (!pt) continue
        if (isFocus) focusPt = pt
        // A transform on a layer of its own: the compositor moves the dot, nothing is painted or re-layered.
        el.style.transform = `translate(${pt.x.toFixed(1)}px, ${pt.y.toFixed(1)}px)`
        const cls = dotClass(p, pos.hopIndex, pos.done, isFocus)
        if (classes[i] !== cls) { el.className = cls; classes[i] = cls }
      }
      if (tag.current) {
        tag.current.style.transform = focusPt ? `translate(${(focusPt.x - 16).toFixed(1)}px, ${focusPt.y.toFixed(1)}px) translate(-100%, -50%)` : 'translate(-9999px, 0)'
      }
      if (focusHop !== lastFocusHop) {
        lastFocusHop = focusHop
        if (requestStore.getState().focusHop !== focusHop) requestStore.setState({ focusHop })
      }
    }
    // Frames only while the playhead moves: an idle canvas costs nothing. A seek, a focus change or a new
    // layout draws one frame.
    let raf = 0
    let prev = 0
    const frame = (now: number) => {
      raf = 0
      tick((now - prev) / 1000)
      prev = now
      // Box positions are re-read now and then (a re-layout while playing).
      if (++frameNo % 30 === 0) { anchors.clear(); rects.clear() }
      draw()
      if (playhead.playing) raf = requestAnimationFrame(frame)
    }
    const wake = () => {
      anchors.clear(); rects.clear()
      if (!raf) { prev = performance.now(); raf = requestAnimationFrame(frame) }
    }
    wakeRef.current = wake
    wake()
    const off = onSeek(() => { lastFocusHop = -2; wake() })
    const offFocus = requestStore.subscribe((s, old) => { if (s.focus !== old.focus) { lastFocusHop = -2; wake() } })
    return () => { cancelAnimationFrame(raf); off(); offFocus() }
  }, [timeline, getInternalNode])

  // The boxes moved (a new snapshot's layout): place the dots again.
  useEffect(() => { wakeRef.current() }, [layoutKey])

  return (
    <ViewportPortal>
      <StationView timeline={timeline} />
      <div className="packet-layer" aria-hidden="true">
        {timeline.packets.map((_, i) => (
          <span key={`${timeline.key}:${i}`} ref={(el) => { dots.current[i] = el }} className="packet-dot is-hidden" />
        ))}
      </div>
      <PacketTag ref={tag} timeline={timeline} />
      <OutcomeMarks timeline={timeline} />
    </ViewportPortal>
  )
}
/** The followed packet's visible consequences: the answering pod lit with its answer, or the place it died. */
function OutcomeMarks({ timeline }: { timeline: Timeline }) {
  const { getInternalNode } = useReactFlow()
  const focus = useRequests((s) => s.focus)
  const focusHop = useRequests((s) => s.focusHop)
  const output = useRequests((s) => s.records.find((r) => r.id === s.playing)?.output ?? '')
  const snapshot = useApp((s) => s.snapshot)
  const p = timeline.packets[focus]
  if (p && !p.hops.length) {
    const n = getInternalNode('client')
    if (!n) return null
    return <div className="packet-fail packet-fail--unresolved" role="status" aria-label="Outcome: Unresolved (DNS)"
      style={{ left: n.internals.positionAbsolute.x + 8, top: n.internals.positionAbsolute.y - 4 }}>✕ Could not resolve {p.trace.to}</div>
  }
  if (!p || focusHop < 0) return null
  const hop = p.hops[focusHop]
  const last = focusHop === p.hops.length - 1
  const ending = endingOf(p.trace)
  const box = (id: string) => {
    const n = getInternalNode(drawnId(id))
    return n ? { x: n.internals.positionAbsolute.x, y: n.internals.positionAbsolute.y, w: n.measured.width ?? 0, h: n.measured.height ?? 0 } : null
  }
  const server = p.trace.servedBy && p.hops.find((h) => h.hop.at === p.trace.servedBy && (h.hop.action === 'accept' || h.hop.action === 'resolve' || h.hop.action === 'respond'))
  const marks = []
  const podOf = (id: string) => (snapshot && id.startsWith('Pod/') ? readTopology(snapshot).pods.find((q) => q.id === id) : undefined)
  if (server && focusHop >= p.hops.indexOf(server)) {
    const b = box(server.node)
    const note = podOutcomeNote(podOf(server.node), 'delivered')
    const respond = p.hops.find((h) => h.hop.action === 'respond' || h.hop.action === 'resolve')
    const answer = p.kind === 'dns' ? (respond?.hop.note.split('. ')[0] ?? 'answered') : (timeline.packets.filter((x) => x.kind === 'request').length === 1 && output.trim() ? output.trim().split('\n')[0] : respond?.hop.note ?? 'answered')
    if (b) {
      marks.push(<div key="lit" className="pod-lit" style={{ left: b.x - 4, top: b.y - 4, width: b.w + 8, height: b.h + 8 }} />)
      marks.push(<div key="answer" className="pod-answer" role="status" aria-label="Answer" style={{ left: b.x + 30, top: b.y - 26 }}>{answer}</div>)
      if (note) marks.push(<div key="note" className="pod-outcome-note" role="note" style={{ left: b.x + 8, top: b.y + b.h + 4 }}>{note}</div>)
    }
  }
  if (last && ending !== 'delivered') {
    // Marked where it was decided: a refused connection on the pod whose kernel answered RST, not on the client.
    const at = (ending === 'refused' ? failureHop(p) : undefined) ?? hop
    const b = box(at.node)
    const text = ending === 'dropped' ? 'Dropped' : ending === 'refused' ? 'Refused' : ending === 'unresolved' ? 'Unresolved (DNS)' : `HTTP error`
    const note = podOutcomeNote(podOf(at.node), ending)
    if (b) marks.push(<div key="fail" className={`packet-fail packet-fail--${ending}`} role="status" aria-label={`Outcome: ${text}${note ? `. ${note}` : ''}`} style={{ left: b.x + 8, top: b.y - 4 }}>
      ✕ {text}{note ? <span className="packet-fail__why">{note}</span> : null}{at.hop.rule ? <code>{at.hop.rule}</code> : at.hop.note ? <code>{at.hop.note}</code> : null}</div>)
  }
  return <>{marks}</>
}
