import { describe, expect, it } from 'vitest'
import { apply, deployment, events, getObj, listObj, syncOnce, testCluster } from './testing.ts'
import { applyNodeAction } from '../network/node-container.ts'
import { notReadyAt } from './node-lifecycle-controller.ts'
import { evictionDelay } from './taint-eviction-controller.ts'
import type { Cluster } from '../cluster/cluster.ts'

const readyOf = (o: any) => o.status.conditions.find((c: any) => c.type === 'Ready')
const onNode = (c: Cluster, node: string) => listObj(c, 'Pod', 'default').filter((p) => p.spec.nodeName === node)

function assertQuiet(c: Cluster) {
  const keys = [...listObj(c, 'Node').map((n) => `Node//${n.metadata.name}`), ...listObj(c, 'Pod').map((p) => `Pod/${p.metadata.namespace}/${p.metadata.name}`)]
  for (const controller of ['node-controller', 'taint-eviction-controller', 'kubelet']) {
    for (const key of keys) expect(syncOnce(c, controller, key).writes, `${controller} ${key}`).toEqual([])
  }
}

describe('node lifecycle controller', () => {
  it('notices a silent node 50 s after its last lease renewal, at a 5 s monitor tick', () => {
    expect(notReadyAt(1000)).toBe(1055)
    expect(notReadyAt(1007)).toBe(1055)
    expect(notReadyAt(1009.5)).toBe(1055)
  })

  it('marks the node Unknown and tainted, its pods not ready, and changes nothing on a second sync', () => {
    const c = testCluster()
    apply(c, deployment('web', 4))
    const stopAt = c.clock.now()
    applyNodeAction(c, 'kind-worker', 'stop', 'id')
    c.advance(notReadyAt(stopAt) - stopAt - 1)
    expect(readyOf(getObj(c, 'Node', undefined, 'kind-worker')).status).toBe('True')
    assertQuiet(c)
    c.advance(1)
    const node = getObj(c, 'Node', undefined, 'kind-worker')
    expect(node.status.conditions.map((x: any) => `${x.type}=${x.status}`)).toEqual(['MemoryPressure=Unknown', 'DiskPressure=Unknown', 'PIDPressure=Unknown', 'Ready=Unknown'])
    expect(node.spec.taints).toEqual([
      { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', timeAdded: readyOf(node).lastTransitionTime },
      { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' },
    ])
    for (const p of onNode(c, 'kind-worker')) {
      expect(readyOf(p).status).toBe('False')
      // MarkPodsNotReady touches only the Ready condition: kubectl still counts the containers ready.
      expect(p.status.containerStatuses[0].ready).toBe(true)
    }
    expect(events(c).filter((e) => e.reason === 'NodeNotReady').map((e) => e.message)).toEqual(['Node kind-worker status is now: NodeNotReady', 'Node is not ready', 'Node is not ready'])
    assertQuiet(c)
  })

  it('cancels the eviction when the node returns in time; the kubelet re-creates the sandboxes', () => {
    const c = testCluster()
    apply(c, deployment('web', 4))
    const before = onNode(c, 'kind-worker')
    applyNodeAction(c, 'kind-worker', 'stop', 'id')
    c.advance(120)
    applyNodeAction(c, 'kind-worker', 'start', 'id')
    const after = onNode(c, 'kind-worker')
    expect(after.map((p) => p.metadata.uid)).toEqual(before.map((p) => p.metadata.uid))
    for (const p of after) {
      expect(readyOf(p).status).toBe('True')
      expect(p.status.containerStatuses[0]).toMatchObject({ restartCount: 1, lastState: { terminated: { exitCode: 255, reason: 'Unknown' } } })
      expect(before.map((b) => b.status.podIP)).not.toContain(p.status.podIP)
    }
    const cancelled = events(c).filter((e) => e.reason === 'TaintManagerEviction').map((e) => e.message)
    expect(cancelled).toEqual(before.map((p) => `Cancelling deletion of Pod default/${p.metadata.name}`).sort())
    expect(events(c).filter((e) => e.reason === 'SandboxChanged')).toHaveLength(2)
    expect(getObj(c, 'Node', undefined, 'kind-worker').spec.taints).toBeUndefined()
    expect(listObj(c, 'Deployment')[0].status.readyReplicas).toBe(4)
    assertQuiet(c)
  })

  it('a paused node resumes without restarting anything', () => {
    const c = testCluster()
    apply(c, deployment('web', 2))
    applyNodeAction(c, 'kind-worker2', 'pause', 'id')
    c.advance(90)
    expect(readyOf(getObj(c, 'Node', undefined, 'kind-worker2')).status).toBe('Unknown')
    applyNodeAction(c, 'kind-worker2', 'unpause', 'id')
    expect(readyOf(getObj(c, 'Node', undefined, 'kind-worker2')).status).toBe('True')
    for (const p of onNode(c, 'kind-worker2')) expect(p.status.containerStatuses[0].restartCount).toBe(0)
    const nodeEvents = listObj(c, 'Event', 'default').filter((e) => e.involvedObject.kind === 'Node').map((e) => e.reason)
    expect(nodeEvents).toEqual(['NodeNotReady', 'NodeReady'])
    assertQuiet(c)
  })

  it('evicts at once without a toleration and never with an unbounded one', () => {
    const taints = [{ key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' }]
    const pod = (tolerations: unknown[]) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { tolerations } })
    expect(evictionDelay(pod([]), taints)).toBe(0)
    expect(evictionDelay(pod([{ operator: 'Exists' }]), taints)).toBeUndefined()
    expect(evictionDelay(pod([{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }, { operator: 'Exists', tolerationSeconds: 60 }]), taints)).toBe(60)
  })
})
