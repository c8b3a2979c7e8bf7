// The canvas's dotted grid, drawn as React Flow's <Background gap={20} size={1}> draws it (one dot of 1 flow
// unit every 20, its colour from React Flow's theme variables) but painted by CSS: a pan moves the element (a layer
// of its own) by its transform, a zoom rewrites its background, with no React render. <Background> re-rendered an SVG <pattern> instead,
// and a changed pattern re-laid the page out and re-hit-tested the mouse on every frame of a camera move.
import { useStoreApi } from '@xyflow/react'
import { useEffect, useRef } from 'react'
import { gridStyle } from './gridStyle.ts'

export function DotGrid() {
  const store = useStoreApi()
  const el = useRef<HTMLDivElement | null>(null)
  useEffect(() => {
    let shown = ''
    let shift = ''
    const place = (t: [number, number, number]) => {
      const div = el.current
      if (!div) return
      const g = gridStyle(t[0], t[1], t[2])
      // A pan only slides the layer; the tile and the dot (what is painted) change with the zoom.
      if (g.shift !== shift) { div.style.transform = g.shift; shift = g.shift }
      const key = [g.size, g.position, g.at, g.solid, g.fade, g.alpha].join('|')
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
