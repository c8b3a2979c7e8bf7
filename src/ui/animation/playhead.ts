// The playback clock: a mutable time the canvas reads every frame. Play/pause, speed and seeks go through
// here; listeners hear about seeks (the rAF loop picks up the rest on its own).
const SECONDS_PER_UNIT = 0.55

export interface Playhead {
  t: number
  playing: boolean
  speed: number
  /** Clock time at which the current playlist ends (play stops there). */
  end: number
}

export const playhead: Playhead = { t: 0, playing: false, speed: 1, end: 0 }

const listeners = new Set<() => void>()

export function onSeek(listener: () => void): () => void {
  listeners.add(listener)
  return () => { listeners.delete(listener) }
}

export function seek(t: number, playing = playhead.playing): void {
  playhead.t = Math.max(0, Math.min(t, playhead.end))
  playhead.playing = playing
  for (const l of listeners) l()
}

/** Advances the clock by `dt` seconds of wall time; returns false when nothing moves. */
export function tick(dt: number): boolean {
  if (!playhead.playing) return false
  playhead.t = Math.min(playhead.end, playhead.t + (dt * playhead.speed) / SECONDS_PER_UNIT)
  if (playhead.t >= playhead.end) { playhead.playing = false; for (const l of listeners) l() }
  return true
}
