import { describe, expect, it } from 'vitest'
import { EventRecorder } from './event-recorder.ts'
import { ObjectStore } from '../api/store.ts'
import { SimClock } from '../sim/clock.ts'
import { SeededRandom } from '../sim/random.ts'
import type { KubeObject } from '../api/types.ts'

const pod: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default', uid: 'u1' } }

function setup() {
  const clock = new SimClock()
  const store = new ObjectStore(new SeededRandom(1), clock)
  const recorder = new EventRecorder(store, clock)
  const record = (reason: string, message: string) => recorder.record({ involved: pod, type: 'Normal', reason, message, source: 'kubelet', host: 'kind-worker' })
  const list = () => store.list('Event', 'default').map((e: any) => ({ message: e.message, count: e.count, first: e.firstTimestamp, last: e.lastTimestamp }))
  return { clock, record, list }
}

describe('event recorder (client-go tools/record events_cache.go)', () => {
  it('folds the same event into one Event: count and lastTimestamp move, firstTimestamp stays', () => {
    const { clock, record, list } = setup()
    record('Unhealthy', 'Liveness probe failed: HTTP probe failed with statuscode: 500')
    clock.advanceTo(clock.now() + 20)
    record('Unhealthy', 'Liveness probe failed: HTTP probe failed with statuscode: 500')
    record('Unhealthy', 'Liveness probe failed: HTTP probe failed with statuscode: 500')
    expect(list()).toEqual([{ message: 'Liveness probe failed: HTTP probe failed with statuscode: 500', count: 3, first: '2026-01-01T09:00:00Z', last: '2026-01-01T09:00:20Z' }])
  })

  it('folds a repeat into the Event of its own message when one object and reason have several', () => {
    const { record, list } = setup()
    for (const m of ['a', 'b', 'c', 'b', 'a', 'c', 'c']) record('BackOff', `message ${m}`)
    expect(list().map((e) => [e.message, e.count])).toEqual([['message a', 2], ['message b', 2], ['message c', 3]])
  })

  it('combines the tenth distinct message of one object and reason within ten minutes, then bumps the combined one', () => {
    const { clock, record, list } = setup()
    for (let i = 1; i <= 9; i++) record('Pulled', `Successfully pulled image "nginx" in ${i}00ms`)
    expect(list()).toHaveLength(9)
    record('Pulled', 'Successfully pulled image "nginx" in 1s')
    expect(list()).toHaveLength(10)
    expect(list()[9]).toMatchObject({ message: '(combined from similar events): Successfully pulled image "nginx" in 1s', count: 1 })
    clock.advanceTo(clock.now() + 30)
    record('Pulled', 'Successfully pulled image "nginx" in 2s')
    expect(list()).toHaveLength(10)
    expect(list()[9]).toMatchObject({ message: '(combined from similar events): Successfully pulled image "nginx" in 2s', count: 2, last: '2026-01-01T09:00:30Z' })
    // Another reason is its own family.
    record('Created', 'Created container: web')
    expect(list()).toHaveLength(11)
  })

  it('forgets similar messages after ten quiet minutes', () => {
    const { clock, record, list } = setup()
    for (let i = 1; i <= 9; i++) record('Pulled', `pulled in ${i}s`)
    clock.advanceTo(clock.now() + 601)
    record('Pulled', 'pulled in 10s')
    expect(list().map((e) => e.message)).not.toContain('(combined from similar events): pulled in 10s')
  })
})

describe('event names', () => {
  // `<name>.<hex of seconds × 10^9 + sequence>`, as the BigInt arithmetic it replaces gives it.
  const expected = (seconds: number, seq: number) => (BigInt(seconds) * 1_000_000_000n + BigInt(seq)).toString(16)
  const names = (start: number, seq: number, steps: number[]) => {
    const clock = new SimClock(start)
    const store = new ObjectStore(new SeededRandom(1), clock)
    const recorder = new EventRecorder(store, clock)
    ;(recorder as unknown as { seq: number }).seq = seq
    const out: string[] = []
    steps.forEach((dt, i) => {
      clock.advanceTo(clock.now() + dt)
      recorder.record({ involved: { ...pod, metadata: { ...pod.metadata, name: `p${i}` } }, type: 'Normal', reason: 'Started', message: 'x', source: 'kubelet' })
      out.push((store.list('Event', 'default').find((e) => (e.involvedObject as { name: string }).name === `p${i}`)!.metadata.name))
    })
    return out
  }

  it('carry into the high half, a new second, and a clock near zero give the BigInt names', () => {
    const start = Date.UTC(2026, 0, 1, 9, 0, 0) / 1000
    const got = names(start, 2 ** 32 - 2, [0, 0, 0, 1.5, 0])
    const times = [start, start, start, start + 1.5, start + 1.5]
    expect(got).toEqual(times.map((t, i) => `p${i}.${expected(Math.floor(t), 2 ** 32 - 2 + i)}`))
    expect(names(0, 0, [0, 0, 3])).toEqual([`p0.${expected(0, 0)}`, `p1.${expected(0, 1)}`, `p2.${expected(3, 2)}`])
    expect(names(1.25, 7, [0])).toEqual([`p0.${expected(1, 7)}`])
  })
})
