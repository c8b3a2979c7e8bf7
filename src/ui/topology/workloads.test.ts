import { describe, expect, it } from 'vitest'
import type { ClusterSnapshot } from '../../engine/snapshot.ts'
import { kindClusterSnapshot } from '../fixtures/kindCluster.ts'
import { edgePath, rectsOf } from './edgeGeometry.ts'
import { toElkGraph } from './elkGraph.ts'
import { gridLayout, wantsGrid } from './gridLayout.ts'
import { readTopology, type NodeInfo, type PodInfo, type ServiceInfo, type TopologyModel } from './model.ts'
import { searchHits } from './search.ts'
import { assignSlots, emptySlots } from './slots.ts'
import { toFlow } from './toFlow.ts'
import { EXPANDED_AT_MOST, noFilters, parseLabels, viewOf } from './workloads.ts'

const node = (name: string): NodeInfo => ({ id: `Node//${name}`, name, ip: null, podCIDR: null, controlPlane: false, tainted: false,
  ready: true, agents: [], nodePorts: [] })

function pod(app: string, i: number, nodeName: string, namespace = 'default', state: PodInfo['state'] = 'running'): PodInfo {
  const name = `${app}-abc-${String(i).padStart(5, '0')}`
  const status = { running: 'Running', 'not-ready': 'Running', pending: 'Pending', creating: 'ContainerCreating', terminating: 'Terminating',
    failed: 'CrashLoopBackOff', completed: 'Completed' }[state]
  return { id: `Pod/${namespace}/${name}`, name, namespace, nodeName, ip: `10.244.0.${i}`, phase: 'Running', ready: state === 'running',
    status, readyText: state === 'running' ? '1/1' : '0/1', restarts: 0, graceEndsAt: null, state, labels: { app }, workload: { kind: 'Deployment', name: app } }
}

const service = (app: string, pods: PodInfo[], namespace = 'default'): ServiceInfo => ({ id: `Service/${namespace}/${app}`, name: app, namespace,
  type: 'ClusterIP', clusterIP: '10.96.0.10', ports: '80/TCP', nodePorts: [], externalIP: null, selector: { app }, readyEndpoints: pods.length,
  notReadyEndpoints: 0, noEndpoints: false, selectedPodIds: pods.filter((p) => p.labels.app === app && p.namespace === namespace).map((p) => p.id), endpointNodeIds: [] })

/** `nodes` nodes, `perNode` kubia pods on each (one not ready on the first node), 2 api pods in `shop` on each. */
function bigModel(nodes: number, perNode: number): TopologyModel {
  const ns = Array.from({ length: nodes }, (_, i) => node(`worker${i}`))
  const pods = ns.flatMap((n, k) => [
    ...Array.from({ length: perNode }, (_, i) => pod('kubia', k * perNode + i, n.name, 'default', k === 0 && i === 0 ? 'not-ready' : 'running')),
    ...Array.from({ length: 2 }, (_, i) => pod('api', k * 2 + i, n.name, 'shop')),
  ]).sort((a, b) => (a.id < b.id ? -1 : 1))
  return { nodes: ns, pods, services: [service('kubia', pods), service('api', pods, 'shop')], loadBalancers: [], ingresses: [] }
}

describe('viewOf: pods grouped per workload per node', () => {
  it('draws a big group as one box with its counts, and small groups as their pods', () => {
    const view = viewOf(bigModel(3, 10))
    expect(view.boxes.map((b) => [b.id, b.total, b.ready, b.notReady, b.hidden])).toEqual([
      ['workload:worker0:Deployment/default/kubia', 10, 9, 1, 10],
      ['workload:worker1:Deployment/default/kubia', 10, 10, 0, 10],
      ['workload:worker2:Deployment/default/kubia', 10, 10, 0, 10],
    ])
    expect(view.pods.map((p) => p.name).every((n) => n.startsWith('api-'))).toBe(true)
    expect(view.pods).toHaveLength(6)
    expect(view.shownAs.get('Pod/default/kubia-abc-00003')).toBe('workload:worker0:Deployment/default/kubia')
  })

  it('keeps groups of up to EXPANDED_AT_MOST pods expanded (the default scenario looks as before)', () => {
    const view = viewOf(bigModel(2, EXPANDED_AT_MOST))
    expect(view.boxes).toEqual([])
    expect(viewOf(bigModel(2, EXPANDED_AT_MOST + 1)).boxes).toHaveLength(2)
  })

  it('expands a box on request, and draws a pinned pod (a request crosses it) beside its box', () => {
    const model = bigModel(2, 10)
    const box = 'workload:worker1:Deployment/default/kubia'
    const expanded = viewOf(model, { ...noFilters, expanded: new Set([box]) })
    expect(expanded.boxes.find((b) => b.id === box)).toMatchObject({ expanded: true, hidden: 0 })
    expect(expanded.pods.filter((p) => p.nodeName === 'worker1' && p.labels.app === 'kubia')).toHaveLength(10)
    const pinned = viewOf(model, { ...noFilters, pinned: new Set(['Pod/default/kubia-abc-00012']) })
    expect(pinned.boxes.find((b) => b.id === box)).toMatchObject({ total: 10, hidden: 9 })
    expect(pinned.shownAs.get('Pod/default/kubia-abc-00012')).toBe('Pod/default/kubia-abc-00012')
    expect(pinned.items.map((i) => i.id).indexOf('Pod/default/kubia-abc-00012')).toBe(pinned.items.map((i) => i.id).indexOf(box) + 1)
  })

  it('filters by namespace and by labels, Services included', () => {
    const model = bigModel(2, 10)
    const shop = viewOf(model, { ...noFilters, namespace: 'shop' })
    expect(shop.model.pods.every((p) => p.namespace === 'shop')).toBe(true)
    expect(shop.model.services.map((s) => s.name)).toEqual(['api'])
    const kubia = viewOf(model, { ...noFilters, labels: { app: 'kubia' } })
    expect(kubia.model.services.map((s) => s.name)).toEqual(['kubia'])
    expect(kubia.model.pods).toHaveLength(20)
    expect(parseLabels('app=web, tier=front')).toEqual({ app: 'web', tier: 'front' })
    expect(parseLabels('app')).toBeNull()
  })
})

describe('toFlow on a grouped view', () => {
  const snapshot = kindClusterSnapshot as ClusterSnapshot
  it('draws one Service edge per box, not per pod, and names the box aloud', () => {
    const view = viewOf(bigModel(3, 10))
    const flow = toFlow(snapshot, { positions: {}, slots: assignSlots(emptySlots, { pods: view.items }) }, view)
    const kubiaEdges = flow.edges.filter((e) => e.source === 'Service/default/kubia')
    expect(kubiaEdges.map((e) => e.target)).toEqual(view.boxes.map((b) => b.id))
    const box = flow.nodes.find((n) => n.type === 'workload')!
    expect(box.ariaLabel).toBe('Deployment default/kubia on worker0: 10 pods, 9 ready, 1 not ready')
    expect(box.parentId).toBe('Node//worker0')
  })

  it('the default scenario is unchanged: every pod a card, one edge per pod', () => {
    const flow = toFlow(snapshot, { positions: {}, slots: emptySlots })
    expect(flow.nodes.some((n) => n.type === 'workload')).toBe(false)
    expect(flow.edges.filter((e) => e.source === 'Service/default/kubia')).toHaveLength(3)
    expect(readTopology(snapshot).pods.find((p) => p.name.startsWith('kubia-'))!.workload).toEqual({ kind: 'ReplicaSet', name: 'kubia-7d5b8c6f9d' })
  })
})

describe('gridLayout: a big cluster fits a screen', () => {
  it('puts 20 node groups in a grid of about 16:9, without overlaps, Services beside it', () => {
    const view = viewOf(bigModel(20, 50))
    const slots = assignSlots(emptySlots, { pods: view.items })
    const graph = toElkGraph(view.model, slots)
    expect(wantsGrid(graph)).toBe(true)
    expect(wantsGrid(toElkGraph(readTopology(kindClusterSnapshot), assignSlots(emptySlots, readTopology(kindClusterSnapshot))))).toBe(false)
    const at = gridLayout(graph)
    const boxes = (graph.children ?? []).map((c) => ({ ...at[c.id], w: c.width ?? 0, h: c.height ?? 0 }))
    const right = Math.max(...boxes.map((b) => b.x + b.w))
    const bottom = Math.max(...boxes.map((b) => b.y + b.h))
    expect(right / bottom).toBeGreaterThan(1)
    expect(right / bottom).toBeLessThan(3.5)
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]; const b = boxes[j]
        expect(a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h, `${i} overlaps ${j}`).toBe(false)
      }
    }
  })
})

describe('the edge layer and the search', () => {
  it('places a child box at its parent plus its own position, and curves from right side to left side', () => {
    const rects = rectsOf([
      { id: 'g', type: 'clusterNode', position: { x: 100, y: 50 }, width: 300, height: 200, data: { node: null, podCount: 0 } },
      { id: 'p', type: 'pod', parentId: 'g', position: { x: 14, y: 74 }, width: 300, height: 58, data: { pod: pod('a', 1, 'n') } },
    ])
    expect(rects.get('p')).toEqual({ x: 114, y: 124, w: 300, h: 58 })
    expect(edgePath({ x: 0, y: 0, w: 100, h: 40 }, rects.get('p')!, false).d).toBe('M100,20 C140,20 74,153 114,153')
  })

  it('finds pods and Services by name or pod IP', () => {
    const model = bigModel(2, 10)
    expect(searchHits(model, 'kubia-abc-00013').map((h) => h.id)).toEqual(['Pod/default/kubia-abc-00013'])
    expect(searchHits(model, 'shop/api')[0]).toMatchObject({ id: 'Service/shop/api', what: 'Service ClusterIP' })
    expect(searchHits(model, '10.244.0.7').some((h) => h.id === 'Pod/default/kubia-abc-00007')).toBe(true)
    expect(searchHits(model, '  ')).toEqual([])
  })
})
