// host-local IPAM as the CNI plugin runs it on each node (containernetworking/plugins plugins/ipam/host-local:
// allocator.go): addresses come from the node's podCIDR, starting after the gateway (.1), continuing after the
// last address handed out, skipping leased ones and wrapping around; a released address is not reused at once.
import type { NodeRuntime, IpamState } from './runtime.ts'
import { intToIp, parseCidr } from '../net/ip.ts'

function stateFor(runtime: NodeRuntime, node: string): IpamState {
  let state = runtime.ipam.get(node)
  if (!state) runtime.ipam.set(node, (state = { lastReserved: null, leases: new Map() }))
  return state
}

/** Leases the next free pod IP on `node` for `podUid`; undefined when the range is exhausted. */
export function allocatePodIP(runtime: NodeRuntime, node: string, podCIDR: string, podUid: string): string | undefined {
  const state = stateFor(runtime, node)
  for (const [ip, uid] of state.leases) if (uid === podUid) return ip
  const { base, size } = parseCidr(podCIDR)
  const first = base + 2
  const last = base + size - 2
  if (last < first) return undefined
  const span = last - first + 1
  const start = state.lastReserved === null || state.lastReserved < first || state.lastReserved >= last ? first : state.lastReserved + 1
  for (let i = 0; i < span; i++) {
    const n = first + ((start - first + i) % span)
    const ip = intToIp(n)
    if (!state.leases.has(ip)) {
      state.leases.set(ip, podUid)
      state.lastReserved = n
      return ip
    }
  }
  return undefined
}

/** Releases a pod's lease (CNI DEL when the sandbox is torn down). */
export function releasePodIP(runtime: NodeRuntime, node: string, ip: string): void {
  const state = runtime.ipam.get(node)
  if (state && state.leases.has(ip)) state.leases.delete(ip)
}

