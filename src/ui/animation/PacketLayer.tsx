// The packets on the canvas: one SVG dot per packet, moved every animation frame along the track edges'
// curves (no React render per frame), plus the outcome marks of the followed packet: the pod that answers
// lights up with its answer, a drop or a refusal is marked where it happened.
import { ViewportPortal, useReactFlow } from '@xyflow/react'
import './animation.css'
import { useEffect, useRef } from 'react'
import { requestStore, useRequests } from '../requests/requestStore.ts'
import { anchor, pointOn, type Pt } from './geometry.ts'
import { onSeek, playhead, tick } from './playhead.ts'
import { endingOf, positionAt, trackKey, type Packet } from './schedule.ts'
import { trackCurves } from './tracks.ts'
import type { Timeline } from './useTimeline.ts'

const FAIL = new Set(['drop', 'reset', 'reject', 'close', 'refuse', 'nxdomain'])

function dotClass(p: Packet, hopIndex: number, done: boolean, focus: boolean): string {
  const hop = p.hops[hopIndex]
  const last = hopIndex === p.hops.length - 1
  const failed = last && endingOf(p.trace) !== 'delivered' && (done || FAIL.has(hop.hop.action) || p.trace.outcome !== 'delivered')
  return `packet-dot packet-dot--${p.kind}${hop.reply ? ' is-reply' : ''}${failed ? ' is-failed' : ''}${focus ? ' is-focus' : ''}`
}

export function PacketLayer({ timeline }: { timeline: Timeline }) {
  const { getInternalNode } = useReactFlow()
  const dots = useRef<(SVGCircleElement | null)[]>([])
  const focus = useRequests((s) => s.focus)

  useEffect(() => {
    const packets = timeline.packets
    const classes: string[] = []
    const anchors = new Map<string, Pt | null>()
    let lastT = -1
    let lastFocusHop = -2
    let frameNo = 0
    const anchorOf = (id: string): Pt | null => {
      if (anchors.has(id)) return anchors.get(id)!
      const n = getInternalNode(id)
      const a = n ? anchor({ x: n.internals.positionAbsolute.x, y: n.internals.positionAbsolute.y, width: n.measured.width ?? 0, height: n.measured.height ?? 0, type: n.type ?? '' }) : null
      anchors.set(id, a)
      return a
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
      for (let i = 0; i < packets.length; i++) {
        const el = dots.current[i]
        if (!el) continue
        const p = packets[i]
        const pos = positionAt(p, t)
        const isFocus = i === focusIndex
        if (i === focusIndex) focusHop = pos ? pos.hopIndex : -1
        // Finished packets leave the canvas, except the followed one, which shows how it ended.
        if (!pos || (pos.done && !isFocus)) { if (classes[i] !== 'hidden') { el.setAttribute('class', 'packet-dot is-hidden'); classes[i] = 'hidden' } continue }
        let pt: Pt | null
        if (pos.from === pos.to) pt = anchorOf(pos.from)
        else {
          const track = trackCurves.get(trackKey(pos.from, pos.to))
          pt = track ? pointOn(track.curve, track.source === pos.from ? pos.frac : 1 - pos.frac) : anchorOf(pos.from)
        }
        if (!pt) continue
        el.setAttribute('cx', pt.x.toFixed(1))
        el.setAttribute('cy', pt.y.toFixed(1))
        const cls = dotClass(p, pos.hopIndex, pos.done, isFocus)
        if (classes[i] !== cls) { el.setAttribute('class', cls); classes[i] = cls }
      }
      if (focusHop !== lastFocusHop) {
        lastFocusHop = focusHop
        if (requestStore.getState().focusHop !== focusHop) requestStore.setState({ focusHop })
      }
    }
    let raf = 0
    let prev = performance.now()
    const frame = (now: number) => {
      tick((now - prev) / 1000)
      prev = now
      // Box positions are re-read now and then (a re-layout while playing).
      if (++frameNo % 30 === 0) anchors.clear()
      if (playhead.t !== lastT || frameNo % 30 === 0) { lastT = playhead.t; draw() }
      raf = requestAnimationFrame(frame)
    }
    raf = requestAnimationFrame(frame)
    const off = onSeek(() => { lastT = -1; lastFocusHop = -2 })
    const offFocus = requestStore.subscribe((s, old) => { if (s.focus !== old.focus) { lastT = -1; lastFocusHop = -2 } })
    return () => { cancelAnimationFrame(raf); off(); offFocus() }
  }, [timeline, getInternalNode])

  return (
    <ViewportPortal>
      <svg className="packet-layer" aria-hidden="true" width="1" height="1">
        {timeline.packets.map((_, i) => (
          <circle key={`${timeline.key}:${i}`} ref={(el) => { dots.current[i] = el }} r={i === focus ? 9 : 7} className="packet-dot is-hidden" />
        ))}
      </svg>
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
    const n = getInternalNode(id)
    return n ? { x: n.internals.positionAbsolute.x, y: n.internals.positionAbsolute.y, w: n.measured.width ?? 0, h: n.measured.height ?? 0 } : null
  }
  const server = p.trace.servedBy && p.hops.find((h) => h.hop.at === p.trace.servedBy && (h.hop.action === 'accept' || h.hop.action === 'resolve' || h.hop.action === 'respond'))
  const marks = []
  if (server && focusHop >= p.hops.indexOf(server)) {
    const b = box(server.node)
    const respond = p.hops.find((h) => h.hop.action === 'respond' || h.hop.action === 'resolve')
    const answer = p.kind === 'dns' ? (respond?.hop.note.split('. ')[0] ?? 'answered') : (timeline.packets.filter((x) => x.kind === 'request').length === 1 && output.trim() ? output.trim().split('\n')[0] : respond?.hop.note ?? 'answered')
    if (b) {
      marks.push(<div key="lit" className="pod-lit" style={{ left: b.x - 4, top: b.y - 4, width: b.w + 8, height: b.h + 8 }} />)
      marks.push(<div key="answer" className="pod-answer" role="status" aria-label="Answer" style={{ left: b.x + 30, top: b.y - 26 }}>{answer}</div>)
    }
  }
  if (last && ending !== 'delivered') {
    const b = box(hop.node)
    const text = ending === 'dropped' ? 'Dropped' : ending === 'refused' ? 'Refused' : ending === 'unresolved' ? 'Unresolved (DNS)' : `HTTP error`
    if (b) marks.push(<div key="fail" className={`packet-fail packet-fail--${ending}`} role="status" aria-label={`Outcome: ${text}`} style={{ left: b.x + 8, top: b.y - 4 }}>✕ {text}{hop.hop.rule ? <code>{hop.hop.rule}</code> : null}</div>)
  }
  return <>{marks}</>
}
