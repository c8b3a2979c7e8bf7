import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { TimerQueue, type QueuedTimer } from './timer-queue.ts'

// The array the queue replaced, as manager.ts used it: pushed in creation order, moved in place, sorted by (at, seq)
// before each clock step, fast-forwarded by a for…of loop that splices (and so skips the timer after a removed one).
class ArrayModel {
  timers: QueuedTimer[] = []
  epoch = 0
  steady = (t: QueuedTimer) => !!t.steady && t.steady.epoch === this.epoch
  settle() { this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq) }
  nextUnsteadyAt() {
    let next: number | undefined
    for (const t of this.timers) if (!this.steady(t) && (next === undefined || t.at < next)) next = t.at
    return next
  }
}

type Op =
  | { op: 'add'; at: number; steady: boolean }
  | { op: 'move'; pick: number; at: number }
  | { op: 'steady'; pick: number; on: boolean }
  | { op: 'epoch' }
  | { op: 'fire'; until: number }
  | { op: 'forward'; until: number; inclusive: boolean; salt: number }

const ops = fc.array(fc.oneof(
  fc.record({ op: fc.constant('add' as const), at: fc.integer({ min: 0, max: 30 }), steady: fc.boolean() }),
  fc.record({ op: fc.constant('move' as const), pick: fc.nat(), at: fc.integer({ min: 0, max: 30 }) }),
  fc.record({ op: fc.constant('steady' as const), pick: fc.nat(), on: fc.boolean() }),
  fc.record({ op: fc.constant('epoch' as const) }),
  fc.record({ op: fc.constant('fire' as const), until: fc.integer({ min: 0, max: 30 }) }),
  fc.record({ op: fc.constant('forward' as const), until: fc.integer({ min: 0, max: 30 }), inclusive: fc.boolean(), salt: fc.nat() }),
), { maxLength: 80 })

/** What a fast-forward does to a visited timer: 0 drops its steady mark, 1 removes it, else moves it later. */
const decide = (t: QueuedTimer, salt: number) => (t.seq * 7 + salt) % 4

function run(list: Op[]): void {
  const model = new ArrayModel()
  const queue = new TimerQueue<QueuedTimer>()
  const twins = new Map<number, QueuedTimer>() // model timer seq → queue timer
  let seq = 0
  const mark = () => ({ epoch: model.epoch, events: [] })
  for (const o of list) {
    if (o.op === 'add') {
      const s = seq++
      model.timers.push({ at: o.at, seq: s, controller: 'c', key: `k${s}`, ...(o.steady ? { steady: mark() } : {}) })
      const twin: QueuedTimer = { at: o.at, seq: s, controller: 'c', key: `k${s}`, ...(o.steady ? { steady: mark() } : {}) }
      twins.set(s, twin)
      queue.add(twin)
    } else if (o.op === 'move' || o.op === 'steady') {
      if (!model.timers.length) continue
      const t = model.timers[o.pick % model.timers.length]
      const twin = twins.get(t.seq)!
      if (o.op === 'move') {
        t.at = o.at
        queue.setAt(twin, o.at)
      } else if (o.on) {
        t.steady = mark()
        queue.setSteady(twin, mark())
      } else {
        delete t.steady
        queue.setSteady(twin, undefined)
      }
    } else if (o.op === 'epoch') {
      model.epoch++
      queue.epochChanged()
    } else if (o.op === 'fire') {
      model.settle()
      queue.settle()
      const fired: number[] = [], firedTwins: number[] = []
      while (model.timers.length && model.timers[0].at <= o.until) fired.push(model.timers.shift()!.seq)
      for (let t = queue.first(); t && t.at <= o.until; t = queue.first()) {
        firedTwins.push(t.seq)
        queue.remove(t)
      }
      expect(firedTwins).toEqual(fired)
    } else {
      const visited: number[] = [], visitedTwins: number[] = []
      for (const t of model.timers) {
        if (!model.steady(t) || t.at > o.until || (!o.inclusive && t.at >= o.until)) continue
        visited.push(t.seq)
        const d = decide(t, o.salt)
        if (d === 0) delete t.steady
        else if (d === 1) model.timers.splice(model.timers.indexOf(t), 1)
        else t.at = o.until + d
      }
      let skipped: QueuedTimer | undefined
      for (const t of queue.dueSteady(o.until, o.inclusive)) {
        if (t === skipped) continue
        visitedTwins.push(t.seq)
        const d = decide(t, o.salt)
        if (d === 0) queue.setSteady(t, undefined)
        else if (d === 1) {
          skipped = queue.successor(t)
          queue.remove(t)
        } else queue.setAt(t, o.until + d)
      }
      expect(visitedTwins).toEqual(visited)
    }
    expect(queue.all().map((t) => [t.seq, t.at])).toEqual(model.timers.map((t) => [t.seq, t.at]))
    expect(queue.nextUnsteadyAt()).toBe(model.nextUnsteadyAt())
    expect(model.timers.filter(model.steady).map((t) => t.seq).sort()).toEqual(model.timers.filter((t) => queue.isSteady(twins.get(t.seq)!)).map((t) => t.seq).sort())
  }
}

describe('the timer queue', () => {
  it('fires, fast-forwards and orders timers exactly as the sorted array it replaced', () => {
    fc.assert(fc.property(ops, (list) => run(list)), { numRuns: 400 })
  })

  it('visits each timer a bounded number of times per clock step, however many are pending', () => {
    // One timer per pod, each firing at its own second (pods starting one by one): the array visited every pending
    // timer at every step (n²/2 visits for n pods); the heaps visit O(log n) per timer.
    const visitsPerTimer = (n: number) => {
      const q = new TimerQueue<QueuedTimer>()
      for (let i = 0; i < n; i++) q.add({ at: n - i, seq: i, controller: 'kubelet', key: `Pod/default/p${i}` })
      for (let now = 1; now <= n; now++) {
        q.settle()
        q.dueSteady(now, true)
        for (let t = q.first(); t && t.at <= now; t = q.first()) q.remove(t)
      }
      expect(q.size).toBe(0)
      return q.visits / n
    }
    const small = visitsPerTimer(500), big = visitsPerTimer(8000)
    expect(big).toBeGreaterThan(1)
    // Per timer and per log2(n): constant (the array gave n/2 per timer, 16 times more at 8,000 than at 500).
    expect(big / Math.log2(8000)).toBeLessThan((small / Math.log2(500)) * 1.3)
  })
})
