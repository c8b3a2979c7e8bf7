// kube-controller-manager in miniature: a deduplicating work queue of (controller, key), delayed re-queues on
// the simulated clock, and a bounded run to convergence that reports a livelock instead of hanging.
import type { Change, ObjectStore } from '../api/store.ts'
import type { ObjectKey } from '../api/types.ts'
import type { SimClock } from '../sim/clock.ts'
import type { SeededRandom } from '../sim/random.ts'
import type { NodeRuntime } from '../node/runtime.ts'
import type { Controller, EventRecord, Write } from './controller.ts'
import type { ClusterConfig } from '../api/cluster-config.ts'

/** Typed inspection events (the UI timeline reads only these). */
export type EngineEvent =
  | { type: 'controller.sync'; time: number; controller: string; key: ObjectKey; writes: number }
  | { type: 'object.changed'; time: number; change: Change['type']; key: ObjectKey }
  | { type: 'k8s.event'; time: number; record: Omit<EventRecord, 'involved'> & { involved: ObjectKey } }
  | { type: 'livelock'; time: number; message: string }

/** Applies a controller's writes through the API server (admission for creates). */
export type WriteApplier = (write: Write, controller: string) => void
export type EventRecorder = (record: EventRecord) => void

interface Timer { at: number; seq: number; controller: string; key: ObjectKey }

export interface ConvergenceReport { processed: number; livelock?: string }

export class ControllerManager {
  private queue = new Map<string, { controller: Controller; key: ObjectKey }>()
  private timers: Timer[] = []
  private timerSeq = 0
  private rngs = new Map<string, SeededRandom>()
  readonly log: EngineEvent[] = []
  /** Upper bound on syncs in one convergence; far above any real scenario's needs. */
  maxSyncsPerRun = 200_000

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
    store.subscribe((change) => {
      this.emit({ type: 'object.changed', time: clock.now(), change: change.type, key: change.key })
      for (const controller of this.controllers) {
        for (const key of controller.keysFor(change, store)) this.enqueue(controller, key)
      }
    })
  }

  enqueue(controller: Controller, key: ObjectKey): void {
    const id = `${controller.name}|${key}`
    if (!this.queue.has(id)) this.queue.set(id, { controller, key })
  }

  /** Enqueues every object of interest for every controller (used after a profile bootstrap). */
  resyncAll(keys: ObjectKey[]): void {
    for (const key of keys) for (const controller of this.controllers) this.enqueue(controller, key)
  }

  /** Runs queued syncs until the queue is empty (timers that are not yet due stay scheduled). */
  runToConvergence(): ConvergenceReport {
    let processed = 0
    while (this.queue.size) {
      if (processed >= this.maxSyncsPerRun) {
        const sample = [...this.queue.keys()].slice(0, 3).join(', ')
        const message = `controllers did not converge after ${processed} syncs (still queued: ${sample})`
        this.queue.clear()
        this.emit({ type: 'livelock', time: this.clock.now(), message })
        return { processed, livelock: message }
      }
      const [id, item] = this.queue.entries().next().value as [string, { controller: Controller; key: ObjectKey }]
      this.queue.delete(id)
      processed++
      this.syncOne(item.controller, item.key)
    }
    return { processed }
  }

  /** Advances the clock by `seconds`, firing due timers in time order and converging after each. */
  advance(seconds: number): ConvergenceReport {
    const target = this.clock.now() + seconds
    let processed = this.runToConvergence().processed
    for (;;) {
      this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq)
      const next = this.timers[0]
      if (!next || next.at > target) break
      this.clock.advanceTo(Math.max(next.at, this.clock.now()))
      while (this.timers.length && this.timers[0].at <= this.clock.now()) {
        const timer = this.timers.shift()!
        const controller = this.controllers.find((c) => c.name === timer.controller)
        if (controller) this.enqueue(controller, timer.key)
      }
      const report = this.runToConvergence()
      processed += report.processed
      if (report.livelock) return { processed, livelock: report.livelock }
    }
    this.clock.advanceTo(target)
    return { processed }
  }

  pendingTimers(): readonly Timer[] {
    return this.timers
  }

  private syncOne(controller: Controller, key: ObjectKey): void {
    let rng = this.rngs.get(controller.name)
    if (!rng) this.rngs.set(controller.name, (rng = this.rng.fork(controller.name)))
    const result = controller.sync(key, { store: this.store, now: this.clock.now(), rng, runtime: this.runtime, config: this.config })
    this.emit({ type: 'controller.sync', time: this.clock.now(), controller: controller.name, key, writes: result.writes.length })
    for (const write of result.writes) this.applyWrite(write, controller.name)
    for (const event of result.events ?? []) this.recordEvent(event)
    if (result.requeueAfter !== undefined) this.schedule(controller.name, key, this.clock.now() + result.requeueAfter)
  }

  private schedule(controller: string, key: ObjectKey, at: number): void {
    // One pending timer per (controller, key): the earliest wins, like a delaying queue's dedup.
    const existing = this.timers.find((t) => t.controller === controller && t.key === key)
    if (existing) {
      if (at < existing.at) existing.at = at
      return
    }
    this.timers.push({ at, seq: this.timerSeq++, controller, key })
  }

  private emit(event: EngineEvent): void {
    this.log.push(event)
    // Trim in chunks: splicing on every event past the cap made big scale-ups quadratic.
    if (this.log.length > 10_000) this.log.splice(0, this.log.length - 5000)
  }
}
