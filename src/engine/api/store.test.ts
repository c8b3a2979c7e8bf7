import { describe, expect, it } from 'vitest'
import { ObjectStore } from './store.ts'
import { SeededRandom } from '../sim/random.ts'
import { SimClock } from '../sim/clock.ts'
import type { KubeObject } from './types.ts'

// Deployments carry metadata.generation; Pods (in v1.32) and most other kinds do not.
const pod = (name: string, ns = 'default'): KubeObject => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace: ns }, spec: { containers: [{ name: 'c', image: 'nginx' }] } })

describe('ObjectStore', () => {
  it('stamps uid, resourceVersion, generation and creationTimestamp on create', () => {
    const store = new ObjectStore(new SeededRandom(1), new SimClock(1000))
    const created = store.create(pod('a'))
    expect(created.metadata.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(created.metadata.resourceVersion).toBe('1')
    expect(created.metadata.generation).toBe(1)
    expect(created.metadata.creationTimestamp).toBe('1970-01-01T00:16:40Z')
    expect(Object.isFrozen(created.spec.containers[0])).toBe(true)
  })

  it('does not bump resourceVersion for a no-op update, and bumps generation only on spec changes', () => {
    const store = new ObjectStore(new SeededRandom(1), new SimClock())
    const created = store.create(pod('a'))
    expect(store.update({ ...created })).toBe(created)
    const relabeled = store.update({ ...created, metadata: { ...created.metadata, labels: { app: 'x' } } })
    expect(relabeled.metadata.resourceVersion).toBe('2')
    expect(relabeled.metadata.generation).toBe(1)
    const respec = store.update({ ...relabeled, spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] } })
    expect(respec.metadata.generation).toBe(2)
    expect(respec.metadata.uid).toBe(created.metadata.uid)
  })

  it('lists by namespace then name and publishes every change', () => {
    const store = new ObjectStore(new SeededRandom(1), new SimClock())
    const seen: string[] = []
    store.subscribe((c) => seen.push(`${c.type}:${c.key}`))
    store.create(pod('b', 'kube-system'))
    store.create(pod('b'))
    store.create(pod('a'))
    expect(store.list('Deployment').map((p) => `${p.metadata.namespace}/${p.metadata.name}`)).toEqual(['default/a', 'default/b', 'kube-system/b'])
    expect(store.list('Deployment', 'kube-system')).toHaveLength(1)
    store.remove('Deployment/default/a')
    expect(seen).toEqual(['added:Deployment/kube-system/b', 'added:Deployment/default/b', 'added:Deployment/default/a', 'deleted:Deployment/default/a'])
    expect(store.get('Deployment', 'default', 'a')).toBeUndefined()
  })

  it('gives the same uids for the same seed', () => {
    const uids = (seed: number) => {
      const store = new ObjectStore(new SeededRandom(seed), new SimClock())
      return [store.create(pod('a')).metadata.uid, store.create(pod('b')).metadata.uid]
    }
    expect(uids(7)).toEqual(uids(7))
    expect(uids(7)).not.toEqual(uids(8))
  })
})
