// Where a request's outcome shows, and what the pod's state says about it: a refusal is marked on the box whose
// kernel sent the RST (the pod, not the client that received it), and a pod that is not simply Running and
// ready gets its kubectl STATUS beside the outcome (a Terminating pod that still answers on its IP, a
// ContainerCreating one that has nothing listening yet).
import type { PodInfo } from '../topology/model.ts'
import type { Ending, Packet, PacketHop } from './schedule.ts'

const STOPS = new Set(['reset', 'reject', 'drop', 'refuse', 'close'])

/** The hop where the packet's fate was decided: the first refusing/dropping hop, else the last one. */
export function failureHop(p: Packet): PacketHop | undefined {
  return p.hops.find((h) => STOPS.has(h.hop.action)) ?? p.hops[p.hops.length - 1]
}

/** One sentence on the pod's part in the outcome, or null when a Running, ready pod needs none. */
export function podOutcomeNote(pod: PodInfo | undefined, ending: Ending): string | null {
  if (!pod) return null
  if (ending === 'delivered') {
    if (pod.state === 'terminating') return `${pod.name} is Terminating: out of the endpoints, but its process answers until the grace period ends`
    if (pod.state === 'not-ready') return `${pod.name} is not ready (${pod.readyText}): no Service sends it traffic, but its IP answers`
    return null
  }
  if (ending !== 'refused') return null
  switch (pod.state) {
    case 'creating': return `${pod.name} is ${pod.status}: its container has not started, nothing listens yet`
    case 'terminating': return `${pod.name} is Terminating: its process already exited on SIGTERM`
    case 'failed': return `${pod.name} is ${pod.status}: its container is not running`
    case 'completed': return `${pod.name} is Completed: its process has exited`
    default: return null
  }
}
