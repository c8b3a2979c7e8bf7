// The packets on the canvas: one dot per packet, moved along the track edges' curves (no React render per
// frame), plus the outcome marks of the followed packet: the pod that answers lights up with its answer, a drop
// or a refusal is marked where it happened. The followed packet also travels inside the box it is in, station
// to station (StationView), with its address label beside it. Frames run only while something moves.
// The dots are painted on ONE <canvas> the size of the pane (a layer of its own): moving 100 dots repaints that
// canvas only, where 100 elements with a transform each made Chromium re-layerize the whole page every frame.
// The followed packet's dot stays an element (it carries the focus style and tests find it by its class).
import { ViewportPortal, useReactFlow, useStoreApi } from '@xyflow/react'
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

/** The dots' colours, from the theme's CSS variables (read when the layer wakes, not every frame). */
interface Palette { request: string; dns: string; reply: string; failed: string; ring: string }
function readPalette(): Palette {
  const css = getComputedStyle(document.documentElement)
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback
  return { request: v('--pkt', '#2f6fdd'), dns: v('--pkt-dns', '#8c4fd6'), reply: v('--pkt-reply', '#1a8a4a'), failed: v('--pkt-fail', '#c62828'), ring: v('--pkt-ring', '#fff') }
}

/** A dot's fill, with the same precedence as the CSS classes: failed over reply over the packet's kind. */
function fillOf(cls: string, palette: Palette): string {
  if (cls.includes(' is-failed')) return palette.failed
  if (cls.includes(' is-reply')) return palette.reply
  return cls.includes('packet-dot--dns') ? palette.dns : palette.request
}

/** A dot as `.packet-dot` draws it: 14 flow units across, a 2-unit ring, centred on its point. */
const DOT = { r: 7, ring: 2 }

const lerp = (a: Pt, b: Pt, f: number): Pt => ({ x: a.x + (b.x - a.x) * f, y: a.y + (b.y - a.y) * f })
const ease = (f: number) => (f < 0.5 ? 2 * f * f : 1 - (-2 * f + 2) ** 2 / 2)

export function PacketLayer({ timeline, layoutKey }: { timeline: Timeline; layoutKey?: unknown }) {
  const { getInternalNode } = useReactFlow()
  const flow = useStoreApi()
  const layer = useRef<HTMLDivElement | null>(null)
  const canvas = useRef<HTMLCanvasElement | null>(null)
  const focusDot = useRef<HTMLSpanElement | null>(null)
  const tag = useRef<HTMLDivElement | null>(null)
  const wakeRef = useRef<() => void>(() => {})

  useEffect(() => {
    const packets = timeline.packets
    let focusClass = ''
    let palette = readPalette()
    let view = ''
    let inFlight = -1
    const anchors = new Map<string, Pt | null>()
    const rects = new Map<string, Rect | null>()
    let lastFocusHop = -2
    let frameNo = 0
    /** Drawn with no packets: the canvas is a cleared pixel, the followed dot hidden; nothing to draw until packets come. */
    let blank = false
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
    /** Places every dot at the playhead's time; `advance` lets the card move on to the request's next packet. */
    const draw = (advance: boolean) => {
      const t = playhead.t
      let focusIndex = requestStore.getState().focus
      // While playing, the card follows a request from its DNS lookup on to its connection.
      const next = packets[focusIndex + 1]
      if (advance && playhead.playing && next && next.requestId === packets[focusIndex]?.requestId && t >= next.start) {
        focusIndex += 1
        requestStore.setState({ focus: focusIndex })
      }
      const c = canvas.current
      const g = c?.getContext('2d')
      const { transform: [tx, ty, zoom], width, height } = flow.getState()
      if (c && g) {
        // The canvas sits in the viewport (so the address label stays above it) but is held still on the
        // screen by the inverse of the viewport's transform: it always covers the pane, one pixel per pixel.
        const dpr = window.devicePixelRatio || 1
        // With nothing to play the canvas shrinks to a pixel: no pane-sized layer while no request is shown.
        const w = packets.length ? Math.max(1, Math.round(width * dpr)) : 1
        const h = packets.length ? Math.max(1, Math.round(height * dpr)) : 1
        if (c.width !== w || c.height !== h) { c.width = w; c.height = h; c.style.width = `${w / dpr}px`; c.style.height = `${h / dpr}px` }
        const css = `translate(${(-tx / zoom).toFixed(3)}px, ${(-ty / zoom).toFixed(3)}px) scale(${(1 / zoom).toFixed(6)})`
        if (css !== view) { c.style.transform = css; view = css }
        g.setTransform(1, 0, 0, 1, 0, 0)
        g.clearRect(0, 0, w, h)
        // From here on the canvas takes flow coordinates, as the dots' points are.
        g.setTransform(dpr * zoom, 0, 0, dpr * zoom, dpr * tx, dpr * ty)
      }
      const left = -tx / zoom - DOT.r
      const top = -ty / zoom - DOT.r
      const right = (width - tx) / zoom + DOT.r
      const bottom = (height - ty) / zoom + DOT.r
      let focusHop = -1
      let focusPt: Pt | null = null
      let flying = 0
      for (let i = 0; i < packets.length; i++) {
        const p = packets[i]
        const pos = positionAt(p, t)
        const isFocus = i === focusIndex
        if (isFocus) focusHop = pos ? pos.hopIndex : -1
        // Finished packets leave the canvas, except the followed one, which shows how it ended.
        if (!pos || (pos.done && !isFocus)) continue
        const pt = isFocus ? focusPoint(p, t) : pos.from === pos.to ? anchorOf(pos.from) : trackPoint(pos.from, pos.to, pos.frac)
        if (!pt) continue
        flying++
        const cls = dotClass(p, pos.hopIndex, pos.done, isFocus)
        if (isFocus) {
          focusPt = pt
          if (cls !== focusClass && focusDot.current) { focusDot.current.className = cls; focusClass = cls }
          continue
        }
        if (!g || pt.x < left || pt.x > right || pt.y < top || pt.y > bottom) continue
        g.beginPath()
        g.arc(pt.x, pt.y, DOT.r, 0, 2 * Math.PI)
        g.fillStyle = palette.ring
        g.fill()
        g.beginPath()
        g.arc(pt.x, pt.y, DOT.r - DOT.ring, 0, 2 * Math.PI)
        g.fillStyle = fillOf(cls, palette)
        g.fill()
      }
      if (focusDot.current) {
        // The followed dot is one element moved by its transform; hidden when that packet is not on the canvas.
        if (focusPt) focusDot.current.style.transform = `translate(${focusPt.x.toFixed(1)}px, ${focusPt.y.toFixed(1)}px)`
        else if (focusClass !== 'hidden') { focusDot.current.className = 'packet-dot is-hidden'; focusClass = 'hidden' }
      }
      // How many packets are drawn, for the benches and tests (written when it changes, not every frame).
      if (flying !== inFlight && layer.current) { layer.current.dataset.inFlight = String(flying); inFlight = flying }
      if (tag.current) {
        tag.current.style.transform = focusPt ? `translate(${(focusPt.x - 16).toFixed(1)}px, ${focusPt.y.toFixed(1)}px) translate(-100%, -50%)` : 'translate(-9999px, 0)'
      }
      if (focusHop !== lastFocusHop) {
        lastFocusHop = focusHop
        if (requestStore.getState().focusHop !== focusHop) requestStore.setState({ focusHop })
      }
      blank = !packets.length
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
      draw(true)
      if (playhead.playing) raf = requestAnimationFrame(frame)
    }
    const wake = () => {
      // No request on the canvas: a new layout has nothing to move (drawing the empty canvas again made Chromium
      // produce a new canvas resource in the commit of a snapshot's frame: 87 ms of one frame in a 5,000-pod trace).
      if (blank) return
      anchors.clear(); rects.clear(); palette = readPalette()
      if (!raf) { prev = performance.now(); raf = requestAnimationFrame(frame) }
    }
    wakeRef.current = wake
    wake()
    const off = onSeek(() => { lastFocusHop = -2; wake() })
    const offFocus = requestStore.subscribe((s, old) => { if (s.focus !== old.focus) { lastFocusHop = -2; wake() } })
    // The dots are drawn in screen pixels: a pan or zoom (the camera's, or the user's while paused) redraws them
    // at once, in the same frame as the boxes move.
    const offView = flow.subscribe((s, old) => { if ((packets.length || inFlight) && (s.transform !== old.transform || s.width !== old.width || s.height !== old.height)) draw(false) })
    return () => { cancelAnimationFrame(raf); off(); offFocus(); offView() }
  }, [timeline, getInternalNode, flow])

  // The boxes moved (a new snapshot's layout): place the dots again. A new theme recolours them.
  const theme = useApp((s) => s.theme)
  useEffect(() => { wakeRef.current() }, [layoutKey, theme])

  return (
    <ViewportPortal>
      <StationView timeline={timeline} />
      <div className="packet-layer" aria-hidden="true" ref={layer}>
        <canvas className="packet-canvas" ref={canvas} width={1} height={1} />
        <span ref={focusDot} className="packet-dot is-hidden" />
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
