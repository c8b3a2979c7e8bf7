// kube-controller-manager in miniature: a deduplicating work queue of (controller, key), delayed re-queues on
// the simulated clock (an event queue, not ticks), and a bounded run to convergence that reports a livelock
// instead of hanging.
//
// The clock's event queue. Time only moves through `advanceTo(t)`, which jumps from timer to timer. A timer a
// controller marked *steady* (SyncResult.steady: syncing it again would write nothing and only repeat the same
// Events, as long as no object other than an Event changes) is not fired one period at a time: while only steady
// timers fall before the next real event, they are fast-forwarded in one step (the controller's `fastForward`
// moves its own bookkeeping, repeated Events are folded into their count). So `sleep N` costs the same for any N
// once the cluster is steady. `nextEventAt()` is the earliest moment anything can change.
import type { ObjectStore } from '../api/store.ts'
import type { ObjectKey } from '../api/types.ts'
import { firingsBefore, type SimClock } from '../sim/clock.ts'
import type { SeededRandom } from '../sim/random.ts'
import type { NodeRuntime } from '../node/runtime.ts'
import type { Controller, ControllerContext, EventRecord, FastForward, Write } from './controller.ts'
import type { ClusterConfig } from '../api/cluster-config.ts'
import { TimerQueue } from './timer-queue.ts'

/** What the manager reports about itself: a livelock (the fuzz harness reads it). Syncs and changes are not logged: nothing read them, and at 5,000 pods they were 200,000 objects. */
export type EngineEvent = { type: 'livelock'; time: number; message: string }

/** Applies a controller's writes through the API server (admission for creates). */
export type WriteApplier = (write: Write, controller: string) => void
/** Records an Event; `repeat` folds `times` occurrences into one write, the last at `lastAt` (a fast-forward). */
export type EventRecorder = (record: EventRecord, repeat?: { times: number; lastAt: number }) => void

/** A delayed re-queue. `steady` holds the epoch at which its controller declared it steady, and what each firing repeats. */
export interface Timer { at: number; seq: number; controller: string; key: ObjectKey; steady?: { epoch: number; period?: number; events: EventRecord[] } }

/** The latest representable moment (metav1.Time marshals years 0-9999 only): the clock stops there. */
export const END_OF_TIME = Date.UTC(9999, 11, 31, 23, 59, 59) / 1000

export interface AdvanceOptions {
  /** Nothing outside the controllers changed since the last advance (a `kubectl wait` loop): steady timers stay so. */
  keepSteady?: boolean
}

export interface ConvergenceReport { processed: number; livelock?: string }

export class ControllerManager {
  // A FIFO of (controller, key) with the queued keys per controller name (a Map taken from its front left a trail
  // of deleted entries that every `entries().next()` walked over again; one set per name spares a joined id string).
  private queue: { controller: Controller; key: ObjectKey }[] = []
  private queueHead = 0
  private queued = new Map<string, Set<ObjectKey>>()
  // The controller whose sync's writes are being applied (their changes reach the other controllers first-hand).
  private writer: Controller | undefined
  private timers = new TimerQueue<Timer>()
  /** The pending timer of each (controller, key): `schedule` looked it up by scanning every timer. */
  private timerOf = new Map<string, Timer>()
  private byName: Map<string, Controller>
  private readonly watchers = new Map<string, Controller[]>()
  private timerSeq = 0
  private rngs = new Map<string, SeededRandom>()
  /** Bumped on every change to an object other than an Event: a steady timer is steady only within one epoch. */
  private epoch = 0
  readonly log: EngineEvent[] = []
  /** Upper bound on syncs in one convergence; far above any real scenario's needs. */
  maxSyncsPerRun = 200_000
  /** The control plane is down (its node containers stopped): nothing syncs and timers wait; time still passes. */
  halted: () => boolean = () => false

  constructor(
    private readonly controllers: Controller[],
    private readonly store: ObjectStore,
    private readonly clock: SimClock,
    private readonly rng: SeededRandom,
    private readonly runtime: NodeRuntime,
    private readonly applyWrite: WriteApplier,
    private readonly recordEvent: EventRecorder,
    private readonly config: ClusterConfig,
  ) {
    this.byName = new Map([...controllers].reverse().map((c) => [c.name, c])) // the first of a name wins, as find() did
    store.subscribe((change) => {
      const event = change.object.kind === 'Event'
      if (!event) this.bumpEpoch()
      // No controller watches Events (a third of all writes); only their deletion matters (a namespace emptying).
      if (event && change.type !== 'deleted') return
      for (const controller of this.watching(change.object.kind)) {
        if (this.writer === controller && controller.ignoresOwnWrites?.includes(change.object.kind)) continue
        for (const key of controller.keysFor(change, store)) this.enqueue(controller, key)
      }
    })
  }

  /** The controllers that watch a kind, in their order (each change is offered to these only, as informers are per kind). */
  private watching(kind: string): Controller[] {
    let list = this.watchers.get(kind)
    if (!list) this.watchers.set(kind, (list = this.controllers.filter((c) => !c.watches || c.watches.includes(kind))))
    return list
  }

  private bumpEpoch(): void {
    this.epoch++
    this.timers.epochChanged()
  }

  enqueue(controller: Controller, key: ObjectKey): void {
    let keys = this.queued.get(controller.name)
    if (!keys) this.queued.set(controller.name, (keys = new Set()))
    if (keys.has(key)) return
    keys.add(key)
    this.queue.push({ controller, key })
  }

  /** Enqueues every object of interest for every controller (used after a profile bootstrap). */
  resyncAll(keys: ObjectKey[]): void {
    for (const key of keys) for (const controller of this.controllers) this.enqueue(controller, key)
  }

  /** Runs queued syncs until the queue is empty (timers that are not yet due stay scheduled). */
  runToConvergence(): ConvergenceReport {
    let processed = 0
    if (this.halted()) return { processed }
    while (this.queueHead < this.queue.length) {
      if (processed >= this.maxSyncsPerRun) {
        const sample = this.queue.slice(this.queueHead, this.queueHead + 3).map((item) => `${item.controller.name}|${item.key}`).join(', ')
        const message = `controllers did not converge after ${processed} syncs (still queued: ${sample})`
        this.clearQueue()
        this.emit({ type: 'livelock', time: this.clock.now(), message })
        return { processed, livelock: message }
      }
      const item = this.queue[this.queueHead++]
      this.queued.get(item.controller.name)!.delete(item.key)
      processed++
      this.syncOne(item.controller, item.key)
    }
    this.clearQueue()
    return { processed }
  }

  private clearQueue(): void {
    this.queue = []
    this.queueHead = 0
    this.queued.clear()
  }

  /** Advances the clock by `seconds`, firing due timers in time order and converging after each. */
  advance(seconds: number, options?: AdvanceOptions): ConvergenceReport {
    return this.advanceTo(this.clock.now() + seconds, options)
  }

  /**
   * Moves the clock to `target` (capped at END_OF_TIME), firing every timer due on the way in time order and
   * converging after each. Steady timers due before the next real event are fast-forwarded, not fired one by one.
   */
  advanceTo(target: number, options?: AdvanceOptions): ConvergenceReport {
    // Between two advances a command may have changed what controllers do not see as objects (a file removed by
    // `kubectl exec`, a request counted by an app, a stopped node): every timer must fire once before it is steady.
    if (!options?.keepSteady) this.bumpEpoch()
    target = Math.min(target, Math.max(END_OF_TIME, this.clock.now()))
    if (this.halted()) {
      // Work queued or due meanwhile waits for the control plane: it runs once the node is started again.
      if (target > this.clock.now()) this.clock.advanceTo(target)
      return { processed: 0 }
    }
    let processed = this.runToConvergence().processed
    for (;;) {
      this.fastForwardSteady(target)
      this.timers.settle()
      const next = this.timers.first()
      if (!next || next.at > target) break
      this.clock.advanceTo(Math.max(next.at, this.clock.now()))
      for (let timer = this.timers.first(); timer && timer.at <= this.clock.now(); timer = this.timers.first()) {
        this.timers.remove(timer)
        this.timerOf.delete(`${timer.controller}|${timer.key}`)
        const controller = this.byName.get(timer.controller)
        if (controller) this.enqueue(controller, timer.key)
      }
      const report = this.runToConvergence()
      processed += report.processed
      if (report.livelock) return { processed, livelock: report.livelock }
    }
    if (target > this.clock.now()) this.clock.advanceTo(target)
    return { processed }
  }

  /**
   * The earliest moment at which anything can change: the next timer that is not steady (undefined when none is
   * pending: the cluster stays as it is however long one waits). `kubectl wait` and `watch` jump to it.
   */
  nextEventAt(): number | undefined {
    if (this.halted()) return undefined
    return this.timers.nextUnsteadyAt()
  }

  /**
   * Fires, in one step each, the steady timers due before the next real event (or up to `target` when there is
   * none before it): the controller moves its bookkeeping (`fastForward`) and the Events each firing would have
   * recorded are folded into their counts. Exact: between real events nothing but these repeats happens.
   */
  private fastForwardSteady(target: number): void {
    const horizon = this.nextEventAt()
    const inclusive = horizon === undefined || horizon > target
    const until = inclusive ? target : horizon!
    // In the array's order; removing a timer there made the loop skip the one after it, which stays so.
    let skipped: Timer | undefined
    for (const t of this.timers.dueSteady(until, inclusive)) {
      if (t === skipped) continue
      const controller = this.byName.get(t.controller)
      const ctx = this.context(controller?.name ?? t.controller)
      const result = controller?.fastForward
        ? controller.fastForward(t.key, ctx, until, inclusive)
        : genericFastForward(t, until, inclusive)
      if (!result) { this.timers.setSteady(t, undefined); continue }
      for (const r of result.repeats) if (r.times > 0) this.recordEvent(r.record, { times: r.times, lastAt: r.lastAt })
      if (result.next === undefined) {
        skipped = this.timers.successor(t)
        this.timers.remove(t)
        this.timerOf.delete(`${t.controller}|${t.key}`)
      } else this.timers.setAt(t, result.next)
    }
  }

  pendingTimers(): readonly Timer[] {
    return this.timers.all()
  }

  private syncOne(controller: Controller, key: ObjectKey): void {
    const epoch = this.epoch
    const result = controller.sync(key, this.context(controller.name))
    this.writer = controller
    try {
      for (const write of result.writes) this.applyWrite(write, controller.name)
    } finally {
      this.writer = undefined
    }
    for (const event of result.events ?? []) this.recordEvent(event)
    if (result.requeueAfter === undefined) return
    // Steady only if the sync itself changed nothing but Events (it judged the world as it found it).
    const steady = result.steady && this.epoch === epoch && !result.writes.length
      ? { epoch, period: result.requeueAfter, events: result.events ?? [] } : undefined
    this.schedule(controller.name, key, this.clock.now() + result.requeueAfter, steady)
  }

  private context(controller: string): ControllerContext {
    let rng = this.rngs.get(controller)
    if (!rng) this.rngs.set(controller, (rng = this.rng.fork(controller)))
    return { store: this.store, now: this.clock.now(), rng, runtime: this.runtime, config: this.config, epoch: this.epoch }
  }

  private schedule(controller: string, key: ObjectKey, at: number, steady?: Timer['steady']): void {
    // One pending timer per (controller, key): the earliest wins, like a delaying queue's dedup.
    const id = `${controller}|${key}`
    const existing = this.timerOf.get(id)
    if (existing) {
      if (at < existing.at) {
        this.timers.setAt(existing, at)
        this.timers.setSteady(existing, steady)
      } else if (at === existing.at && !steady) this.timers.setSteady(existing, undefined)
      return
    }
    const timer: Timer = { at, seq: this.timerSeq++, controller, key, ...(steady ? { steady } : {}) }
    this.timers.add(timer)
    this.timerOf.set(id, timer)
  }

  private emit(event: EngineEvent): void {
    this.log.push(event)
    // Trim in chunks: splicing on every event past the cap made big scale-ups quadratic.
    if (this.log.length > 10_000) this.log.splice(0, this.log.length - 5000)
  }
}

/** A steady timer with one period and no bookkeeping of its own: each skipped firing repeats the same Events. */
function genericFastForward(t: Timer, until: number, inclusive: boolean): FastForward | undefined {
  const period = t.steady?.period
  if (!period || !(period > 0)) return undefined
  const times = firingsBefore(t.at, period, until, inclusive)
  const lastAt = t.at + (times - 1) * period
  return { next: t.at + times * period, repeats: t.steady!.events.map((record) => ({ record, times, lastAt })) }
}
