// Box sizes shared by the ELK graph and toFlow, so the layout and the drawing agree.
export interface XY { x: number; y: number }

export const POD = { width: 216, height: 64 }
export const SERVICE = { width: 236, height: 92 }
export const CLIENT = { width: 168, height: 64 }
const COLUMNS = 2
const GAP = 12
const HEADER = 52
const PAD = 14

/** A node group sized for `slotCount` pod slots in a fixed grid (empty nodes still get one slot's room). */
export function groupSize(slotCount: number): { width: number; height: number } {
  const slots = Math.max(1, slotCount)
  const rows = Math.ceil(slots / COLUMNS)
  const cols = Math.min(COLUMNS, slots)
  return {
    width: Math.max(2 * PAD + cols * POD.width + (cols - 1) * GAP, 2 * PAD + POD.width + 140),
    height: HEADER + PAD + rows * POD.height + (rows - 1) * GAP,
  }
}

/** Top-left of a pod slot, relative to its node group. */
export function slotPosition(slot: number): XY {
  return { x: PAD + (slot % COLUMNS) * (POD.width + GAP), y: HEADER + Math.floor(slot / COLUMNS) * (POD.height + GAP) }
}
