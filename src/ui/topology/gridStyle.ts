// Where the canvas's dotted grid puts its dots (DotGrid): the tile and dot profile of React Flow's
// <Background gap={20} size={1}>, for a CSS gradient.
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
