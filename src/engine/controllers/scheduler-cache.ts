// kube-scheduler's cache of NodeInfos (pkg/scheduler/backend/cache/cache.go, framework/types.go NodeInfo): what the
// filters need per node (its running pods, their host ports and requests), refreshed only for nodes whose pods
// changed since the last look, as UpdateSnapshot copies only NodeInfos whose generation moved.
import type { ReadonlyStore } from '../api/store.ts'
import type { KubeObject } from '../api/types.ts'
import type { StoreIndexes } from '../api/indexes.ts'
import { indexesOf } from './informer.ts'
import { isPodTerminal } from './pod-util.ts'

export interface HostPort { ip: string; protocol: string; port: number }

export interface NodeInfo {
  /** The node's pods that still hold resources (not Succeeded or Failed). */
  pods: KubeObject[]
  usedPorts: HostPort[]
  requested: { cpu: number; memory: number }
  /** The store version this info reflects (the node's generation). */
  generation: number
}

const caches = new WeakMap<StoreIndexes, Map<string, NodeInfo>>()

/** The NodeInfo of a node, rebuilt from the store's pods-by-node index only when one of its pods was written. */
export function nodeInfo(store: ReadonlyStore, node: string, hostPorts: (pod: KubeObject) => HostPort[], requests: (pod: KubeObject) => { cpu: number; memory: number }): NodeInfo {
  const index = indexesOf(store)
  let cache = caches.get(index)
  if (!cache) caches.set(index, (cache = new Map()))
  const generation = index.nodeRevision(node)
  const cached = cache.get(node)
  if (cached && cached.generation === generation && store.indexes) return cached
  const info: NodeInfo = { pods: [], usedPorts: [], requested: { cpu: 0, memory: 0 }, generation }
  for (const pod of index.podsOnNode(node).values()) {
    if (isPodTerminal(pod)) continue
    info.pods.push(pod)
    for (const p of hostPorts(pod)) info.usedPorts.push(p)
    const r = requests(pod)
    info.requested.cpu += r.cpu
    info.requested.memory += r.memory
  }
  cache.set(node, info)
  return info
}
