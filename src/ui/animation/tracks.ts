// Curves of the track edges currently drawn, keyed by track (`a|b`), and the anchor of every box, so the frame
// loop can place dots without asking React. Track edges register their curve whenever the layout moves them.
import type { Curve } from './geometry.ts'

export const trackCurves = new Map<string, { source: string; curve: Curve }>()
