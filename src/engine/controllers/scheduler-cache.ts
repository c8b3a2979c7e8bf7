// kube-scheduler's cache of NodeInfos (pkg/scheduler/backend/cache/cache.go, framework/types.go NodeInfo): per node,
// the pods that hold its resources come from the store's index of running pods by node (kept on every write, as the
// cache's addPod/removePod keep it); the host ports and requests summed over them are recomputed only when the
// node's generation moved, as UpdateSnapshot copies only the NodeInfos whose generation changed.
import type { ReadonlyStore } from '../api/store.ts'
import type { KubeObject } from '../api/types.ts'
import type { Bucket, StoreIndexes } from '../api/indexes.ts'
import { indexesOf } from './informer.ts'

export interface HostPort { ip: string; protocol: string; port: number }

/** What the filters read of one node. One instance per node generation: sums are computed on first use. */
export class NodeInfo {
  private ports?: HostPort[]
  private sum?: { cpu: number; memory: number }

  constructor(
    /** The node's pods that still hold resources (not Succeeded or Failed), in write order. */
    readonly pods: Bucket,
    readonly generation: number,
    private readonly hostPorts: (pod: KubeObject) => HostPort[],
    private readonly requests: (pod: KubeObject) => { cpu: number; memory: number },
  ) {}

  usedPorts(): HostPort[] {
    if (!this.ports) {
      this.ports = []
      for (const pod of this.pods.values()) this.ports.push(...this.hostPorts(pod))
    }
    return this.ports
  }

  requested(): { cpu: number; memory: number } {
    if (!this.sum) {
      // Summed in the pods' order from zero, as the filter always did (floating point: the order matters).
      let cpu = 0, memory = 0
      for (const pod of this.pods.values()) {
        const r = this.requests(pod)
        cpu += r.cpu
        memory += r.memory
      }
      this.sum = { cpu, memory }
    }
    return this.sum
  }
}

const caches = new WeakMap<StoreIndexes, Map<string, NodeInfo>>()

/** The NodeInfo of a node, made anew only when the node's generation moved (a pod came or went). */
export function nodeInfo(store: ReadonlyStore, node: string, hostPorts: (pod: KubeObject) => HostPort[], requests: (pod: KubeObject) => { cpu: number; memory: number }): NodeInfo {
  const index = indexesOf(store)
  let cache = caches.get(index)
  if (!cache) caches.set(index, (cache = new Map()))
  const generation = index.runningGeneration(node)
  let info = cache.get(node)
  if (!info || info.generation !== generation) cache.set(node, (info = new NodeInfo(index.runningOnNode(node), generation, hostPorts, requests)))
  return info
}
