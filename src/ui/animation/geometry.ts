// Track geometry: where a packet enters each kind of box, and the cubic curve between two boxes (the same
// curve the track edge draws and the dots follow).
export interface Pt { x: number; y: number }
export interface Box { x: number; y: number; width: number; height: number; type: string }
export interface Curve { p0: Pt; c1: Pt; c2: Pt; p3: Pt }

/** The point of a box packets travel to: the client's right side, a node's header (where kube-proxy's chip is), a pod's left side. */
export function anchor(b: Box): Pt {
  switch (b.type) {
    case 'client': return { x: b.x + b.width, y: b.y + b.height / 2 }
    case 'clusterNode': return { x: b.x + 22, y: b.y + 34 }
    case 'pod': return { x: b.x + 12, y: b.y + b.height / 2 }
    default: return { x: b.x + 10, y: b.y + b.height / 2 }
  }
}

/** A gentle curve from a to b, bowed to one side (so a track does not hide under the boxes' edges). */
export function curveBetween(a: Pt, b: Pt): Curve {
  const dx = b.x - a.x
  const dy = b.y - a.y
  const len = Math.hypot(dx, dy) || 1
  const bow = Math.min(60, len * 0.18)
  const n = { x: dy / len, y: -dx / len }
  return {
    p0: a, p3: b,
    c1: { x: a.x + dx / 3 + n.x * bow, y: a.y + dy / 3 + n.y * bow },
    c2: { x: a.x + (2 * dx) / 3 + n.x * bow, y: a.y + (2 * dy) / 3 + n.y * bow },
  }
}

export function pointOn(c: Curve, t: number): Pt {
  const u = 1 - t
  const a = u * u * u
  const b = 3 * u * u * t
  const d = 3 * u * t * t
  const e = t * t * t
  return { x: a * c.p0.x + b * c.c1.x + d * c.c2.x + e * c.p3.x, y: a * c.p0.y + b * c.c1.y + d * c.c2.y + e * c.p3.y }
}

export function pathOf(c: Curve): string {
  return `M ${c.p0.x},${c.p0.y} C ${c.c1.x},${c.c1.y} ${c.c2.x},${c.c2.y} ${c.p3.x},${c.p3.y}`
}
