// A node's container lifecycle, as `docker stop|kill|start|pause|unpause` drive a kind node: the container's state
// changes in the runtime, then the controllers react on the simulated clock (the kubelet falls silent or starts
// again; the node lifecycle controller notices after its grace period). In the network layer, the top one: it drives the
// whole Cluster and flushes the node's conntrack (state.ts).
import type { Cluster } from '../cluster/cluster.ts'
import { objectKey } from '../api/types.ts'
import type { ObjectKey } from '../api/types.ts'
import type { NodeContainerState } from '../node/runtime.ts'
import { networkState } from './state.ts'

export type NodeAction = 'stop' | 'kill' | 'start' | 'pause' | 'unpause'

/** Outcome of a docker verb on a node container: done, or docker's complaint (without the `Error response from daemon: ` prefix). */
export type NodeActionResult = { ok: true } | { ok: false; error: string }

export function nodeContainerState(cluster: Cluster, name: string): NodeContainerState {
  return cluster.runtime.nodes.get(name) ?? { status: 'running' }
}

/** Keys the controllers must look at again when a node's container changes state: the node and every pod it had. */
function affectedKeys(cluster: Cluster, name: string): ObjectKey[] {
  const keys = new Set<ObjectKey>([objectKey('Node', undefined, name)])
  for (const pod of cluster.store.list('Pod')) if (pod.spec?.nodeName === name) keys.add(objectKey('Pod', pod.metadata.namespace, pod.metadata.name))
  for (const rt of cluster.runtime.pods.values()) if (rt.nodeName === name) keys.add(objectKey('Pod', rt.namespace, rt.name))
  return [...keys].sort()
}

/**
 * Applies one docker verb to a node container and lets the controllers react. `stop` and `kill` end every process
 * of the node (exit code 137: kind's systemd does not exit within docker stop's 10 s, as kind#3428 shows), its pods'
 * containers with them, and the kernel's conntrack table; `pause` freezes the node; `start` boots it again (a new
 * kubelet that re-creates the pod sandboxes) and `unpause` thaws it.
 */
export function applyNodeAction(cluster: Cluster, name: string, action: NodeAction, containerId: string): NodeActionResult {
  const now = cluster.clock.now()
  const state = nodeContainerState(cluster, name)
  const set = (next: NodeContainerState) => cluster.runtime.nodes.set(name, next)
  switch (action) {
    case 'stop':
    case 'kill': {
      if (state.status === 'exited') {
        if (action === 'kill') return { ok: false, error: `cannot kill container: ${name}: container ${containerId} is not running` }
        return { ok: true }
      }
      set({ ...state, status: 'exited', finishedAt: now, exitCode: 137, downSince: state.downSince ?? now, kubeletPending: undefined })
      for (const rt of cluster.runtime.pods.values()) if (rt.nodeName === name && rt.sandboxDiedAt === undefined) rt.sandboxDiedAt = now
      networkState(cluster.config).nodes.delete(name)
      break
    }
    case 'start':
      if (state.status === 'paused') return { ok: false, error: `cannot start a paused container, try unpause instead` }
      if (state.status === 'running') return { ok: true }
      set({ status: 'running', startedAt: now, finishedAt: state.finishedAt, exitCode: state.exitCode, kubeletPending: 'restart' })
      break
    case 'pause':
      if (state.status === 'exited') return { ok: false, error: `container ${containerId} is not running` }
      if (state.status === 'paused') return { ok: false, error: `container ${containerId} is already paused` }
      set({ ...state, status: 'paused', downSince: now })
      break
    case 'unpause':
      if (state.status !== 'paused') return { ok: false, error: `container ${containerId} is not paused` }
      set({ ...state, status: 'running', downSince: undefined, kubeletPending: 'resume' })
      break
  }
  cluster.manager.resyncAll(affectedKeys(cluster, name))
  cluster.converge()
  return { ok: true }
}
