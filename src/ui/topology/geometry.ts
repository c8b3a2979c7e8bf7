// Box sizes shared by the ELK graph and toFlow, so the layout and the drawing agree.
export interface XY { x: number; y: number }

export const POD = { width: 300, height: 58 }
export const SERVICE = { width: 264, height: 76 }
export const CLIENT = { width: 180, height: 56 }
export const LOAD_BALANCER = { width: 230, height: 76 }
/** Rule lines an Ingress box shows before it says "+N more". */
export const INGRESS_RULES_SHOWN = 4

/** An Ingress box tall enough for its rule lines (host/path → service:port). */
export function ingressSize(ruleCount: number): { width: number; height: number } {
  return { width: 264, height: 64 + 18 * Math.max(1, Math.min(ruleCount, INGRESS_RULES_SHOWN + 1)) }
}
const GAP = 10
const HEADER = 74
const PAD = 14

// One column: every pod's left side stays free for the edges that come in from the Services.

/** A node group sized for `slotCount` pod slots (empty nodes still get one slot's room). */
export function groupSize(slotCount: number): { width: number; height: number } {
  const rows = Math.max(1, slotCount)
  return { width: 2 * PAD + POD.width, height: HEADER + PAD + rows * POD.height + (rows - 1) * GAP }
}

/** Top-left of a pod slot, relative to its node group. */
export function slotPosition(slot: number): XY {
  return { x: PAD, y: HEADER + slot * (POD.height + GAP) }
}
