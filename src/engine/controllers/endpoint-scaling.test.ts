// Per-sync work of the endpoint controllers, counted (never timed): a Service's pods change one status write at a
// time, and each write wakes its Service, whose sync rebuilds the whole endpoint list (as upstream's syncService
// does). Only the pod that changed may cost a new endpoint; the others are the objects the stored Endpoints and
// EndpointSlice already hold. If every sync rebuilt every pod again, N pods would cost N² endpoints.
import { describe, expect, it } from 'vitest'
import { ObjectStore } from '../api/store.ts'
import type { ObjectKey } from '../api/types.ts'
import { SeededRandom } from '../sim/random.ts'
import { SimClock } from '../sim/clock.ts'
import type { Controller, ControllerContext } from './controller.ts'
import { endpointsController } from './endpoints-controller.ts'
import { endpointSliceController } from './endpointslice-controller.ts'
import { LastSyncs, PodMemo, selectedPods, serviceSelector, servicesForPodChange } from './endpoint-util.ts'
import type { Change } from '../api/store.ts'
import { apply, deployment, service, settle, testCluster } from './testing.ts'

const N = 60

function setup() {
  const clock = new SimClock()
  const store = new ObjectStore(new SeededRandom(1), clock)
  store.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] } })
  for (let i = 0; i < N; i++) {
    store.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: `web-${i}`, namespace: 'default', labels: { app: 'web' } },
      spec: { nodeName: `node-${i % 3}`, containers: [{ name: 'c', image: 'nginx' }] }, status: { phase: 'Pending' } })
  }
  const ctx = { store, now: 0, rng: new SeededRandom(2), runtime: undefined, config: undefined } as unknown as ControllerContext
  const sync = (c: Controller) => {
    for (const w of c.sync('Service/default/web' as ObjectKey, ctx).writes) {
      if (w.op === 'create') store.create(w.object)
      else if (w.op === 'update') store.update(w.object)
      else store.remove(w.key)
    }
  }
  /** One pod's status write (IP, then Ready), as the kubelet makes them. */
  const write = (name: string, status: Record<string, unknown>) => {
    const pod = store.get('Pod', 'default', name)!
    clock.advanceTo(clock.now() + 1)
    store.update({ ...pod, status: { ...pod.status, ...status } })
  }
  return { store, sync, write, clock }
}

const running = (i: number) => ({ phase: 'Running', podIP: `10.244.${i % 3}.${10 + i}` })
const ready = (at: string) => ({ conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: at }] })

describe('endpoint controllers at scale (operation counts)', () => {
  it('build one endpoint per pod write, not one per pod per sync', () => {
    const { store, sync, write, clock } = setup()
    const sliceMemo = new PodMemo<unknown>(), addrMemo = new PodMemo<unknown>()
    const controllers = [endpointSliceController(sliceMemo as never), endpointsController(addrMemo as never)]
    for (let i = 0; i < N; i++) {
      write(`web-${i}`, running(i))
      for (const c of controllers) sync(c)
      write(`web-${i}`, ready(clock.nowRfc3339()))
      for (const c of controllers) sync(c)
    }
    // 2 writes per pod, each syncing the Service once per controller: one new endpoint each time.
    expect(sliceMemo.built).toBe(2 * N)
    expect(addrMemo.built).toBe(2 * N)
    const slice: any = store.list('EndpointSlice', 'default')[0]
    expect(slice.endpoints).toHaveLength(N)
    expect(slice.endpoints.every((e: { conditions: { ready: boolean } }) => e.conditions.ready)).toBe(true)
    expect((store.get('Endpoints', 'default', 'web') as any).subsets[0].addresses).toHaveLength(N)
  })

  it('keeps the stored endpoints of unchanged pods as the same objects (nothing new to compare or freeze)', () => {
    const { store, sync, write } = setup()
    const controllers = [endpointSliceController(), endpointsController()]
    for (let i = 0; i < N; i++) write(`web-${i}`, running(i))
    for (const c of controllers) sync(c)
    const before: any = store.list('EndpointSlice', 'default')[0]
    const addresses = (store.get('Endpoints', 'default', 'web') as any).subsets[0].notReadyAddresses
    write('web-7', ready('2026-01-01T00:00:00Z'))
    for (const c of controllers) sync(c)
    const after: any = store.list('EndpointSlice', 'default')[0]
    expect(after.metadata.resourceVersion).not.toBe(before.metadata.resourceVersion)
    const changed = after.endpoints.filter((e: unknown, i: number) => e !== before.endpoints[i])
    expect(changed.map((e: { targetRef: { name: string } }) => e.targetRef.name)).toEqual(['web-7'])
    const ep = (store.get('Endpoints', 'default', 'web') as any).subsets[0]
    expect(ep.addresses.map((a: { targetRef: { name: string } }) => a.targetRef.name)).toEqual(['web-7'])
    expect(ep.notReadyAddresses.filter((a: unknown) => !addresses.includes(a))).toEqual([])
  })

  it('after pod writes that leave their endpoints as they were, a slice update keeps the stored endpoint objects (not equal rebuilt ones)', () => {
    const c = testCluster()
    apply(c, service('web', { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] }), deployment('web', 4))
    const before: any = c.store.list('EndpointSlice', 'default').find((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'web')
    expect(before.endpoints).toHaveLength(4)
    // Status writes that leave every endpoint as it was (the endpoint controllers are not even woken by them).
    for (const p of c.store.list('Pod', 'default')) c.api.updateStatus({ ...p, status: { ...p.status, qosClass: 'Burstable' } })
    c.converge()
    const d = c.store.get('Deployment', 'default', 'web')!
    c.api.update({ ...d, spec: { ...d.spec, replicas: 5 } })
    c.converge()
    settle(c)
    const after: any = c.store.get('EndpointSlice', 'default', before.metadata.name)
    expect(after.endpoints).toHaveLength(5)
    // The four old endpoints are the objects the slice held (later syncs compare them by identity), not equal rebuilt ones.
    const kept = after.endpoints.filter((e: unknown) => before.endpoints.includes(e))
    expect(kept).toHaveLength(4)
  })

  it("answers the sync its own write's echo wakes at once, and syncs fully after anyone else's edit", () => {
    const { store, sync, write } = setup()
    for (let i = 0; i < N; i++) write(`web-${i}`, running(i))
    for (const [kind, make] of [['EndpointSlice', endpointSliceController], ['Endpoints', endpointsController]] as const) {
      const last = new LastSyncs()
      const c = make(undefined, last)
      sync(c)
      sync(c) // the echo of a create: admission may copy what it stores, so this one is a full sync
      write('web-3', ready(`2026-01-01T00:00:0${kind.length % 10}Z`))
      sync(c)
      const skipped = last.skipped
      sync(c) // the echo of its update: nothing it reads changed
      expect(last.skipped).toBe(skipped + 1)
      const stored: any = store.list(kind, 'default')[0]
      const edited = JSON.parse(JSON.stringify(stored))
      if (kind === 'Endpoints') edited.subsets[0].addresses = []
      else edited.endpoints = []
      store.update(edited)
      sync(c)
      expect(last.skipped).toBe(skipped + 1)
      // The full sync put the Service's endpoints back.
      const restored: any = store.list(kind, 'default')[0]
      expect(kind === 'Endpoints' ? restored.subsets.flatMap((x: any) => [...(x.addresses ?? []), ...(x.notReadyAddresses ?? [])]) : restored.endpoints).toHaveLength(N)
    }
  })

  it('selects a Service\'s pods once per pod write, and again after any pod of the namespace is written', () => {
    const { store, write } = setup()
    const svc = store.get('Service', 'default', 'web')!
    const select = () => selectedPods(store, svc, serviceSelector(svc)!)
    const first = select()
    expect(first).toHaveLength(N)
    // No pod written in between (the other controller's sync, an echo): the very same selection.
    store.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', namespace: 'default' } })
    expect(select()).toBe(first)
    write('web-5', running(5))
    const second = select()
    expect(second).not.toBe(first)
    expect(second.find((p) => p.metadata.name === 'web-5')).toBe(store.get('Pod', 'default', 'web-5'))
    // A relabelled pod leaves the selection; a new one joins it in name order.
    const pod = store.get('Pod', 'default', 'web-9')!
    store.update({ ...pod, metadata: { ...pod.metadata, labels: { app: 'other' } } })
    store.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-0a', namespace: 'default', labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } })
    const names = select().map((p) => p.metadata.name)
    expect(names).toHaveLength(N)
    expect(names).not.toContain('web-9')
    expect(names.slice(0, 3)).toEqual(['web-0', 'web-0a', 'web-1'])
  })

  it('writes, after single-pod changes kept incrementally, what a fresh controller computes from scratch', () => {
    const { store, sync, write, clock } = setup()
    const controllers = [endpointSliceController(), endpointsController()]
    for (let i = 0; i < N; i++) write(`web-${i}`, running(i))
    for (const c of controllers) sync(c)
    // One pod at a time: ready, an IP that sorts first, back to not ready, gone from the endpoints (no IP).
    const steps: [string, Record<string, unknown>][] = [['web-7', ready('2026-01-01T00:00:01Z')], ['web-40', { podIP: '10.0.0.1' }],
      ['web-7', { conditions: [{ type: 'Ready', status: 'False', lastTransitionTime: '2026-01-01T00:00:02Z' }] }], ['web-12', { podIP: undefined }],
      ['web-3', ready('2026-01-01T00:00:03Z')], ['web-3', { podIP: '10.255.0.9' }]]
    for (const [name, status] of steps) {
      write(name, status)
      for (const c of controllers) sync(c)
    }
    const stored = () => [JSON.stringify(store.get('Endpoints', 'default', 'web')!.subsets), JSON.stringify((store.list('EndpointSlice', 'default')[0] as any).endpoints)]
    const incremental = stored()
    const ep: any = store.get('Endpoints', 'default', 'web')
    expect(ep.subsets[0].addresses.map((a: { ip: string }) => a.ip)).toEqual(['10.255.0.9'])
    expect(ep.subsets[0].notReadyAddresses[0].ip).toBe('10.0.0.1')
    expect(ep.subsets[0].notReadyAddresses).toHaveLength(N - 2)
    clock.advanceTo(clock.now() + 1)
    for (const k of ['Endpoints', 'EndpointSlice']) for (const o of store.list(k, 'default')) store.remove(`${k}/default/${o.metadata.name}` as ObjectKey)
    for (const c of [endpointSliceController(), endpointsController()]) sync(c)
    expect(stored()).toEqual(incremental)
  })

  it("parses a stored Service's selector once, and answers both controllers' question about one pod write once", () => {
    const { store, write } = setup()
    const svc = store.get('Service', 'default', 'web')!
    expect(serviceSelector(svc)).toBe(serviceSelector(svc))
    // An object outside the store (still mutable) is parsed afresh every time.
    const loose = { ...svc, spec: { ...svc.spec, selector: { app: 'a' } } }
    const sel = serviceSelector(loose)
    loose.spec.selector = { app: 'b' }
    expect(serviceSelector(loose)).not.toEqual(sel)
    const changes: Change[] = []
    store.subscribe((c) => changes.push(c))
    write('web-1', running(1))
    const [change] = changes
    const keys = servicesForPodChange(change, store)
    expect(keys).toEqual(['Service/default/web'])
    expect(servicesForPodChange(change, store)).toBe(keys)
    // Any write in between (a new Service selecting the pod) and the answer is computed again.
    store.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web2', namespace: 'default' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } })
    expect(servicesForPodChange(change, store)).toEqual(['Service/default/web', 'Service/default/web2'])
    // A relabelling write names the Services of the old labels and of the new ones.
    const pod = store.get('Pod', 'default', 'web-2')!
    store.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'other', namespace: 'default' }, spec: { selector: { app: 'other' }, ports: [{ port: 80 }] } })
    store.update({ ...pod, metadata: { ...pod.metadata, labels: { app: 'other' } } })
    expect(servicesForPodChange(changes[changes.length - 1], store)).toEqual(['Service/default/other', 'Service/default/web', 'Service/default/web2'])
  })
})
