import { describe, expect, it } from 'vitest'
import { apply, assertIdle, events, activePods, pods, testCluster, getObj, listObj } from './testing.ts'
import type { KubeObject } from '../api/types.ts'
import { podsToDelete } from './replica-manager.ts'
import { SeededRandom } from '../sim/random.ts'

function rs(name: string, replicas: number, image = 'luksa/kubia'): KubeObject {
  return { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name, namespace: 'default' },
    spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name, image }] } } } }
}

function rc(name: string, replicas: number): KubeObject {
  return { apiVersion: 'v1', kind: 'ReplicationController', metadata: { name, namespace: 'default' },
    spec: { replicas, selector: { app: name }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name, image: 'luksa/kubia', ports: [{ containerPort: 8080 }] }] } } } }
}

describe('replicaset-controller', () => {
  it('creates <rs>-<5 chars> pods owned by the ReplicaSet, with events and status', () => {
    const c = testCluster()
    apply(c, rs('kubia', 3))
    const ps = pods(c)
    expect(ps).toHaveLength(3)
    for (const p of ps) {
      expect(p.metadata.name).toMatch(/^kubia-[bcdfghjklmnpqrstvwxz2456789]{5}$/)
      expect(p.metadata.generateName).toBe('kubia-')
      expect(p.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'kubia', uid: getObj(c, 'ReplicaSet', 'default', 'kubia')!.metadata.uid, controller: true, blockOwnerDeletion: true }])
    }
    expect(events(c).filter((e) => e.reason === 'SuccessfulCreate').map((e) => e.message).sort()).toEqual(ps.map((p) => `Created pod: ${p.metadata.name}`).sort())
    expect(getObj(c, 'ReplicaSet', 'default', 'kubia')!.status).toEqual({ replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 1 })
    assertIdle(c)
  })

  it('replaces a deleted pod with a new name and a new IP (behaviour 3)', () => {
    const c = testCluster()
    apply(c, rs('kubia', 1))
    const [before] = pods(c)
    c.api.delete('Pod', 'default', before.metadata.name)
    c.converge()
    c.advance(60) // the replacement's image may still be pulling on its node: no IP until its container starts
    const [after] = pods(c)
    expect(after.metadata.name).not.toBe(before.metadata.name)
    expect(after.status.podIP).toBeTruthy()
    if (after.spec.nodeName === before.spec.nodeName) expect(after.status.podIP).not.toBe(before.status.podIP)
    assertIdle(c)
  })

  it('adopts matching orphans and releases pods whose labels stop matching', () => {
    const c = testCluster()
    apply(c, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'stray', namespace: 'default', labels: { app: 'kubia' } }, spec: { containers: [{ name: 'x', image: 'nginx' }] } })
    apply(c, rs('kubia', 2))
    expect(pods(c)).toHaveLength(2)
    expect(getObj(c, 'Pod', 'default', 'stray')!.metadata.ownerReferences?.[0].name).toBe('kubia')
    const stray = getObj(c, 'Pod', 'default', 'stray')!
    c.api.update({ ...stray, metadata: { ...stray.metadata, labels: { app: 'other' } } })
    c.converge()
    expect(getObj(c, 'Pod', 'default', 'stray')!.metadata.ownerReferences).toBeUndefined()
    expect(pods(c)).toHaveLength(3)
    assertIdle(c)
  })

  it('scales down unscheduled, then not-ready, then newest pods first', () => {
    const mk = (name: string, node: string | undefined, ready: boolean, created: string): KubeObject => ({ apiVersion: 'v1', kind: 'Pod',
      metadata: { name, creationTimestamp: created }, spec: { ...(node ? { nodeName: node } : {}) },
      status: { phase: node ? 'Running' : 'Pending', conditions: [{ type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: created }] } })
    const list = [mk('old-ready', 'a', true, '2026-01-01T00:00:00Z'), mk('new-ready', 'b', true, '2026-01-01T00:05:00Z'), mk('unready', 'a', false, '2026-01-01T00:00:00Z'), mk('pending', undefined, false, '2026-01-01T00:00:00Z')]
    expect(podsToDelete(list, 3).map((p) => p.metadata.name)).toEqual(['pending', 'unready', 'old-ready'])
  })

  it('picking a few pods to delete gives the head of the full ranking (the pick and the sort agree)', () => {
    const rnd = new SeededRandom(5)
    const stamp = (s: number) => new Date(Date.UTC(2026, 0, 1) + s * 1000).toISOString().replace('.000', '')
    const list: KubeObject[] = Array.from({ length: 60 }, (_, i) => {
      const node = rnd.float() < 0.1 ? undefined : `n${Math.floor(rnd.float() * 4)}`
      const ready = rnd.float() < 0.7
      return { apiVersion: 'v1', kind: 'Pod', metadata: { name: `p${i}`, creationTimestamp: stamp(Math.floor(rnd.float() * 5)) },
        spec: { ...(node ? { nodeName: node } : {}) },
        status: { phase: node ? (rnd.float() < 0.2 ? 'Pending' : 'Running') : 'Pending', conditions: [{ type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: stamp(Math.floor(rnd.float() * 5)) }],
          containerStatuses: [{ name: 'c', restartCount: Math.floor(rnd.float() * 3) }] } }
    })
    const all = podsToDelete(list, list.length).map((p) => p.metadata.name)
    for (let k = 1; k <= 6; k++) expect(podsToDelete(list, k).map((p) => p.metadata.name)).toEqual(all.slice(0, k))
    // Unscheduled first, and within the scheduled ones, Pending before Running.
    const firstScheduled = all.findIndex((n) => list.find((p) => p.metadata.name === n)!.spec!.nodeName)
    expect(all.slice(0, firstScheduled).every((n) => !list.find((p) => p.metadata.name === n)!.spec!.nodeName)).toBe(true)
  })

  it('a ReplicationController behaves the same, with replication-controller events', () => {
    const c = testCluster()
    apply(c, rc('kubia', 3))
    expect(pods(c)).toHaveLength(3)
    const ev = listObj(c, 'Event', 'default').find((e: any) => e.reason === 'SuccessfulCreate') as any
    expect(ev.source.component).toBe('replication-controller')
    const r = getObj(c, 'ReplicationController', 'default', 'kubia')!
    c.api.update({ ...r, spec: { ...r.spec, replicas: 1 } })
    c.converge()
    expect(activePods(c)).toHaveLength(1)
    c.advance(31) // SIGKILL at 30 s, then the sandbox's teardown
    expect(pods(c)).toHaveLength(1)
    expect(events(c).filter((e) => e.reason === 'SuccessfulDelete')).toHaveLength(2)
    assertIdle(c)
  })

  it('100000 replicas do not hang: bursts of 500, the rest after the rate limit, overflow Pending', () => {
    const c = testCluster()
    // A hang here fails on the runner's testTimeout (vite.config.ts); how long it takes is bench/hostile.ts's figure.
    c.api.create(rs('huge', 100000)) // not apply(): its settling would let more bursts through
    c.converge()
    expect(pods(c)).toHaveLength(500)
    c.advance(25)
    expect(pods(c)).toHaveLength(1000)
    const pending = pods(c).filter((p) => !p.spec.nodeName)
    expect(pending.length).toBeGreaterThan(700)
    const cond = pending[0].status.conditions.find((x: any) => x.type === 'PodScheduled')
    expect(cond.message).toBe('0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Too many pods. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.')
  }, 30000)

  // How fast is `npm run bench`'s job ("apply → all 1000 pods Ready"); this checks the scale-up itself.
  it('scales 200 Running pods up to 1000', () => {
    const c = testCluster()
    apply(c, rs('many', 200))
    expect(pods(c).filter((p) => p.status.phase === 'Running')).toHaveLength(200)
    const r = getObj(c, 'ReplicaSet', 'default', 'many')!
    c.api.update({ ...r, spec: { ...r.spec, replicas: 1000 } })
    c.converge()
    c.advance(30)
    expect(pods(c)).toHaveLength(1000)
    expect(getObj(c, 'ReplicaSet', 'default', 'many')!.status.replicas).toBe(1000)
  }, 30000)

  // A sync looks at the pods written since the last one, not at every pod of the ReplicaSet: each pod's status
  // write woke a walk of all of them, so one ReplicaSet cost O(n²) (5 s of CPU at 1,000 pods).
  it('looks at each pod a bounded number of times as the ReplicaSet grows 8× (no quadratic walk)', () => {
    const perPod = (n: number) => {
      const c = testCluster()
      const controller = (c.manager as unknown as { controllers: { name: string; podsVisited?: number }[] }).controllers.find((x) => x.name === 'replicaset-controller')!
      const before = controller.podsVisited!
      apply(c, rs('many', n))
      const status = getObj(c, 'ReplicaSet', 'default', 'many')!.status
      expect(status.readyReplicas).toBe(n)
      expect(status.availableReplicas).toBe(n)
      return (controller.podsVisited! - before) / n
    }
    const small = perPod(25), big = perPod(200)
    expect(small).toBeGreaterThan(0)
    expect(big).toBeLessThan(12)
    expect(big).toBeLessThan(small * 1.5)
  }, 30000)

  it('keeps its counts right through scale-down, pod deletion, release, adoption and minReadySeconds', () => {
    const c = testCluster()
    apply(c, { ...rs('kubia', 6), spec: { ...rs('kubia', 6).spec, minReadySeconds: 10 } })
    const check = () => {
      const owner = getObj(c, 'ReplicaSet', 'default', 'kubia')!
      const mine = activePods(c).filter((p) => p.metadata.ownerReferences?.some((r) => r.uid === owner.metadata.uid && r.controller))
      const ready = mine.filter((p) => p.status.conditions?.some((x: any) => x.type === 'Ready' && x.status === 'True'))
      expect(owner.status.replicas ?? 0).toBe(mine.length)
      expect(owner.status.readyReplicas ?? 0).toBe(ready.length)
      return owner
    }
    expect(check().status.availableReplicas ?? 0).toBe(0)
    c.advance(11)
    expect(check().status.availableReplicas).toBe(6)
    const [first, second] = pods(c)
    c.api.update({ ...first, metadata: { ...first.metadata, labels: { app: 'other' } } })
    c.api.delete('Pod', 'default', second.metadata.name)
    c.converge()
    c.advance(30)
    check()
    expect(getObj(c, 'Pod', 'default', first.metadata.name)!.metadata.ownerReferences).toBeUndefined()
    c.api.update({ ...getObj(c, 'Pod', 'default', first.metadata.name)!, metadata: { ...first.metadata, labels: { app: 'kubia' } } })
    c.converge()
    c.advance(30)
    expect(check().status.replicas).toBe(6)
    const r = getObj(c, 'ReplicaSet', 'default', 'kubia')!
    c.api.update({ ...r, spec: { ...r.spec, replicas: 2 } })
    c.converge()
    c.advance(60)
    expect(check().status).toMatchObject({ replicas: 2, readyReplicas: 2, availableReplicas: 2 })
  }, 30000)

  it("follows an edited spec: an RC's new selector releases the old pods and makes new ones; a new minReadySeconds recounts availability", () => {
    const c = testCluster()
    apply(c, rc('web', 3))
    c.advance(30)
    const owned = () => activePods(c).filter((p) => p.metadata.ownerReferences?.some((r) => r.kind === 'ReplicationController' && r.controller))
    expect(owned().map((p) => p.metadata.labels?.app)).toEqual(['web', 'web', 'web'])
    const r = getObj(c, 'ReplicationController', 'default', 'web')!
    c.api.update({ ...r, spec: { ...r.spec, selector: { app: 'web2' }, template: { ...r.spec.template, metadata: { labels: { app: 'web2' } } } } })
    c.converge()
    c.advance(30)
    expect(owned().map((p) => p.metadata.labels?.app)).toEqual(['web2', 'web2', 'web2'])
    expect(getObj(c, 'ReplicationController', 'default', 'web')!.status).toMatchObject({ replicas: 3, availableReplicas: 3 })
    apply(c, rs('kubia', 2))
    c.advance(30)
    expect(getObj(c, 'ReplicaSet', 'default', 'kubia')!.status.availableReplicas).toBe(2)
    const k = getObj(c, 'ReplicaSet', 'default', 'kubia')!
    c.api.update({ ...k, spec: { ...k.spec, minReadySeconds: 3600 } })
    c.converge()
    c.advance(1)
    // Ready for less than an hour: no longer available under the new spec.
    expect(getObj(c, 'ReplicaSet', 'default', 'kubia')!.status.availableReplicas ?? 0).toBe(0)
  }, 30000)
})
