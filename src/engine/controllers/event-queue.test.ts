import { describe, expect, it } from 'vitest'
import { apply, events, getObj, pod, testCluster } from './testing.ts'
import { execInContainer } from '../node/container-exec.ts'
import type { Cluster } from '../cluster/cluster.ts'
import { END_OF_TIME } from './manager.ts'
import { firingsBefore } from '../sim/clock.ts'

// Probes in every state the fast-forward must reproduce: healthy (http and a read-only exec), failing readiness
// (an Event that repeats), and one whose exec probe writes (never skipped).
function probed(c: Cluster): void {
  apply(c,
    pod('healthy', { nodeName: 'kind-worker', containers: [{ name: 'web', image: 'nginx', readinessProbe: { httpGet: { path: '/', port: 80 }, periodSeconds: 5 }, livenessProbe: { httpGet: { path: '/', port: 80 }, periodSeconds: 7 } }] }),
    pod('failing', { nodeName: 'kind-worker', containers: [{ name: 'web', image: 'nginx', readinessProbe: { httpGet: { path: '/missing', port: 80 }, periodSeconds: 3 } }] }),
    pod('reader', { nodeName: 'kind-worker2', containers: [{ name: 'web', image: 'nginx', readinessProbe: { exec: { command: ['cat', '/etc/hostname'] }, periodSeconds: 10 } }] }),
    pod('writer', { nodeName: 'kind-worker2', containers: [{ name: 'web', image: 'nginx', readinessProbe: { exec: { command: ['touch', '/tmp/x'] }, periodSeconds: 11 } }] }),
  )
}

/** Everything a user can see, except resourceVersions (a folded Event is one write instead of many). */
function visible(c: Cluster): unknown {
  const objects = c.store.all().map((o) => ({ ...o, metadata: { ...o.metadata, resourceVersion: undefined } }))
  const bookkeeping = (ps: object) => ({ ...ps, steadyEpoch: undefined })
  const probes = [...c.runtime.pods.values()].flatMap((p) => [...p.containers.values()].map((s) => [p.name, bookkeeping(s.readiness), bookkeeping(s.liveness)]))
  return { now: c.clock.now(), objects, probes }
}

describe('the clock event queue', () => {
  it('a long sleep in one step equals the same time passed one second at a time', () => {
    const fast = testCluster()
    const slow = testCluster()
    probed(fast)
    probed(slow)
    fast.advance(3000)
    for (let i = 0; i < 3000; i++) slow.advance(1)
    expect(visible(fast)).toEqual(visible(slow))
    // The failing readiness probe's Event was counted once per period, as the kubelet records it.
    const unhealthy = events(fast).find((e) => e.object === 'Pod/failing' && e.reason === 'Unhealthy')!
    expect(unhealthy.count).toBe(events(slow).find((e) => e.object === 'Pod/failing' && e.reason === 'Unhealthy')!.count)
    expect(unhealthy.count).toBeGreaterThan(900)
  })

  it('sleeping for centuries costs a handful of syncs once the cluster is steady', () => {
    const c = testCluster()
    apply(c, pod('healthy', { nodeName: 'kind-worker', containers: [{ name: 'web', image: 'nginx', readinessProbe: { httpGet: { path: '/', port: 80 }, periodSeconds: 1 } }] }))
    const start = c.clock.now()
    const report = c.advance(99_999_999_999)
    expect(c.clock.now()).toBe(start + 99_999_999_999)
    expect(report.processed).toBeLessThan(200)
    expect(getObj(c, 'Pod', 'default', 'healthy')!.status.conditions.find((x: any) => x.type === 'Ready').status).toBe('True')
    // The probe worker's bookkeeping moved with the clock: its next run is within a period of now.
    const next = c.manager.pendingTimers().find((t) => t.key === 'Pod/default/healthy')!.at
    expect(next - c.clock.now()).toBeGreaterThan(0)
    expect(next - c.clock.now()).toBeLessThanOrEqual(1)
  })

  it('time stops at the last second metav1.Time can hold', () => {
    const c = testCluster()
    c.advance(1e30)
    expect(c.clock.now()).toBe(END_OF_TIME)
    expect(c.clock.nowRfc3339()).toBe('9999-12-31T23:59:59Z')
  })

  it('nextEventAt is the next timer that can change something, and nothing once all are steady', () => {
    const c = testCluster()
    apply(c, pod('healthy', { nodeName: 'kind-worker', containers: [{ name: 'web', image: 'nginx', readinessProbe: { httpGet: { path: '/', port: 80 }, periodSeconds: 10 } }] }))
    c.advance(1)
    // Right after a command every timer must fire once more before it counts as steady.
    expect(c.nextEventAt()).toBeDefined()
    c.advance(30, { keepSteady: true })
    // The probe is steady now; what is left are one-shot timers (the system Deployments' progress deadlines).
    const oneShots = c.manager.pendingTimers().filter((t) => t.controller !== 'kubelet').map((t) => t.at)
    expect(oneShots.length).toBeGreaterThan(0)
    expect(c.nextEventAt()).toBe(Math.min(...oneShots))
    c.advanceTo(Math.max(...oneShots) + 1, { keepSteady: true })
    expect(c.nextEventAt()).toBeUndefined()
  })

  it('what a command changed between two sleeps is seen: the probe fails after the file is removed', () => {
    const c = testCluster()
    apply(c, pod('web', { nodeName: 'kind-worker', containers: [{ name: 'web', image: 'nginx', readinessProbe: { httpGet: { path: '/', port: 80 }, periodSeconds: 10 } }] }))
    c.advance(1000)
    const p = getObj(c, 'Pod', 'default', 'web')!
    execInContainer({ store: c.store, runtime: c.runtime, config: c.config, pod: p, now: c.clock.now() }, ['rm', '/usr/share/nginx/html/index.html'])
    c.advance(1000)
    expect(getObj(c, 'Pod', 'default', 'web')!.status.conditions.find((x: any) => x.type === 'Ready').status).toBe('False')
    expect(events(c).find((e) => e.object === 'Pod/web' && e.reason === 'Unhealthy')!.message).toBe('Readiness probe failed: HTTP probe failed with statuscode: 404')
  })

  it('counts firings before a bound, exclusive or inclusive', () => {
    expect(firingsBefore(10, 5, 30, true)).toBe(5)
    expect(firingsBefore(10, 5, 30, false)).toBe(4)
    expect(firingsBefore(10, 5, 9, true)).toBe(0)
    expect(firingsBefore(10.1, 0.1, 10.4, true)).toBe(4)
  })
})
