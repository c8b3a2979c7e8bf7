import { describe, expect, it } from 'vitest'
import { apply, assertIdle, pod, service, testCluster, getObj, listObj } from './testing.ts'
import { execInContainer } from '../node/container-exec.ts'

const web = (name: string, node: string, portNumber: number, extra: Record<string, unknown> = {}) =>
  pod(name, { nodeName: node, containers: [{ name: 'web', image: 'luksa/kubia', ports: [{ name: 'http', containerPort: portNumber }], ...extra }] }, { app: 'web' })

describe('endpoints and endpointslice controllers', () => {
  it('resolve a named targetPort per pod into separate subsets and slices (behaviour 10)', () => {
    const c = testCluster()
    apply(c, web('a', 'kind-worker', 8080), web('b', 'kind-worker2', 8080), web('odd', 'kind-worker', 9090))
    apply(c, service('web', { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 'http', protocol: 'TCP' }] }))
    const ep = getObj(c, 'Endpoints', 'default', 'web')!
    const ip = (n: string) => getObj(c, 'Pod', 'default', n)!.status.podIP
    expect(ep.subsets.map((s: any) => [s.addresses.map((a: any) => a.ip), s.ports])).toEqual([
      [[ip('a'), ip('odd')].filter((x) => x === ip('a')).concat(ip('b')).sort(), [{ port: 8080, protocol: 'TCP' }]],
      [[ip('odd')], [{ port: 9090, protocol: 'TCP' }]],
    ].sort((x: any, y: any) => (x[0][0] < y[0][0] ? -1 : 1)))
    expect(ep.subsets[0].addresses[0]).toMatchObject({ nodeName: expect.any(String), targetRef: { kind: 'Pod', namespace: 'default', uid: expect.any(String) } })
    expect(ep.metadata.annotations?.['endpoints.kubernetes.io/last-change-trigger-time']).toMatch(/Z$/)
    const slices = listObj(c, 'EndpointSlice', 'default').filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'web')
    expect(slices).toHaveLength(2)
    for (const s of slices) {
      expect(s.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/)
      expect(s.metadata.labels).toMatchObject({ 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' })
      expect(s.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'Service', name: 'web', controller: true })
      expect(s.addressType).toBe('IPv4')
    }
    expect(slices.map((s) => s.ports[0].port).sort()).toEqual([8080, 9090])
    assertIdle(c)
  })

  it('moves an address between addresses and notReadyAddresses as readiness flips (behaviour 26)', () => {
    const c = testCluster()
    apply(c, web('r', 'kind-worker', 8080, { readinessProbe: { exec: { command: ['ls', '/var/ready'] }, periodSeconds: 10 } }))
    apply(c, service('web', { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] }))
    const ep = () => getObj(c, 'Endpoints', 'default', 'web')!
    const slice = () => listObj(c, 'EndpointSlice', 'default').find((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'web')!
    expect(ep().subsets[0].addresses).toBeUndefined()
    expect(ep().subsets[0].notReadyAddresses).toHaveLength(1)
    expect(slice().endpoints[0].conditions).toEqual({ ready: false, serving: false, terminating: false })
    execInContainer({ store: c.store, runtime: c.runtime, config: c.config, pod: getObj(c, 'Pod', 'default', 'r')! }, ['touch', '/var/ready'])
    c.advance(10)
    expect(ep().subsets[0].addresses).toHaveLength(1)
    expect(ep().subsets[0].notReadyAddresses).toBeUndefined()
    expect(slice().endpoints[0].conditions).toEqual({ ready: true, serving: true, terminating: false })
    assertIdle(c)
  })

  it('publishNotReadyAddresses lists unready pods as ready', () => {
    const c = testCluster()
    apply(c, web('r', 'kind-worker', 8080, { readinessProbe: { exec: { command: ['false'] } } }))
    apply(c, service('web', { selector: { app: 'web' }, publishNotReadyAddresses: true, ports: [{ port: 80, targetPort: 8080 }] }))
    expect(getObj(c, 'Endpoints', 'default', 'web')!.subsets[0].addresses).toHaveLength(1)
    const slice = listObj(c, 'EndpointSlice', 'default').find((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'web')!
    expect(slice.endpoints[0].conditions).toEqual({ ready: true, serving: false, terminating: false })
  })

  it('leaves selector-less Services alone and mirrors hand-made Endpoints into slices (behaviour 15)', () => {
    const c = testCluster()
    apply(c, service('external', { ports: [{ port: 80 }] }))
    expect(getObj(c, 'Endpoints', 'default', 'external')).toBeUndefined()
    apply(c, { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'external', namespace: 'default' }, subsets: [{ addresses: [{ ip: '11.11.11.11' }, { ip: '22.22.22.22' }], ports: [{ port: 80 }] }] })
    expect(getObj(c, 'Endpoints', 'default', 'external')!.subsets[0].addresses).toHaveLength(2)
    const slices = listObj(c, 'EndpointSlice', 'default').filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'external')
    expect(slices).toHaveLength(1)
    expect(slices[0].metadata.labels?.['endpointslice.kubernetes.io/managed-by']).toBe('endpointslicemirroring-controller.k8s.io')
    expect(slices[0].endpoints.map((e: any) => e.addresses[0])).toEqual(['11.11.11.11', '22.22.22.22'])
    expect(slices[0].ports).toEqual([{ name: '', port: 80, protocol: 'TCP' }])
    assertIdle(c)
  })

  it('keeps one placeholder slice for a Service that selects nothing, and cleans up on deletion', () => {
    const c = testCluster()
    apply(c, service('empty', { selector: { app: 'none' }, ports: [{ port: 80 }] }))
    const slices = () => listObj(c, 'EndpointSlice', 'default').filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'empty')
    expect(slices()).toHaveLength(1)
    expect(slices()[0].endpoints).toEqual([])
    expect(getObj(c, 'Endpoints', 'default', 'empty')!.subsets).toBeUndefined()
    const name = slices()[0].metadata.name
    apply(c, pod('p', { nodeName: 'kind-worker', containers: [{ name: 'c', image: 'nginx' }] }, { app: 'none' }))
    expect(slices().map((s) => s.metadata.name)).toEqual([name])
    expect(slices()[0].endpoints).toHaveLength(1)
    c.api.delete('Service', 'default', 'empty')
    c.converge()
    expect(slices()).toHaveLength(0)
    expect(getObj(c, 'Endpoints', 'default', 'empty')).toBeUndefined()
  })
  it('are not woken by the echo of their own Endpoints/EndpointSlice writes, but re-sync after anyone else edits one', () => {
    const c = testCluster()
    apply(c, web('r', 'kind-worker', 8080, { readinessProbe: { exec: { command: ['ls', '/var/ready'] }, periodSeconds: 10 } }))
    apply(c, service('web', { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] }))
    const controllers = (c.manager as unknown as { controllers: { name: string; sync: (...args: unknown[]) => unknown }[] }).controllers
    const syncs = new Map<string, number>()
    for (const ctrl of controllers.filter((x) => x.name === 'endpoint-controller' || x.name === 'endpointslice-controller')) {
      const sync = ctrl.sync
      ctrl.sync = (...args: unknown[]) => {
        if (args[0] === 'Service/default/web') syncs.set(ctrl.name, (syncs.get(ctrl.name) ?? 0) + 1)
        return sync(...args)
      }
    }
    execInContainer({ store: c.store, runtime: c.runtime, config: c.config, pod: getObj(c, 'Pod', 'default', 'r')! }, ['touch', '/var/ready'])
    c.advance(10)
    expect(getObj(c, 'Endpoints', 'default', 'web')!.subsets[0].addresses).toHaveLength(1)
    // One pod write, one sync each: the Endpoints/slice update that sync made does not queue the Service again.
    expect(Object.fromEntries(syncs)).toEqual({ 'endpoint-controller': 1, 'endpointslice-controller': 1 })
    const ep = getObj(c, 'Endpoints', 'default', 'web')!
    c.api.update({ ...ep, subsets: [] })
    c.converge()
    expect(getObj(c, 'Endpoints', 'default', 'web')!.subsets[0].addresses).toHaveLength(1)
    expect(syncs.get('endpoint-controller')).toBe(2)
  })
})
