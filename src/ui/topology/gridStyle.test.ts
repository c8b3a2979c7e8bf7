import { describe, expect, it } from 'vitest'
import { gridStyle } from './gridStyle.ts'

describe('gridStyle (the dotted grid as React Flow Background draws it)', () => {
  it('puts a dot every 20 flow units, half a tile back from the viewport offset, as Background\'s pattern', () => {
    const g = gridStyle(0, 0, 1)
    expect(g.size).toBe('20px 20px')
    expect(g.position).toBe('-10px -10px')
    expect(gridStyle(37, 5, 1).position).toBe('7px -5px')
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
