import ELK from 'elkjs/lib/elk.bundled.js'
import { describe, expect, it } from 'vitest'
import type { KubeObject } from '../../engine/api/types.ts'
import type { ClusterSnapshot } from '../../engine/snapshot.ts'
import { kindClusterSnapshot } from '../fixtures/kindCluster.ts'
import { pod, service } from '../fixtures/kindObjects.ts'
import { positionsOf, toElkGraph } from './elkGraph.ts'
import { readTopology } from './model.ts'
import { assignSlots, emptySlots, type SlotState } from './slots.ts'
import { toFlow, type TopologyLayout } from './toFlow.ts'

const noLayout: TopologyLayout = { positions: {}, slots: emptySlots }

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const v of Object.values(value)) deepFreeze(v)
  }
  return value
}

function edit(snapshot: ClusterSnapshot, fn: (objects: KubeObject[]) => KubeObject[]): ClusterSnapshot {
  return { ...snapshot, version: snapshot.version + 1, objects: fn(structuredClone([...snapshot.objects])) }
}

const kubiaPod = (name: string, nodeName: string, podIP: string) => pod({ name, namespace: 'default', nodeName,
  hostIP: nodeName === 'kind-worker' ? '172.18.0.3' : '172.18.0.4', podIP, image: 'luksa/kubia:1.0',
  labels: { app: 'kubia', 'pod-template-hash': '7d5b8c6f9d' }, port: { containerPort: 8080 },
  owner: { kind: 'ReplicaSet', name: 'kubia-7d5b8c6f9d' } })

/** Deletes one kubia pod and adds its replacement, as the ReplicaSet controller would. */
function replacePod(snapshot: ClusterSnapshot, oldName: string, newName: string, nodeName: string): ClusterSnapshot {
  return edit(snapshot, (objects) => [...objects.filter((o) => o.metadata.name !== oldName),
    kubiaPod(newName, nodeName, '10.244.1.9')])
}

const byId = (flow: ReturnType<typeof toFlow>, id: string) => flow.nodes.find((n) => n.id === id)

describe('toFlow', () => {
  it('draws the kind cluster: 3 node groups holding their pods, Services and the client', () => {
    const flow = toFlow(deepFreeze(structuredClone(kindClusterSnapshot)), noLayout)
    const groups = flow.nodes.filter((n) => n.type === 'clusterNode').map((n) => n.id)
    expect(groups).toEqual(['Node//kind-control-plane', 'Node//kind-worker', 'Node//kind-worker2'])
    const pods = flow.nodes.filter((n) => n.type === 'pod')
    expect(pods.map((p) => [p.data.pod.name, p.parentId])).toEqual([
      ['kubia-7d5b8c6f9d-m5kzb', 'Node//kind-worker'],
      ['kubia-7d5b8c6f9d-q7wzp', 'Node//kind-worker2'],
      ['kubia-7d5b8c6f9d-x2x4z', 'Node//kind-worker'],
      ['coredns-7db6d8ff4d-bw6xk', 'Node//kind-control-plane'],
      ['coredns-7db6d8ff4d-g9s2l', 'Node//kind-control-plane'],
    ])
    expect(flow.nodes.filter((n) => n.type === 'service').map((n) => n.id))
      .toEqual(['Service/default/kubernetes', 'Service/default/kubia', 'Service/kube-system/kube-dns'])
    expect(byId(flow, 'client')?.type).toBe('client')
    // Parents come before children, as React Flow requires.
    const index = new Map(flow.nodes.map((n, i) => [n.id, i]))
    for (const n of pods) expect(index.get(n.parentId!)!).toBeLessThan(index.get(n.id)!)
  })

  it('reads a snapshot once: the layout and the drawing share its model', () => {
    const snapshot = deepFreeze(structuredClone(kindClusterSnapshot))
    expect(readTopology(snapshot)).toBe(readTopology(snapshot))
    // A snapshot that changed only what the picture leaves out (a Lease) is drawn from the same model object.
    const lease = { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: 'kind-worker', namespace: 'kube-node-lease' } }
    expect(readTopology({ ...snapshot, version: snapshot.version + 1, objects: [...snapshot.objects, lease] })).toBe(readTopology(snapshot))
    const moved = readTopology(replacePod(snapshot, 'kubia-7d5b8c6f9d-x2x4z', 'kubia-7d5b8c6f9d-zzzzz', 'kind-worker2'))
    expect(moved).not.toBe(readTopology(snapshot))
    expect(moved.pods.map((p) => p.name)).toContain('kubia-7d5b8c6f9d-zzzzz')
  })

  it('shows node facts: IP, control plane taint', () => {
    const flow = toFlow(kindClusterSnapshot, noLayout)
    const cp = byId(flow, 'Node//kind-control-plane')
    expect(cp?.type === 'clusterNode' && cp.data.node).toMatchObject({ ip: '172.18.0.2', controlPlane: true, tainted: true })
    const worker = byId(flow, 'Node//kind-worker2')
    expect(worker?.type === 'clusterNode' && worker.data.node).toMatchObject({ ip: '172.18.0.4', controlPlane: false, tainted: false })
    expect(worker?.ariaLabel).toBe('Node kind-worker2, 172.18.0.4')
  })

  it('shows pod name, IP and state', () => {
    const flow = toFlow(kindClusterSnapshot, noLayout)
    const p = byId(flow, 'Pod/default/kubia-7d5b8c6f9d-x2x4z')
    expect(p?.type === 'pod' && p.data.pod).toMatchObject({ ip: '10.244.1.2', phase: 'Running', ready: true, state: 'running' })
    expect(p?.ariaLabel).toBe('Pod default/kubia-7d5b8c6f9d-x2x4z, 10.244.1.2, Running, ready')
  })

  it('tells Pending, not-ready and unscheduled pods apart', () => {
    const snapshot = edit(kindClusterSnapshot, (objects) => {
      const notReady = objects.find((o) => o.metadata.name === 'kubia-7d5b8c6f9d-x2x4z')!
      notReady.status.conditions.find((c: { type: string }) => c.type === 'Ready').status = 'False'
      const pending = kubiaPod('kubia-7d5b8c6f9d-zzzzz', '', '')
      pending.spec.nodeName = undefined
      pending.status = { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable' }] }
      return [...objects, pending]
    })
    const flow = toFlow(snapshot, noLayout)
    const state = (name: string) => { const n = byId(flow, `Pod/default/${name}`); return n?.type === 'pod' ? n.data.pod.state : null }
    expect(state('kubia-7d5b8c6f9d-x2x4z')).toBe('not-ready')
    expect(state('kubia-7d5b8c6f9d-zzzzz')).toBe('pending')
    expect(byId(flow, 'Pod/default/kubia-7d5b8c6f9d-zzzzz')?.parentId).toBe('unscheduled')
    expect(byId(flow, 'unscheduled')?.ariaLabel).toBe('Unscheduled pods')
    const edge = flow.edges.find((e) => e.target === 'Pod/default/kubia-7d5b8c6f9d-x2x4z')
    expect(edge?.className).toContain('edge-unready')
  })

  it('draws Service → pod edges from spec.selector against pod labels, within the namespace', () => {
    const flow = toFlow(kindClusterSnapshot, noLayout)
    const targets = (svc: string) => flow.edges.filter((e) => e.source === svc).map((e) => e.target)
    expect(targets('Service/default/kubia')).toEqual([
      'Pod/default/kubia-7d5b8c6f9d-m5kzb', 'Pod/default/kubia-7d5b8c6f9d-q7wzp', 'Pod/default/kubia-7d5b8c6f9d-x2x4z'])
    expect(targets('Service/kube-system/kube-dns')).toHaveLength(2)
    // The API server runs on the host network: its endpoint is the control plane node itself.
    expect(targets('Service/default/kubernetes')).toEqual(['Node//kind-control-plane'])
  })

  it('shows a NodePort Service with cluster IP, type and node ports, reached by the client', () => {
    const flow = toFlow(kindClusterSnapshot, noLayout)
    const svc = byId(flow, 'Service/default/kubia')
    expect(svc?.type === 'service' && svc.data.service).toMatchObject({
      type: 'NodePort', clusterIP: '10.96.112.41', ports: '80:30123/TCP', readyEndpoints: 3, nodePorts: [30123] })
    const dns = byId(flow, 'Service/kube-system/kube-dns')
    expect(dns?.type === 'service' && dns.data.service.ports).toBe('53/UDP,53/TCP,9153/TCP')
    expect(flow.edges.filter((e) => e.source === 'client')).toMatchObject([{ target: 'Service/default/kubia', label: ':30123' }])
  })

  it('flags a Service without endpoints', () => {
    const snapshot = edit(kindClusterSnapshot, (objects) => [...objects, service({ name: 'typo', namespace: 'default',
      type: 'ClusterIP', clusterIP: '10.96.7.7', selector: { app: 'kubia-v2' }, ports: [{ port: 80, targetPort: 8080 }] })])
    const svc = byId(toFlow(snapshot, noLayout), 'Service/default/typo')
    expect(svc?.type === 'service' && svc.data.service.readyEndpoints).toBe(0)
    expect(svc?.ariaLabel).toMatch(/no endpoints$/)
  })

  it('does not mutate the snapshot', () => {
    const frozen = deepFreeze(structuredClone(kindClusterSnapshot))
    expect(() => toFlow(frozen, noLayout)).not.toThrow()
  })
})

describe('layout stability', () => {
  const slotsFor = (s: ClusterSnapshot, prev: SlotState = emptySlots) => assignSlots(prev, readTopology(s))

  it('a replacement pod takes the freed slot and no other pod moves', () => {
    const before = slotsFor(kindClusterSnapshot)
    const next = replacePod(kindClusterSnapshot, 'kubia-7d5b8c6f9d-m5kzb', 'kubia-7d5b8c6f9d-b2c4d', 'kind-worker')
    const after = slotsFor(next, before)
    expect(after.slots['Pod/default/kubia-7d5b8c6f9d-b2c4d']).toBe(before.slots['Pod/default/kubia-7d5b8c6f9d-m5kzb'])
    expect(after.slots['Pod/default/kubia-7d5b8c6f9d-x2x4z']).toBe(before.slots['Pod/default/kubia-7d5b8c6f9d-x2x4z'])
    // Same boxes, same edges between them: ELK gets exactly the same graph.
    expect(toElkGraph(readTopology(next), after)).toEqual(toElkGraph(readTopology(kindClusterSnapshot), before))
  })

  it('ELK places every box deterministically, nodes in the last column', async () => {
    const elk = new ELK()
    const model = readTopology(kindClusterSnapshot)
    const slots = slotsFor(kindClusterSnapshot)
    const first = positionsOf(await elk.layout(toElkGraph(model, slots)))
    const second = positionsOf(await elk.layout(toElkGraph(model, slots)))
    expect(second).toEqual(first)
    const nodeXs = new Set(model.nodes.map((n) => first[n.id].x))
    expect(nodeXs.size).toBe(1)
    expect(first.client.x).toBeLessThan(first['Service/default/kubia'].x)
    expect(first['Service/default/kubia'].x).toBeLessThan([...nodeXs][0])
    const flow = toFlow(kindClusterSnapshot, { positions: first, slots })
    expect(byId(flow, 'Node//kind-worker')?.position).toEqual(first['Node//kind-worker'])
  })
})
