import { describe, expect, it } from 'vitest'
import { GRID_MARGIN, gridStyle } from './gridStyle.ts'

describe('gridStyle (the dotted grid as React Flow Background draws it)', () => {
  /** Where the dots fall on the screen, in pane pixels: the phase of the dot columns and rows in [0, gap). */
  const dotPhase = (g: ReturnType<typeof gridStyle>) => {
    const gap = Number.parseFloat(g.size)
    const [sx, sy] = g.shift.match(/-?[\d.]+/g)!.map(Number)
    const [px, py] = g.position.split(' ').map(Number.parseFloat)
    const at = Number.parseFloat(g.at)
    const mod = (v: number) => Math.round((((v % gap) + gap) % gap) * 100) / 100
    return [mod(-GRID_MARGIN + sx + px + at), mod(-GRID_MARGIN + sy + py + at)]
  }

  it('puts a dot every 20 flow units, half a tile back from the viewport offset, as Background\'s pattern', () => {
    const g = gridStyle(0, 0, 1)
    expect(g.size).toBe('20px 20px')
    // Background's pattern starts at (x mod 20 − 10, y mod 20 − 10) with its dot ½ px in.
    expect(dotPhase(g)).toEqual([10.5, 10.5])
    expect(dotPhase(gridStyle(37, 5, 1))).toEqual([7.5, 15.5])
    expect(dotPhase(gridStyle(-37, -5, 1))).toEqual([13.5, 5.5])
  })

  it('follows a pan with its transform alone: nothing that is painted changes', () => {
    const a = gridStyle(12, 7, 0.8)
    const b = gridStyle(-403.25, 88.5, 0.8)
    const painted = ({ shift: _, ...rest }: ReturnType<typeof gridStyle>) => rest
    expect(painted(b)).toEqual(painted(a))
    expect(b.shift).not.toBe(a.shift)
    // The slide stays within one tile, so the element (one margin larger than the pane) always covers the pane.
    for (const x of [-1e5, -33.3, 0, 15.9, 77777]) {
      const [sx] = gridStyle(x, 0, 3.2).shift.match(/-?[\d.]+/g)!.map(Number)
      expect(sx).toBeGreaterThanOrEqual(0)
      expect(sx).toBeLessThanOrEqual(GRID_MARGIN)
    }
  })

  it('scales the tile and the dot with the zoom', () => {
    const g = gridStyle(0, 0, 2)
    expect(g.size).toBe('40px 40px')
    expect(g.at).toBe('1px')
    // A dot of radius 1 px: solid to ½ px, faded out by 1½ px, full colour.
    expect([g.solid, g.fade, g.alpha]).toEqual(['0.5px', '1.5px', '100.0%'])
  })

  it('fades a sub-pixel dot by its area instead of drawing it a full pixel', () => {
    // zoom 0.5: radius ¼ px, covering π/16 of a pixel; the cone's alpha·π/3 matches it.
    const g = gridStyle(0, 0, 0.5)
    expect(g.alpha).toBe('18.8%')
    expect(Number.parseFloat(gridStyle(0, 0, 0.2).alpha)).toBeLessThan(Number.parseFloat(g.alpha))
  })
})
