// The camera follows the followed packet: a smooth zoom onto the box it is in (opened into its stations), a
// pan from station to station, and back out to the whole cluster when the request has played to its end. The
// zoom never drops below a readable scale while a request plays (higher in presenter mode): it pans instead.
// The band at the bottom where the hop card sits is left out of the framing, so the card never hides the path.
import { useReactFlow } from '@xyflow/react'
import { useEffect, useRef } from 'react'
import { requestStore } from '../requests/requestStore.ts'
import { useShare } from '../share/shareStore.ts'
import { cameraPath } from './cameraPath.ts'
import { onSeek, playhead } from './playhead.ts'
import { opens, packetVisits } from './StationView.tsx'
import { openedRect, stationPoint, visitAt, type Rect } from './stations.ts'
import type { Timeline } from './useTimeline.ts'
import { drawnId } from './tracks.ts'
import { overlayFit } from '../topology/fitPadding.ts'

interface Frame { x: number; y: number; zoom: number }

/** The viewport that shows `target` in a `width`×`height` area, zoom clamped to [min, max]; when the target
 * does not fit at `min`, the frame keeps its right side and follows `focus` up and down. */
function frameFor(target: Rect, focus: { x: number; y: number }, width: number, height: number, min: number, max: number, pad = 24): Frame {
  const fit = Math.min((width - 2 * pad) / target.width, (height - 2 * pad) / target.height)
  const zoom = Math.max(min, Math.min(max, fit))
  // Too wide: the right edge (the opened stations) stays in view; too tall: the current station is centred.
  const cx = target.width * zoom <= width - pad ? target.x + target.width / 2 : target.x + target.width + pad / zoom - width / 2 / zoom
  const half = height / 2 / zoom
  const cy = target.height * zoom <= height - pad ? target.y + target.height / 2
    : Math.max(target.y + half - pad / zoom, Math.min(target.y + target.height - half + pad / zoom, focus.y))
  return { x: width / 2 - cx * zoom, y: height / 2 - cy * zoom, zoom }
}

const union = (a: Rect, b: Rect): Rect => {
  const x = Math.min(a.x, b.x)
  const y = Math.min(a.y, b.y)
  return { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y }
}

/** Readable scales: flow text of 15 px is 20 px on screen at 1.35. */
const ZOOM = { min: 0.95, presentMin: 1.35, max: 1.6 }

export function useCamera(timeline: Timeline, canvas: React.RefObject<HTMLElement | null>): void {
  const { setViewport, getViewport, fitView, getInternalNode } = useReactFlow()
  const present = useShare((s) => s.present)
  const last = useRef('')

  const refollow = useRef<() => void>(() => {})

  // The canvas changed size (a panel collapsed or came back, the window): frame the followed station again, or
  // fit the whole cluster when nothing is followed. One frame later, once the grid has reflowed.
  useEffect(() => {
    const el = canvas.current
    if (!el) return
    let raf = 0
    const ro = new ResizeObserver(() => {
      cancelAnimationFrame(raf)
      raf = requestAnimationFrame(() => {
        if (requestStore.getState().focusHop >= 0 && timeline.packets.length) { last.current = ''; refollow.current() }
        else void fitView(overlayFit(canvas))
      })
    })
    ro.observe(el)
    return () => { ro.disconnect(); cancelAnimationFrame(raf) }
  }, [canvas, timeline, fitView])

  useEffect(() => {
    // Nothing to follow any more (the requests were cleared): back out to the whole cluster.
    if (!timeline.packets.length) {
      if (last.current) { last.current = ''; void fitView(overlayFit(canvas, { duration: 500 })) }
      return
    }
    const rectOf = (id: string): Rect | null => {
      const n = getInternalNode(drawnId(id))
      return n ? { x: n.internals.positionAbsolute.x, y: n.internals.positionAbsolute.y, width: n.measured.width ?? 0, height: n.measured.height ?? 0 } : null
    }
    const follow = () => {
      const { focus, focusHop } = requestStore.getState()
      const p = timeline.packets[focus]
      const el = canvas.current
      if (!p || focusHop < 0 || !el) return
      const visit = visitAt(packetVisits(p), focusHop)
      if (!visit) return
      const box = rectOf(visit.box)
      if (!box) return
      const key = `${focus}:${visit.first}:${opens(visit) ? focusHop : -1}`
      if (key === last.current) return
      last.current = key
      const card = el.querySelector<HTMLElement>('.hop-card')
      const bar = el.querySelector<HTMLElement>('.playback')
      const top = bar ? bar.offsetHeight + 12 : 0
      const height = el.clientHeight - (card ? card.offsetHeight + 16 : 0) - top
      const opened = opens(visit) ? openedRect(box, visit.stations.length) : null
      const target = opened ? union(box, opened) : box
      const focusPt = opened ? stationPoint(opened, focusHop - visit.first) : { x: box.x + box.width / 2, y: box.y + box.height / 2 }
      const f = frameFor(target, focusPt, el.clientWidth, Math.max(160, height), present ? ZOOM.presentMin : ZOOM.min, ZOOM.max)
      void setViewport({ x: f.x, y: f.y + top, zoom: f.zoom }, { duration: 450, interpolate: cameraPath(getViewport().zoom, f.zoom) })
      // The hop card follows the dot sideways, under it, clear of the framed path.
      if (card) {
        const dotX = (opened ? opened.x : box.x) * f.zoom + f.x
        card.style.left = `${Math.round(Math.max(8, Math.min(el.clientWidth - card.offsetWidth - 8, dotX - 24)))}px`
      }
    }
    refollow.current = follow
    const offStore = requestStore.subscribe((s, old) => { if (s.focusHop !== old.focusHop || s.focus !== old.focus) requestAnimationFrame(follow) })
    let wasPlaying = playhead.playing
    const offSeek = onSeek(() => {
      // Played to its end: back out to the whole cluster.
      if (wasPlaying && !playhead.playing && playhead.t >= playhead.end - 1e-6) {
        last.current = ''
        setTimeout(() => void fitView({ padding: 0.08, maxZoom: 1.1, duration: 700 }), 900)
      }
      wasPlaying = playhead.playing
    })
    last.current = ''
    requestAnimationFrame(follow)
    return () => { offStore(); offSeek() }
  }, [timeline, present, canvas, setViewport, getViewport, fitView, getInternalNode])
}
