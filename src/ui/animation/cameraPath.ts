// How the camera travels to its next frame. React Flow's default path (d3's interpolateZoom) zooms out and back in
// on the way even between two frames of the same zoom, so every frame of the move changes the scale of the boxes'
// layer, and Chromium repaints, re-layerizes and re-rasters the pane. A move at (nearly) the same zoom goes in a
// straight line at that zoom instead: the layer only slides. A real change of zoom keeps the smooth path.

/** Zooms within this ratio (5 %) count as the same. */
const SAME = Math.log(1.05)

export function cameraPath(fromZoom: number, toZoom: number): 'linear' | 'smooth' {
  return Math.abs(Math.log(toZoom / fromZoom)) < SAME ? 'linear' : 'smooth'
}
