import { describe, expect, it } from 'vitest'
import { runWithWallTime } from './wall-time.ts'
import { apply, pod, testCluster } from '../controllers/testing.ts'

/** A fake wall clock: timers run when `passTo` moves past them. */
function fakeHost() {
  let now = 0
  const pending: { at: number; run: () => void }[] = []
  return {
    host: {
      now: () => now,
      schedule: (run: () => void, ms: number) => {
        const t = { at: now + ms, run }
        pending.push(t)
        return () => pending.splice(pending.indexOf(t), 1)
      },
    },
    passTo(ms: number) {
      for (;;) {
        pending.sort((a, b) => a.at - b.at)
        const next = pending[0]
        if (!next || next.at > ms) break
        pending.shift()
        now = next.at
        next.run()
      }
      now = ms
    },
    pending,
  }
}

describe('running the simulated clock with wall time', () => {
  it('follows wall time event by event and goes idle once the cluster is steady', () => {
    const c = testCluster()
    apply(c, pod('web', { nodeName: 'kind-worker', containers: [{ name: 'web', image: 'nginx', readinessProbe: { httpGet: { path: '/', port: 80 }, periodSeconds: 10 } }] }))
    const fake = fakeHost()
    const start = c.clock.now()
    const driver = runWithWallTime(c, fake.host, 60)
    fake.passTo(20_000)
    // 20 wall seconds at 60x: the clock moved, but only to the last event it had to fire (not tick by tick).
    expect(c.clock.now()).toBeGreaterThan(start + 60)
    expect(c.clock.now()).toBeLessThanOrEqual(start + 1200)
    // The system Deployments' progress deadlines have passed and the probe is steady: nothing left to wake for.
    fake.passTo(2_000_000)
    expect(fake.pending).toHaveLength(0)
    driver.poke()
    expect(fake.pending).toHaveLength(1)
    driver.stop()
    expect(fake.pending).toHaveLength(0)
  })
})
