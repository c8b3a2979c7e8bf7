// Metadata as each kind's registry strategy writes it, through the API server's write path (admission, store).
import { describe, expect, it } from 'vitest'
import { ApiServer } from './api-server.ts'
import { ObjectStore } from './store.ts'
import type { KubeObject } from './types.ts'
import { SeededRandom } from '../sim/random.ts'
import { SimClock } from '../sim/clock.ts'
import { testContext } from '../admission/testing.ts'
import { admissionFor } from '../admission/index.ts'

function server() {
  const clock = new SimClock(Date.UTC(2026, 0, 1, 9, 0, 0) / 1000)
  const store = new ObjectStore(new SeededRandom(1), clock)
  const api = new ApiServer(store, admissionFor(() => testContext(1, store.all())))
  store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } })
  return { clock, store, api }
}

const template = (image: string) => ({ metadata: { labels: { app: 'a' } }, spec: { containers: [{ name: 'c', image }] } })
const deployment = (): KubeObject => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd', namespace: 'default' }, spec: { replicas: 1, selector: { matchLabels: { app: 'a' } }, template: template('nginx') } })
const replicaSet = (): KubeObject => ({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'r', namespace: 'default' }, spec: { replicas: 1, selector: { matchLabels: { app: 'a' } }, template: template('nginx') } })
const rc = (): KubeObject => ({ apiVersion: 'v1', kind: 'ReplicationController', metadata: { name: 'rc', namespace: 'default' }, spec: { replicas: 1, selector: { app: 'a' }, template: template('nginx') } })
const ingress = (): KubeObject => ({ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'i', namespace: 'default' }, spec: { defaultBackend: { service: { name: 's', port: { number: 80 } } } } })
const ingressClass = (): KubeObject => ({ apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'nginx' }, spec: { controller: 'k8s.io/ingress-nginx' } })
const slice = (): KubeObject => ({ apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 's-abc', namespace: 'default', labels: { 'kubernetes.io/service-name': 's' } }, addressType: 'IPv4', endpoints: [{ addresses: ['10.244.1.2'], conditions: { ready: true } }], ports: [{ name: '', port: 80, protocol: 'TCP' }] })
const service = (): KubeObject => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's', namespace: 'default' }, spec: { selector: { app: 'a' }, ports: [{ port: 80 }] } })
const pod = (extra: Record<string, unknown> = {}): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx' }], ...extra } })
const configMap = (): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm', namespace: 'default' }, data: { a: '1' } })

const withSpec = (o: KubeObject, spec: Record<string, unknown>): KubeObject => ({ ...o, spec: { ...o.spec, ...spec } })
const withAnnotation = (o: KubeObject): KubeObject => ({ ...o, metadata: { ...o.metadata, annotations: { note: 'x' } } })
const withLabel = (o: KubeObject): KubeObject => ({ ...o, metadata: { ...o.metadata, labels: { ...o.metadata.labels, extra: 'y' } } })
const withStatus = (o: KubeObject, status: Record<string, unknown>): KubeObject => ({ ...o, status: { ...o.status, ...status } })

describe('generation, as each registry strategy sets it', () => {
  // pkg/registry/apps/deployment/strategy.go
  it('Deployment: 1 on create; + 1 on a spec or annotation change; not on labels or through /status', () => {
    const { api } = server()
    const d = api.create(deployment()).object
    expect(d.metadata.generation).toBe(1)
    const labeled = api.update(withLabel(d)).object
    expect(labeled.metadata.generation).toBe(1)
    const annotated = api.update(withAnnotation(labeled)).object
    expect(annotated.metadata.generation).toBe(2)
    const scaled = api.update(withSpec(annotated, { replicas: 3 })).object
    expect(scaled.metadata.generation).toBe(3)
    // The controller's revision annotation and status go through UpdateStatus: no bump.
    const status = api.updateStatus(withStatus({ ...scaled, metadata: { ...scaled.metadata, annotations: { 'deployment.kubernetes.io/revision': '1' } } }, { observedGeneration: 3 }))
    expect(status.metadata.generation).toBe(3)
    expect(Number(status.metadata.resourceVersion)).toBeGreaterThan(Number(scaled.metadata.resourceVersion))
  })

  // pkg/registry/apps/replicaset/strategy.go
  it('ReplicaSet: 1 on create; + 1 on spec changes only (a scale by its Deployment counts)', () => {
    const { api } = server()
    const r = api.create(replicaSet()).object
    expect(r.metadata.generation).toBe(1)
    expect(api.update(withAnnotation(r)).object.metadata.generation).toBe(1)
    const scaled = api.updateStatus(withSpec(api.get('ReplicaSet', 'default', 'r'), { replicas: 0 }))
    expect(scaled.metadata.generation).toBe(2)
    expect(api.updateStatus(withStatus(scaled, { replicas: 0, observedGeneration: 2 })).metadata.generation).toBe(2)
  })

  // pkg/registry/core/replicationcontroller/strategy.go
  it('ReplicationController: 1 on create; + 1 on spec changes only', () => {
    const { api } = server()
    const r = api.create(rc()).object
    expect(r.metadata.generation).toBe(1)
    expect(api.update(withLabel(r)).object.metadata.generation).toBe(1)
    expect(api.update(withSpec(api.get('ReplicationController', 'default', 'rc'), { replicas: 2 })).object.metadata.generation).toBe(2)
  })

  // pkg/registry/networking/ingress/strategy.go
  it('Ingress: 1 on create; + 1 on spec changes, not on status', () => {
    const { api } = server()
    const i = api.create(ingress()).object
    expect(i.metadata.generation).toBe(1)
    const lb = api.updateStatus(withStatus(i, { loadBalancer: { ingress: [{ ip: '172.18.0.2' }] } }))
    expect(lb.metadata.generation).toBe(1)
    expect(api.update(withSpec(lb, { ingressClassName: 'nginx' })).object.metadata.generation).toBe(2)
  })

  // pkg/registry/networking/ingressclass/strategy.go
  it('IngressClass: 1 on create; + 1 on spec changes', () => {
    const { api } = server()
    const c = api.create(ingressClass()).object
    expect(c.metadata.generation).toBe(1)
    expect(api.update(withAnnotation(c)).object.metadata.generation).toBe(1)
    expect(api.update(withSpec(api.get('IngressClass', undefined, 'nginx'), { controller: 'example.com/other' })).object.metadata.generation).toBe(2)
  })

  // pkg/registry/discovery/endpointslice/strategy.go
  it('EndpointSlice (no spec): 1 on create; + 1 on any change outside metadata, or to its labels', () => {
    const { api } = server()
    const s = api.create(slice()).object
    expect(s.metadata.generation).toBe(1)
    const notReady = api.updateStatus({ ...s, endpoints: [{ addresses: ['10.244.1.2'], conditions: { ready: false } }] })
    expect(notReady.metadata.generation).toBe(2)
    const labeled = api.updateStatus(withLabel(notReady))
    expect(labeled.metadata.generation).toBe(3)
    const annotated = api.updateStatus(withAnnotation(labeled))
    expect(annotated.metadata.generation).toBe(3)
    expect(annotated.metadata.resourceVersion).not.toBe(labeled.metadata.resourceVersion)
  })

  // pkg/registry/core/service/strategy.go, core/pod/strategy.go (v1.32), core/configmap/strategy.go: no generation
  it('Service, Pod, ConfigMap: no generation at all, however they change', () => {
    const { api } = server()
    const svc = api.create(service()).object
    expect(svc.metadata.generation).toBeUndefined()
    expect(api.update(withSpec(svc, { type: 'NodePort' })).object.metadata.generation).toBeUndefined()
    const p = api.create(pod()).object
    expect(p.metadata.generation).toBeUndefined()
    expect(api.updateStatus(withStatus(p, { phase: 'Running' })).metadata.generation).toBeUndefined()
    const cm = api.create(configMap()).object
    expect(api.update({ ...cm, data: { a: '2' } }).object.metadata.generation).toBeUndefined()
  })

  it('resourceVersion moves on every write that changes something, and only then', () => {
    const { api } = server()
    const cm = api.create(configMap()).object
    expect(api.update({ ...cm }).object.metadata.resourceVersion).toBe(cm.metadata.resourceVersion)
    const changed = api.update({ ...cm, data: { a: '2' } }).object
    expect(Number(changed.metadata.resourceVersion)).toBeGreaterThan(Number(cm.metadata.resourceVersion))
  })
})

describe('deletion, as rest.BeforeDelete and the generic store write it', () => {
  // staging/src/k8s.io/apiserver/pkg/registry/generic/registry/store.go (markAsDeleting, deleteForEmptyFinalizers)
  it('an object with finalizers is marked (deletionTimestamp now, grace 0, generation + 1) and goes when its last finalizer does', () => {
    const { api, store, clock } = server()
    const d = api.create({ ...deployment(), metadata: { ...deployment().metadata, finalizers: ['example.com/hold'] } }).object
    clock.advanceTo(clock.now() + 5)
    const marked = api.delete('Deployment', 'default', 'd')
    expect(marked.metadata).toMatchObject({ deletionTimestamp: '2026-01-01T09:00:05Z', deletionGracePeriodSeconds: 0, generation: 2 })
    expect(store.get('Deployment', 'default', 'd')).toBe(marked)
    // Deleting again changes nothing.
    expect(api.delete('Deployment', 'default', 'd')).toBe(marked)
    expect(d.metadata.deletionTimestamp).toBeUndefined()
    api.update({ ...marked, metadata: { ...marked.metadata, finalizers: [] } })
    expect(store.get('Deployment', 'default', 'd')).toBeUndefined()
  })

  it('an object without finalizers is gone at once (no graceful deletion for its kind)', () => {
    const { api, store } = server()
    api.create(service())
    const gone = api.delete('Service', 'default', 's')
    expect(gone.metadata.deletionTimestamp).toBeUndefined()
    expect(store.get('Service', 'default', 's')).toBeUndefined()
  })

  // pkg/registry/core/pod/strategy.go (CheckGracefulDelete), staging/src/k8s.io/apiserver/pkg/registry/rest/delete.go
  it('Pod (graceful deletion on): a running pod gets now + its grace period; a second delete only shortens it; 0 removes it', () => {
    const { api, store } = server()
    api.gracefulPodDeletion = true
    api.create(pod({ nodeName: 'kind-worker', terminationGracePeriodSeconds: 45 }))
    const marked = api.delete('Pod', 'default', 'p')
    expect(marked.metadata).toMatchObject({ deletionTimestamp: '2026-01-01T09:00:45Z', deletionGracePeriodSeconds: 45 })
    expect(marked.metadata.generation).toBeUndefined()
    expect(api.delete('Pod', 'default', 'p', { gracePeriodSeconds: 60 })).toBe(marked)
    const shorter = api.delete('Pod', 'default', 'p', { gracePeriodSeconds: 10 })
    expect(shorter.metadata).toMatchObject({ deletionTimestamp: '2026-01-01T09:00:10Z', deletionGracePeriodSeconds: 10 })
    api.delete('Pod', 'default', 'p', { gracePeriodSeconds: 0 })
    expect(store.get('Pod', 'default', 'p')).toBeUndefined()
  })

  it('Pod: an unscheduled or finished pod has nothing to stop and goes at once; graceful deletion off keeps today\'s immediate delete', () => {
    const { api, store } = server()
    api.gracefulPodDeletion = true
    api.create(pod())
    api.delete('Pod', 'default', 'p')
    expect(store.get('Pod', 'default', 'p')).toBeUndefined()
    const done = api.create(pod({ nodeName: 'kind-worker' })).object
    api.updateStatus(withStatus(done, { phase: 'Succeeded' }))
    api.delete('Pod', 'default', 'p')
    expect(store.get('Pod', 'default', 'p')).toBeUndefined()
    api.gracefulPodDeletion = false
    api.create(pod({ nodeName: 'kind-worker' }))
    api.delete('Pod', 'default', 'p')
    expect(store.get('Pod', 'default', 'p')).toBeUndefined()
  })
})
