// The canvas's dotted grid, drawn as React Flow's <Background gap={20} size={1}> draws it (one dot of 1 flow
// unit every 20, its colour from React Flow's theme variables) but painted by CSS: a pan or zoom rewrites two
// style properties of one element, with no React render. <Background> re-rendered an SVG <pattern> instead,
// and a changed pattern re-laid the page out and re-hit-tested the mouse on every frame of a camera move.
import { useStoreApi } from '@xyflow/react'
import { useEffect, useRef } from 'react'

const GAP = 20
const SIZE = 1

export interface GridStyle { size: string; position: string; at: string; solid: string; fade: string; alpha: string }

/** The tile size, offset and dot profile that draw a dot where <Background>'s pattern draws one, as bright,
 * for viewport `x, y, zoom`. */
export function gridStyle(x: number, y: number, zoom: number): GridStyle {
  const gap = GAP * zoom || 1
  const r = (SIZE * zoom) / 2
  // <Background>: the pattern starts at (x mod gap, y mod gap), shifted back half a tile, with its dot at (r, r).
  const ox = (x % gap) - gap / 2
  const oy = (y % gap) - gap / 2
  // An anti-aliased circle of radius r covers πr² pixels. A gradient samples pixel centres, so the dot is solid
  // to r − ½ and fades out by r + ½; a dot under a pixel wide is a faint cone one pixel in radius whose
  // coverage (alpha·π/3) is the circle's area, so it fades as the SVG circle did instead of vanishing or glaring.
  const small = r < 0.58
  const alpha = small ? Math.min(1, 3 * r * r) : 1
  return { size: `${gap}px ${gap}px`, position: `${ox}px ${oy}px`, at: `${r}px`,
    solid: `${small ? 0 : r - 0.5}px`, fade: `${small ? 1 : r + 0.5}px`, alpha: `${(alpha * 100).toFixed(1)}%` }
}

export function DotGrid() {
  const store = useStoreApi()
  const el = useRef<HTMLDivElement | null>(null)
  useEffect(() => {
    let shown = ''
    const place = (t: [number, number, number]) => {
      const div = el.current
      if (!div) return
      const g = gridStyle(t[0], t[1], t[2])
      const key = Object.values(g).join('|')
      if (key === shown) return
      shown = key
      div.style.backgroundSize = g.size
      div.style.backgroundPosition = g.position
      div.style.setProperty('--grid-at', g.at)
      div.style.setProperty('--grid-solid', g.solid)
      div.style.setProperty('--grid-fade', g.fade)
      div.style.setProperty('--grid-alpha', g.alpha)
    }
    place(store.getState().transform)
    return store.subscribe((s, old) => { if (s.transform !== old.transform) place(s.transform) })
  }, [store])
  return <div ref={el} className="react-flow__background kh-grid" data-testid="rf__background" aria-hidden="true" />
}
