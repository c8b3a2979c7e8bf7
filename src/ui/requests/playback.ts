// Playback commands shared by the buttons, the keyboard shortcuts and the event list.
import { playhead, seek } from '../animation/playhead.ts'
import type { Timeline } from '../animation/useTimeline.ts'
import { requestStore } from './requestStore.ts'

const EPS = 1e-6

export function togglePlay(): void {
  if (playhead.playing) return seek(playhead.t, false)
  seek(playhead.t >= playhead.end - EPS ? 0 : playhead.t, true)
}

/** The followed packet's next hop; past its last hop, the next packet's first. */
export function stepForward(timeline: Timeline): void {
  const { focus } = requestStore.getState()
  const p = timeline.packets[focus]
  if (!p) return
  const next = p.hops.find((h) => h.t > playhead.t + EPS)
  if (next) return seek(next.t, false)
  const q = timeline.packets[focus + 1]
  if (q) { requestStore.setState({ focus: focus + 1 }); seek(q.hops[0]?.t ?? q.start, false) }
  else seek(playhead.t, false)
}

/** The followed packet's previous hop; before its first hop, the previous packet's last. */
export function stepBack(timeline: Timeline): void {
  const { focus } = requestStore.getState()
  const p = timeline.packets[focus]
  if (!p) return
  const prev = [...p.hops].reverse().find((h) => h.t < playhead.t - EPS)
  if (prev) return seek(prev.t, false)
  const q = timeline.packets[focus - 1]
  if (q) { requestStore.setState({ focus: focus - 1 }); seek(q.hops[q.hops.length - 1]?.t ?? q.start, false) }
  else seek(p.hops[0]?.t ?? 0, false)
}

/** Jumps to one hop of one packet (the event list). */
export function showHop(timeline: Timeline, packet: number, hop: number): void {
  const p = timeline.packets[packet]
  if (!p) return
  requestStore.setState({ focus: packet })
  seek(p.hops[hop]?.t ?? p.start, false)
}

export function setSpeed(speed: number): void {
  playhead.speed = speed
  requestStore.setState({ speed })
}
