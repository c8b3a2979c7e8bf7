// Where the canvas's dotted grid puts its dots (DotGrid): the tile and dot profile of React Flow's
// <Background gap={20} size={1}>, for a CSS gradient.
const GAP = 20
const SIZE = 1

export interface GridStyle { size: string; position: string; at: string; solid: string; fade: string; alpha: string; shift: string }

/** How far the grid's element reaches past the pane on each side (canvas.css, `.kh-grid { inset }`): one tile. */
export const GRID_MARGIN = 64

/** The tile size, offset and dot profile that draw a dot where <Background>'s pattern draws one, as bright,
 * for viewport `x, y, zoom`. Only `shift` (the element's transform) depends on the pan, so a pan repaints nothing. */
export function gridStyle(x: number, y: number, zoom: number): GridStyle {
  const gap = GAP * zoom || 1
  const r = (SIZE * zoom) / 2
  // <Background>: the pattern starts at (x mod gap, y mod gap), shifted back half a tile, with its dot at (r, r).
  // Here the element starts GRID_MARGIN before the pane and slides by (x mod gap, y mod gap): the same dots.
  const sx = ((x % gap) + gap) % gap
  const sy = ((y % gap) + gap) % gap
  const o = GRID_MARGIN - gap / 2
  // An anti-aliased circle of radius r covers πr² pixels. A gradient samples pixel centres, so the dot is solid
  // to r − ½ and fades out by r + ½; a dot under a pixel wide is a faint cone one pixel in radius whose
  // coverage (alpha·π/3) is the circle's area, so it fades as the SVG circle did instead of vanishing or glaring.
  const small = r < 0.58
  const alpha = small ? Math.min(1, 3 * r * r) : 1
  return { size: `${gap}px ${gap}px`, position: `${o}px ${o}px`, at: `${r}px`,
    solid: `${small ? 0 : r - 0.5}px`, fade: `${small ? 1 : r + 0.5}px`, alpha: `${(alpha * 100).toFixed(1)}%`,
    shift: `translate(${sx.toFixed(2)}px, ${sy.toFixed(2)}px)` }
}
