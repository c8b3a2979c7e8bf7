// Keeps each pod in its grid slot across snapshots: a replacement pod takes a free slot, nothing else moves.

export interface SlotState {
  /** Pod id → slot index inside its group. */
  slots: Readonly<Record<string, number>>
  /** Pod id → group id (a Node id, or UNSCHEDULED). */
  groups: Readonly<Record<string, string>>
}

export const UNSCHEDULED = 'unscheduled'
export const emptySlots: SlotState = { slots: {}, groups: {} }

/** The group a pod is drawn in: its node, or the unscheduled lane while it waits for the scheduler. */
export function groupOf(pod: { nodeName: string | null }): string {
  if (!pod.nodeName) return UNSCHEDULED
  let id = groupIdsByNode.get(pod.nodeName)
  if (id === undefined) groupIdsByNode.set(pod.nodeName, id = `Node//${pod.nodeName}`)
  return id
}
/** Node name → group id: the same string for every pod of a node (toFlow and the ELK graph ask once per pod). */
const groupIdsByNode = new Map<string, string>()

/** What fills the slots: pod cards and workload boxes (a model's pods, or a view's items). */
interface Slotted { pods: readonly { id: string; nodeName: string | null }[] }

/** Pods (and boxes) that stay in their group keep their slot; new ones fill the lowest free slot, in order. */
export function assignSlots(previous: SlotState, model: Slotted): SlotState {
  const slots: Record<string, number> = {}
  const groups: Record<string, string> = {}
  const taken = new Map<string, Set<number>>()
  const used = (group: string) => taken.get(group) ?? taken.set(group, new Set()).get(group)!
  const newcomers: string[] = []
  for (const pod of model.pods) {
    const group = groupOf(pod)
    groups[pod.id] = group
    const prev = previous.slots[pod.id]
    if (prev !== undefined && previous.groups[pod.id] === group && !used(group).has(prev)) {
      slots[pod.id] = prev
      used(group).add(prev)
    } else newcomers.push(pod.id)
  }
  for (const id of newcomers) {
    const free = used(groups[id])
    let slot = 0
    while (free.has(slot)) slot++
    slots[id] = slot
    free.add(slot)
  }
  return { slots, groups }
}

/** Slots each group needs: one past the highest slot in use. */
export function slotCounts(state: SlotState): Map<string, number> {
  const counts = new Map<string, number>()
  for (const [id, group] of Object.entries(state.groups)) {
    counts.set(group, Math.max(counts.get(group) ?? 0, state.slots[id] + 1))
  }
  return counts
}
