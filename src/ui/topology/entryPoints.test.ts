import { describe, expect, it } from 'vitest'
import type { ClusterSnapshot } from '../../engine/snapshot.ts'
import { EngineHost } from '../../worker/engineHost.ts'
import { hopTargets } from '../animation/hopTarget.ts'
import { defaultFiles } from '../fixtures/defaultDocument.ts'
import { toElkGraph } from './elkGraph.ts'
import { readTopology } from './model.ts'
import { graphShape } from './quickLayout.ts'
import { assignSlots, emptySlots } from './slots.ts'
import { toFlow } from './toFlow.ts'

const extra = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: LoadBalancer
  selector:
    app: kubia
  ports:
    - port: 80
      targetPort: 8080
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: kubia
spec:
  ingressClassName: nginx
  rules:
    - host: kubia.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: kubia
                port:
                  number: 80
`

function run(host: EngineHost, ...lines: string[]) {
  for (const line of lines) for (const r of host.run(line)) expect(r.exitCode, `${line}: ${JSON.stringify(r.chunks)}`).toBe(0)
}

const noLayout = { positions: {}, slots: emptySlots }
const edgesOf = (s: ClusterSnapshot) => toFlow(s, noLayout).edges

describe('load balancer and Ingress boxes', () => {
  const host = new EngineHost()
  host.apply({ files: [...defaultFiles, { name: 'extra.yaml', text: extra }], seed: 1 })
  run(host, 'kubectl apply -f https://raw.githubusercontent.com/kubernetes/ingress-nginx/controller-v1.12.0/deploy/static/provider/kind/deploy.yaml', 'sleep 30')
  const before = host.snapshot()!
  run(host, 'kubectl label node kind-worker ingress-ready=true', 'cloud-provider-kind &', 'sleep 60')
  const after = host.snapshot()!

  it('draws the LB <pending> without routes to the nodes, then with its IP and edges to the node ports', () => {
    const pending = toFlow(before, noLayout)
    const box = pending.nodes.find((n) => n.id === 'LoadBalancer/default/web')!
    expect(box.type).toBe('loadBalancer')
    expect(box.ariaLabel).toContain('<pending>')
    const fromLb = (s: ClusterSnapshot) => edgesOf(s).filter((e) => e.source === 'LoadBalancer/default/web')
    expect(fromLb(before)).toEqual([])
    expect(pending.edges.find((e) => e.id === 'client->LoadBalancer/default/web')!.className).toContain('edge-pending')
    // The LoadBalancer Service itself is no longer fed by the client directly: the LB box is.
    expect(pending.edges.some((e) => e.id === 'client->Service/default/web')).toBe(false)

    const live = toFlow(after, noLayout)
    expect(live.nodes.find((n) => n.id === 'LoadBalancer/default/web')!.ariaLabel).toMatch(/172\.18\.0\.\d+, cloud-provider-kind/)
    const nodePort = readTopology(after).services.find((s) => s.name === 'web')!.nodePorts[0]
    // kind excludes the control plane from external load balancers.
    expect(fromLb(after).map((e) => [e.target, e.label, e.className])).toEqual([
      ['Node//kind-worker', `:${nodePort}`, 'edge-lb'], ['Node//kind-worker2', `:${nodePort}`, 'edge-lb']])
  })

  it('the layout does not move when the provider assigns the IP (same ELK graph shape)', () => {
    const graph = (s: ClusterSnapshot) => { const m = readTopology(s); return toElkGraph(m, assignSlots(emptySlots, m)) }
    const lbEdges = (s: ClusterSnapshot) => graph(s).edges!.filter((e) => e.id.includes('LoadBalancer/')).map((e) => e.id)
    expect(lbEdges(after)).toEqual(lbEdges(before))
    expect(graph(after).children!.map((c) => c.id)).toContain('LoadBalancer/default/web')
  })

  it('an Ingress without a running controller is inert; once served, the controller routes straight to the pods', () => {
    const inert = readTopology(before).ingresses[0]
    expect(inert.controllerPodIds).toEqual([])
    expect(toFlow(before, noLayout).nodes.find((n) => n.id === 'Ingress/default/kubia')!.ariaLabel).toContain('no ingress controller serves it')

    const model = readTopology(after)
    const ing = model.ingresses[0]
    expect(ing).toMatchObject({ address: 'localhost', className: 'nginx', rules: [{ host: 'kubia.example.com', path: '/', service: 'kubia', port: '80' }] })
    expect(ing.controllerPodIds).toHaveLength(1)
    const ctrl = ing.controllerPodIds[0]
    const kubiaPods = model.pods.filter((p) => p.name.startsWith('kubia-')).map((p) => p.id).sort()
    const edges = edgesOf(after)
    expect(edges.some((e) => e.source === 'Ingress/default/kubia' && e.target === ctrl)).toBe(true)
    expect(edges.filter((e) => e.source === ctrl).map((e) => e.target).sort()).toEqual(kubiaPods)
    // Not through the Service: no edge from the controller to the kubia Service box.
    expect(edges.some((e) => e.source === ctrl && e.target.startsWith('Service/'))).toBe(false)
  })

  it('a Local policy LB marks nodes without a ready local endpoint as failing the health check', () => {
    const objects = structuredClone([...after.objects])
    const svc = objects.find((o) => o.kind === 'Service' && o.metadata.name === 'web')!
    svc.spec.externalTrafficPolicy = 'Local'
    for (const slice of objects.filter((o) => o.kind === 'EndpointSlice' && o.metadata.labels?.['kubernetes.io/service-name'] === 'web')) {
      slice.endpoints = (slice.endpoints as { nodeName?: string }[]).filter((e) => e.nodeName !== 'kind-worker2')
    }
    const local = { ...after, version: after.version + 1, objects }
    expect(readTopology(local).loadBalancers[0].targets).toEqual([
      { nodeId: 'Node//kind-worker', healthy: true }, { nodeId: 'Node//kind-worker2', healthy: false }])
    const edge = edgesOf(local).find((e) => e.id === 'LoadBalancer/default/web->Node//kind-worker2')!
    expect(edge.className).toContain('edge-unready')
    expect(edge.ariaLabel).toContain('no local endpoint')
  })

  it('a loadbalancer/<ip> hop lands on the LB box', () => {
    const ip = readTopology(after).loadBalancers[0].ip
    expect(hopTargets(after)(`loadbalancer/${ip}`)).toBe('LoadBalancer/default/web')
  })

  it('counts not-ready endpoints on the Service', () => {
    const objects = structuredClone([...after.objects])
    const ep = objects.find((o) => o.kind === 'Endpoints' && o.metadata.name === 'kubia')!
    const subset = (ep.subsets as { addresses: unknown[]; notReadyAddresses?: unknown[] }[])[0]
    subset.notReadyAddresses = subset.addresses.splice(0, 1)
    const svc = readTopology({ ...after, objects }).services.find((s) => s.name === 'kubia')!
    expect([svc.readyEndpoints, svc.notReadyEndpoints]).toEqual([2, 1])
    expect(toFlow({ ...after, objects }, noLayout).nodes.find((n) => n.id === 'Service/default/kubia')!.ariaLabel).toContain('2 ready endpoints, 1 not ready')
  })
})

it('the default scenario draws no LB or Ingress box (its precomputed layout stays valid)', () => {
  const host = new EngineHost()
  host.apply({ files: defaultFiles, seed: 1 })
  const m = readTopology(host.snapshot()!)
  expect([m.loadBalancers, m.ingresses]).toEqual([[], []])
  expect(graphShape(toElkGraph(m, assignSlots(emptySlots, m)))).not.toContain('LoadBalancer')
})
