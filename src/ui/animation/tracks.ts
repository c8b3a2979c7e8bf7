// Curves of the track edges currently drawn, keyed by track (`a|b`), and the anchor of every box, so the frame
// loop can place dots without asking React. Track edges register their curve whenever the layout moves them.
import type { Curve } from './geometry.ts'

export const trackCurves = new Map<string, { source: string; curve: Curve }>()

/** A pod drawn inside its workload's box (not as its own card) → that box's id, set by the canvas with every layout. */
export const boxAlias = new Map<string, string>()

/** The id of the box that shows `id` on the canvas now. */
export const drawnId = (id: string): string => boxAlias.get(id) ?? id
