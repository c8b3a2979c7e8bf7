import { describe, expect, it } from 'vitest'
import { overlayFit, overlayPadding, type CanvasLike } from './fitPadding.ts'

type Rect = { top: number; bottom: number; height: number }
/** A canvas element as the fit reads it: its box, and the bars found in it. */
function canvas(box: Rect, bars: Record<string, Rect>): CanvasLike {
  return {
    getBoundingClientRect: () => box,
    querySelector: (sel: string) => (bars[sel] ? { getBoundingClientRect: () => bars[sel] } : null),
  }
}

describe('fit view inside the floating bars', () => {
  it('pads the top below the request toolbar and the bottom above the filters, 8 px clear', () => {
    const el = canvas({ top: 100, bottom: 500, height: 400 }, { '.playback': { top: 108, bottom: 150, height: 42 }, '.topo-tools': { top: 450, bottom: 492, height: 42 } })
    expect(overlayPadding(el)).toEqual({ top: '58px', bottom: '58px', left: 0.08, right: 0.08 })
  })

  it('falls back to the uniform 8 % without a canvas, without a size, or for a bar that is not there', () => {
    expect(overlayPadding(null)).toBe(0.08)
    expect(overlayPadding(canvas({ top: 0, bottom: 0, height: 0 }, {}))).toBe(0.08)
    expect(overlayPadding(canvas({ top: 0, bottom: 300, height: 300 }, {}))).toEqual({ top: 0.08, bottom: 0.08, left: 0.08, right: 0.08 })
  })

  it('measures when a fit reads its options, not when they were made (a wrapped toolbar is taller)', () => {
    const ref: { current: CanvasLike | null } = { current: null }
    const fit = overlayFit(ref, { duration: 500 })
    expect(fit.padding).toBe(0.08)
    ref.current = canvas({ top: 0, bottom: 400, height: 400 }, { '.playback': { top: 8, bottom: 90, height: 82 } })
    expect(fit).toMatchObject({ maxZoom: 1.1, duration: 500, padding: { top: '98px', bottom: 0.08 } })
  })
})
