// "Fit view" inside the bars that float over the canvas: the request toolbar at the top and the filters at the
// bottom. A uniform 8 % margin left the top boxes' titles under the toolbar on a 1280×720 screen.
import type { FitViewOptions } from '@xyflow/react'

const MARGIN_PX = 8
const SIDE = 0.08

interface Box { top: number; bottom: number; height: number }
/** What the fit reads of the canvas element (an HTMLElement is one). */
export interface CanvasLike { getBoundingClientRect(): Box; querySelector(selector: string): { getBoundingClientRect(): Box } | null }

/** Padding for fitView that keeps the cluster clear of the overlays, read from the canvas as it is now. */
export function overlayPadding(canvas: CanvasLike | null): NonNullable<FitViewOptions['padding']> {
  if (!canvas) return SIDE
  const box = canvas.getBoundingClientRect()
  if (!box.height) return SIDE
  const top = canvas.querySelector('.playback')?.getBoundingClientRect()
  const bottom = canvas.querySelector('.topo-tools')?.getBoundingClientRect()
  return {
    top: top && top.height ? `${Math.max(0, Math.round(top.bottom - box.top)) + MARGIN_PX}px` : SIDE,
    bottom: bottom && bottom.height ? `${Math.max(0, Math.round(box.bottom - bottom.top)) + MARGIN_PX}px` : SIDE,
    left: SIDE,
    right: SIDE,
  }
}

/** Fit options whose padding is measured each time a fit reads it (the bars wrap on a narrow canvas). */
export function overlayFit(canvas: { readonly current: CanvasLike | null }, extra: FitViewOptions = {}): FitViewOptions {
  return { maxZoom: 1.1, ...extra, get padding() { return overlayPadding(canvas.current) } }
}
