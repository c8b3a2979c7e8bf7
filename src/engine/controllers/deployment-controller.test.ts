import { describe, expect, it } from 'vitest'
import type { Cluster } from '../cluster/cluster.ts'
import { apply, assertIdle, deployment, events, activePods, pods, settle, testCluster, getObj, listObj } from './testing.ts'
import { podTemplateHash, resolveFenceposts } from './deployment-util.ts'
import { safeEncodeString } from './hash.ts'

const HASH = /^[bcdfghjklmnpqrstvwxz2456789]{1,10}$/

/** As `kubectl rollout status` waits: a second at a time until every replica is updated and available, at most three minutes. */
function waitForRollout(c: Cluster, name: string): void {
  const done = () => {
    const d = getObj(c, 'Deployment', 'default', name)!
    const s = d.status ?? {}
    return (s.observedGeneration ?? 0) >= (d.metadata.generation ?? 0) && s.updatedReplicas === d.spec.replicas &&
      s.replicas === s.updatedReplicas && s.availableReplicas === s.updatedReplicas
  }
  for (let i = 0; i < 180 && !done(); i++) c.advance(1)
  expect(done()).toBe(true)
}

describe('deployment-controller', () => {
  it('encodes the pod-template-hash like rand.SafeEncodeString of the decimal FNV sum', () => {
    expect(safeEncodeString('0123456789')).toBe('456789bcdf')
    const h = podTemplateHash({ metadata: { labels: { app: 'a' } } })
    expect(h).toMatch(HASH)
    expect(podTemplateHash({ metadata: { labels: { app: 'a' } } })).toBe(h)
    expect(podTemplateHash({ metadata: { labels: { app: 'a' } } }, 1)).not.toBe(h)
  })

  it('rounds maxSurge up and maxUnavailable down (25% of 3 → 1 and 0)', () => {
    expect(resolveFenceposts(deployment('x', 3))).toEqual([1, 0])
    expect(resolveFenceposts(deployment('x', 10))).toEqual([3, 2])
    expect(resolveFenceposts(deployment('x', 1, 'nginx', { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } } }))).toEqual([0, 1])
  })

  it('creates <deploy>-<hash> and pods <deploy>-<hash>-<5 chars>, with status, conditions and events', () => {
    const c = testCluster()
    apply(c, deployment('kubia', 3))
    const [rs] = listObj(c, 'ReplicaSet', 'default')
    const hash = rs.metadata.labels!['pod-template-hash']
    expect(hash).toMatch(HASH)
    expect(rs.metadata.name).toBe(`kubia-${hash}`)
    expect(rs.spec.selector.matchLabels).toEqual({ app: 'kubia', 'pod-template-hash': hash })
    expect(rs.metadata.annotations).toMatchObject({ 'deployment.kubernetes.io/revision': '1', 'deployment.kubernetes.io/desired-replicas': '3', 'deployment.kubernetes.io/max-replicas': '4' })
    expect(rs.metadata.ownerReferences![0]).toMatchObject({ kind: 'Deployment', name: 'kubia', controller: true, blockOwnerDeletion: true })
    const ps = pods(c)
    expect(ps).toHaveLength(3)
    for (const p of ps) expect(p.metadata.name).toMatch(new RegExp(`^kubia-${hash}-[bcdfghjklmnpqrstvwxz2456789]{5}$`))
    const d = getObj(c, 'Deployment', 'default', 'kubia')!
    expect(d.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('1')
    expect(d.status).toMatchObject({ observedGeneration: 1, replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 })
    expect(d.status.conditions.map((x: any) => [x.type, x.status, x.reason, x.message])).toEqual([
      ['Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.'],
      ['Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "kubia-${hash}" has successfully progressed.`],
    ])
    expect(events(c).filter((e) => e.object === 'Deployment/kubia').map((e) => e.message)).toEqual([`Scaled up replica set kubia-${hash} from 0 to 3`])
    assertIdle(c)
  })

  it('scales up and down through the ReplicaSet', () => {
    const c = testCluster()
    apply(c, deployment('kubia', 3))
    const d = getObj(c, 'Deployment', 'default', 'kubia')!
    c.api.update({ ...d, spec: { ...d.spec, replicas: 5 } })
    c.converge()
    expect(pods(c)).toHaveLength(5)
    // The two new pods pull their image before they run; a scale-down picks not-yet-running pods first, and those
    // (no container to stop) go at once — the victims below must be running ones.
    settle(c)
    const d2 = getObj(c, 'Deployment', 'default', 'kubia')!
    c.api.update({ ...d2, spec: { ...d2.spec, replicas: 1 } })
    c.converge()
    // Graceful deletion (pkg/registry/core/pod/strategy.go): the four victims stay Terminating for kubia's 30 s.
    expect(activePods(c)).toHaveLength(1)
    expect(pods(c)).toHaveLength(5)
    c.advance(31) // SIGKILL at 30 s, then the sandbox's teardown
    expect(pods(c)).toHaveLength(1)
    const rsName = listObj(c, 'ReplicaSet', 'default')[0].metadata.name
    expect(events(c).filter((e) => e.object === 'Deployment/kubia').map((e) => e.message)).toEqual([
      `Scaled up replica set ${rsName} from 0 to 3`, `Scaled up replica set ${rsName} from 3 to 5`, `Scaled down replica set ${rsName} from 5 to 1`])
    expect(getObj(c, 'Deployment', 'default', 'kubia')!.status.replicas).toBe(1)
    assertIdle(c)
  })

  it('rolls a new template out with maxSurge/maxUnavailable and keeps history', () => {
    const c = testCluster()
    apply(c, deployment('kubia', 3))
    const old = listObj(c, 'ReplicaSet', 'default')[0].metadata.name
    const d = getObj(c, 'Deployment', 'default', 'kubia')!
    const template = JSON.parse(JSON.stringify(d.spec.template))
    template.spec.containers[0].image = 'luksa/kubia:v2'
    c.api.update({ ...d, spec: { ...d.spec, template } })
    c.converge()
    waitForRollout(c, 'kubia') // each new pod pulls luksa/kubia:v2 and must be available before the next step
    const rss = listObj(c, 'ReplicaSet', 'default')
    expect(rss).toHaveLength(2)
    const fresh = rss.find((r) => r.metadata.name !== old)!
    expect(fresh.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2')
    expect(fresh.spec.replicas).toBe(3)
    expect(rss.find((r) => r.metadata.name === old)!.spec.replicas).toBe(0)
    expect(activePods(c).every((p) => p.metadata.name.startsWith(fresh.metadata.name))).toBe(true)
    // The old pods are Terminating while the new ones run; they go once kubia's 30 s grace period is over.
    expect(pods(c).filter((p) => p.metadata.name.startsWith(old))).toHaveLength(3)
    c.advance(31) // SIGKILL at 30 s, then the sandbox's teardown
    expect(pods(c).every((p) => p.metadata.name.startsWith(fresh.metadata.name))).toBe(true)
    expect(getObj(c, 'Deployment', 'default', 'kubia')!.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2')
    const msgs = events(c).filter((e) => e.object === 'Deployment/kubia').map((e) => e.message)
    // The first step surges by one (maxSurge 1, maxUnavailable 0 for 3 replicas).
    expect(msgs[1]).toBe(`Scaled up replica set ${fresh.metadata.name} from 0 to 1`)
    expect(msgs[2]).toBe(`Scaled down replica set ${old} from 3 to 2`)
    expect(msgs.at(-1)).toBe(`Scaled down replica set ${old} from 1 to 0`)
    assertIdle(c)
  })

  it('a rollout to an image that does not exist stalls on one surge pod and exceeds its progress deadline after 600 s', () => {
    const c = testCluster()
    apply(c, deployment('kubia', 3))
    waitForRollout(c, 'kubia')
    const old = listObj(c, 'ReplicaSet', 'default')[0].metadata.name
    const d = getObj(c, 'Deployment', 'default', 'kubia')!
    const template = JSON.parse(JSON.stringify(d.spec.template))
    template.spec.containers[0].image = 'luksa/kubia:nope'
    c.api.update({ ...d, spec: { ...d.spec, template } })
    c.converge()
    const progressing = () => getObj(c, 'Deployment', 'default', 'kubia')!.status.conditions.find((x: any) => x.type === 'Progressing')
    c.advance(60)
    const fresh = listObj(c, 'ReplicaSet', 'default').find((r) => r.metadata.name !== old)!
    // maxSurge 1 / maxUnavailable 0: one new pod, stuck pulling; the three old ones keep serving.
    expect(fresh.spec.replicas).toBe(1)
    expect(listObj(c, 'ReplicaSet', 'default').find((r) => r.metadata.name === old)!.status.readyReplicas).toBe(3)
    const stuck = activePods(c).find((p) => p.metadata.name.startsWith(fresh.metadata.name))!
    expect(['ErrImagePull', 'ImagePullBackOff']).toContain(stuck.status.containerStatuses[0].state.waiting.reason)
    expect(progressing()).toMatchObject({ status: 'True', reason: 'ReplicaSetUpdated' })
    c.advance(600 - 60 - 1)
    expect(progressing().reason).not.toBe('ProgressDeadlineExceeded')
    c.advance(2)
    expect(progressing()).toMatchObject({ status: 'False', reason: 'ProgressDeadlineExceeded', message: `ReplicaSet "${fresh.metadata.name}" has timed out progressing.` })
    expect(getObj(c, 'Deployment', 'default', 'kubia')!.status.availableReplicas).toBe(3)
  })

  it('Recreate scales the old ReplicaSet to 0 before the new one comes up', () => {
    const c = testCluster()
    apply(c, deployment('web', 2, 'nginx', { strategy: { type: 'Recreate' } }))
    const d = getObj(c, 'Deployment', 'default', 'web')!
    const template = JSON.parse(JSON.stringify(d.spec.template))
    template.spec.containers[0].image = 'nginx:1.27'
    c.api.update({ ...d, spec: { ...d.spec, template } })
    c.converge()
    // Recreate waits until the old pods are gone: nginx exits on SIGTERM, the teardown takes the rest of a second.
    expect(events(c).filter((e) => e.object === 'Deployment/web')).toHaveLength(2)
    c.advance(1)
    const msgs = events(c).filter((e) => e.object === 'Deployment/web').map((e) => e.message)
    expect(msgs[1]).toMatch(/^Scaled down replica set web-\w+ from 2 to 0$/)
    expect(msgs[2]).toMatch(/^Scaled up replica set web-\w+ from 0 to 2$/)
    expect(pods(c)).toHaveLength(2)
    assertIdle(c)
  })

  it('deletes ReplicaSets beyond revisionHistoryLimit', () => {
    const c = testCluster()
    apply(c, deployment('web', 1, 'nginx', { revisionHistoryLimit: 1 }))
    for (const tag of ['1.25', '1.26', '1.27']) {
      const d = getObj(c, 'Deployment', 'default', 'web')!
      const template = JSON.parse(JSON.stringify(d.spec.template))
      template.spec.containers[0].image = `nginx:${tag}`
      c.api.update({ ...d, spec: { ...d.spec, template } })
      c.converge()
      c.advance(30) // the new pod pulls its image and starts, so the rollout completes
    }
    const rss = listObj(c, 'ReplicaSet', 'default')
    expect(rss).toHaveLength(2)
    expect(rss.map((r) => r.metadata.annotations?.['deployment.kubernetes.io/revision']).sort()).toEqual(['3', '4'])
  })
})
