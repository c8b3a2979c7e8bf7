// Whether the playhead runs, as React state (a render when play starts or stops, none per frame).
import { useEffect, useState } from 'react'
import { onSeek, playhead } from './playhead.ts'

export function usePlaying(): boolean {
  const [playing, setPlaying] = useState(playhead.playing)
  useEffect(() => onSeek(() => setPlaying(playhead.playing)), [])
  return playing
}
