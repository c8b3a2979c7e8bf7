import { describe, expect, it } from 'vitest'
import type { KubeObject } from '../api/types.ts'
import { admitCreate, admitUpdate, releaseOnDelete } from './index.ts'
import { testContext } from './testing.ts'

const clone = <T>(o: T): T => JSON.parse(JSON.stringify(o))
const svc = (name: string, spec: any): KubeObject => ({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec })

describe('admitCreate', () => {
  it('allocates a cluster IP from the upper band and node ports for NodePort Services', () => {
    const ctx = testContext(1)
    const res = admitCreate(svc('web', { type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] }), ctx)
    const spec = res.object!.spec
    expect(spec.clusterIPs).toEqual([spec.clusterIP])
    expect(ctx.allocators.serviceIPs.has(spec.clusterIP)).toBe(true)
    expect(spec.ports[0].nodePort).toBeGreaterThanOrEqual(30086)
    expect(spec).toMatchObject({ ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack', externalTrafficPolicy: 'Cluster' })
    expect(res.object!.status).toEqual({ loadBalancer: {} })
  })

  it('is deterministic for a seed', () => {
    const a = admitCreate(svc('web', { type: 'NodePort', ports: [{ port: 80 }] }), testContext(42)).object!.spec
    const b = admitCreate(svc('web', { type: 'NodePort', ports: [{ port: 80 }] }), testContext(42)).object!.spec
    expect([a.clusterIP, a.ports[0].nodePort]).toEqual([b.clusterIP, b.ports[0].nodePort])
  })

  it('rolls back every allocation when validation fails', () => {
    const ctx = testContext(1)
    const res = admitCreate(svc('web', {
      type: 'LoadBalancer', externalTrafficPolicy: 'Local', sessionAffinity: 'Sticky',
      ports: [{ name: 'http', port: 80, nodePort: 30080 }, { name: 'https', port: 443 }],
    }), ctx)
    expect(res.error?.reason).toBe('Invalid')
    expect(ctx.allocators.serviceIPs.used()).toEqual([])
    expect(ctx.allocators.nodePorts.used()).toEqual([])
  })

  it('rolls back the cluster IP when a node port is taken', () => {
    const ctx = testContext(1)
    admitCreate(svc('a', { type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] }), ctx)
    const ipsBefore = ctx.allocators.serviceIPs.used()
    const res = admitCreate(svc('b', { type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] }), ctx)
    expect(res.error?.message).toBe('Service "b" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated')
    expect(ctx.allocators.serviceIPs.used()).toEqual(ipsBefore)
  })

  it('gives headless Services no cluster IP, and selectorless headless ones both families (RequireDualStack)', () => {
    const ctx = testContext(1)
    const headless = admitCreate(svc('h', { clusterIP: 'None', selector: { app: 'x' }, ports: [{ port: 80 }] }), ctx).object!.spec
    expect(headless).toMatchObject({ clusterIP: 'None', clusterIPs: ['None'], ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack' })
    const bare = admitCreate(svc('b', { clusterIP: 'None', ports: [{ port: 80 }] }), ctx).object!.spec
    expect(bare).toMatchObject({ ipFamilies: ['IPv4', 'IPv6'], ipFamilyPolicy: 'RequireDualStack' })
    expect(ctx.allocators.serviceIPs.used()).toEqual([])
  })

  it('allocates a health-check node port for LoadBalancer + Local', () => {
    const ctx = testContext(1)
    const spec = admitCreate(svc('lb', { type: 'LoadBalancer', externalTrafficPolicy: 'Local', ports: [{ port: 80 }] }), ctx).object!.spec
    expect(spec.healthCheckNodePort).toBeGreaterThan(30000)
    expect(ctx.allocators.nodePorts.used()).toHaveLength(2)
  })

  it('converts extensions/v1beta1 Ingress to networking.k8s.io/v1 with the deprecation warning', () => {
    const res = admitCreate({
      apiVersion: 'extensions/v1beta1', kind: 'Ingress', metadata: { name: 'kubia', namespace: 'default' },
      spec: {
        backend: { serviceName: 'default-http', servicePort: 80 },
        rules: [{ host: 'kubia.example.com', http: { paths: [{ path: '/', backend: { serviceName: 'kubia-nodeport', servicePort: 'http' } }] } }],
      },
    }, testContext())
    expect(res.warnings).toEqual(['extensions/v1beta1 Ingress is deprecated in v1.14+, unavailable in v1.22+; use networking.k8s.io/v1 Ingress'])
    expect(res.object!.apiVersion).toBe('networking.k8s.io/v1')
    expect(res.object!.spec).toEqual({
      defaultBackend: { service: { name: 'default-http', port: { number: 80 } } },
      rules: [{ host: 'kubia.example.com', http: { paths: [{ path: '/', pathType: 'ImplementationSpecific', backend: { service: { name: 'kubia-nodeport', port: { name: 'http' } } } }] } }],
    })
    expect(res.object!.metadata.generation).toBe(1)
  })

  it('adds the Pod admission plugins: service account token volume, default tolerations, priority, Pending status', () => {
    const res = admitCreate({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'luksa/kubia' }] } }, testContext(1))
    const spec = res.object!.spec
    expect(spec.serviceAccountName).toBe('default')
    expect(spec.volumes[0].name).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/)
    expect(spec.containers[0].volumeMounts).toEqual([{ mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', name: spec.volumes[0].name, readOnly: true }])
    expect(spec.tolerations.map((t: any) => `${t.key}:${t.effect}:${t.tolerationSeconds}`))
      .toEqual(['node.kubernetes.io/not-ready:NoExecute:300', 'node.kubernetes.io/unreachable:NoExecute:300'])
    expect(spec).toMatchObject({ priority: 0, preemptionPolicy: 'PreemptLowerPriority', enableServiceLinks: true })
    expect(res.object!.status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' })
  })

  it('refuses objects in a namespace that does not exist (NamespaceLifecycle)', () => {
    const res = admitCreate({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'dev' } }, testContext())
    expect(res.error).toMatchObject({ code: 404, reason: 'NotFound', message: 'namespaces "dev" not found' })
    const ns: KubeObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dev' }, status: { phase: 'Terminating' } }
    const term = admitCreate({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd', namespace: 'dev' } }, testContext(1, [ns]))
    expect(term.error?.message).toBe('deployments.apps "d" is forbidden: unable to create new content in namespace dev because it is being terminated')
  })

  it('merges Secret stringData into base64 data; Namespace gets its finalizer', () => {
    const s = admitCreate({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: 'default' }, stringData: { user: 'admin', pw: 'pä' } }, testContext())
    expect(s.object).toMatchObject({ type: 'Opaque', data: { user: 'YWRtaW4=', pw: 'cMOk' } })
    expect(s.object!.stringData).toBeUndefined()
    const ns = admitCreate({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dev' } }, testContext())
    expect(ns.object!.spec).toEqual({ finalizers: ['kubernetes'] })
  })
})

describe('admitUpdate', () => {
  function created(ctx = testContext(3)) {
    const obj = admitCreate(svc('web', { type: 'NodePort', selector: { app: 'web' }, ports: [{ name: 'http', port: 80 }] }), ctx).object!
    return { ctx, obj }
  }

  it('NodePort → ClusterIP releases the node port (kubectl apply keeps the live nodePort in the patch)', () => {
    const { ctx, obj } = created()
    const next = clone(obj)
    next.spec.type = 'ClusterIP'
    const res = admitUpdate(next, obj, ctx)
    expect(res.error).toBeUndefined()
    expect(res.object!.spec.ports[0].nodePort).toBeUndefined()
    expect(res.object!.spec.externalTrafficPolicy).toBeUndefined()
    expect(ctx.allocators.nodePorts.used()).toEqual([])
    expect(res.object!.spec.clusterIP).toBe(obj.spec.clusterIP)
  })

  it('ClusterIP → NodePort allocates a node port', () => {
    const ctx = testContext(4)
    const obj = admitCreate(svc('web', { ports: [{ port: 80 }] }), ctx).object!
    const next = clone(obj)
    next.spec.type = 'NodePort'
    const res = admitUpdate(next, obj, ctx)
    expect(res.object!.spec.ports[0].nodePort).toBe(ctx.allocators.nodePorts.used()[0])
    expect(res.object!.spec.externalTrafficPolicy).toBe('Cluster')
  })

  it('a replacement without clusterIP or nodePort keeps the allocated ones (patchAllocatedValues)', () => {
    const { ctx, obj } = created()
    const manifest = svc('web', { type: 'NodePort', selector: { app: 'web' }, ports: [{ name: 'http', port: 80 }] })
    const res = admitUpdate(manifest, obj, ctx)
    expect(res.object!.spec.clusterIP).toBe(obj.spec.clusterIP)
    expect(res.object!.spec.ports[0].nodePort).toBe(obj.spec.ports[0].nodePort)
    expect(ctx.allocators.nodePorts.used()).toEqual([obj.spec.ports[0].nodePort])
  })

  it('a failed update keeps the old allocations and frees the new ones', () => {
    const { ctx, obj } = created()
    const next = clone(obj)
    next.spec.ports = [{ name: 'http', port: 80, nodePort: 31999 }, { name: 'http', port: 81 }]
    const res = admitUpdate(next, obj, ctx)
    expect(res.error?.message).toBe('Service "web" is invalid: spec.ports[1].name: Duplicate value: "http"')
    expect(ctx.allocators.nodePorts.used()).toEqual([obj.spec.ports[0].nodePort])
  })

  it('→ ExternalName releases the cluster IP and node ports', () => {
    const { ctx, obj } = created()
    const next = clone(obj)
    next.spec.type = 'ExternalName'
    next.spec.externalName = 'example.com'
    const res = admitUpdate(next, obj, ctx)
    expect(res.error).toBeUndefined()
    expect(res.object!.spec.clusterIP).toBeUndefined()
    expect(ctx.allocators.serviceIPs.used()).toEqual([])
    expect(ctx.allocators.nodePorts.used()).toEqual([])
  })

  it('bumps generation only when the spec changes', () => {
    const ctx = testContext()
    const d = admitCreate({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd', namespace: 'default' }, spec: { selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } } }, ctx).object!
    const labelled = clone(d)
    labelled.metadata.labels = { x: 'y' }
    expect(admitUpdate(labelled, d, ctx).object!.metadata.generation).toBe(1)
    const scaled = clone(d)
    scaled.spec.replicas = 3
    expect(admitUpdate(scaled, d, ctx).object!.metadata.generation).toBe(2)
  })

  it('refuses Pod spec changes other than the image', () => {
    const ctx = testContext()
    const p = admitCreate({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } }, ctx).object!
    const image = clone(p)
    image.spec.containers[0].image = 'nginx:1.27'
    expect(admitUpdate(image, p, ctx).error).toBeUndefined()
    const bound = clone(p)
    bound.spec.nodeName = 'kind-worker'
    expect(admitUpdate(bound, p, ctx).error).toBeUndefined()
    const ports = clone(p)
    ports.spec.containers[0].ports = [{ containerPort: 80, protocol: 'TCP' }]
    expect(admitUpdate(ports, p, ctx).error?.message).toMatch(/^Pod "p" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers\[\*\].image`/)
  })
})

describe('releaseOnDelete', () => {
  it('frees the cluster IP, node ports and health-check node port', () => {
    const ctx = testContext()
    const lb = admitCreate(svc('lb', { type: 'LoadBalancer', externalTrafficPolicy: 'Local', ports: [{ port: 80 }, { name: 'b', port: 81 }].map((p, i) => ({ ...p, name: `p${i}` })) }), ctx).object!
    expect(ctx.allocators.nodePorts.used()).toHaveLength(3)
    releaseOnDelete(lb, ctx)
    expect(ctx.allocators.nodePorts.used()).toEqual([])
    expect(ctx.allocators.serviceIPs.used()).toEqual([])
  })
})
