// The controller manager's pending timers (delayed re-queues), kept in heaps as client-go's delaying queue keeps its
// waiting items (waitForPriorityQueue, a heap by ready time) instead of one array scanned and sorted at every clock
// step: with one timer per starting pod that was every pod visited for every pod that started.
//
// It reproduces exactly the order the array it replaces gave (transcripts stay byte-identical): timers in time order
// as of the last `settle()` (the array's sort), then the ones added since in the order they were added; a timer
// whose time changed since keeps its place until the next settle.

/** What the manager stores per timer; `steady` is the manager's own (see manager.ts). */
export interface QueuedTimer { at: number; seq: number; controller: string; key: string; steady?: { epoch: number; period?: number; events: unknown[] } }

interface Slot<T> {
  timer: T
  /** `at` as of the last settle: the timer's place in array order (undefined while it is in the tail). */
  sortedAt?: number
  /** Index in `sorted`, in `unsteady`, -1 when not in it. */
  iSorted: number
  iUnsteady: number
  moved: boolean
  alive: boolean
}

/** A binary min-heap of slots that records each slot's index in it (for removal and re-keying in O(log n)). */
class SlotHeap<T> {
  readonly items: Slot<T>[] = []
  /** Slots moved by sifting, for the queue's `visits`. */
  steps = 0
  constructor(private readonly less: (a: Slot<T>, b: Slot<T>) => boolean, private readonly index: 'iSorted' | 'iUnsteady') {}

  push(s: Slot<T>): void {
    s[this.index] = this.items.length
    this.items.push(s)
    this.up(s[this.index])
  }

  remove(s: Slot<T>): void {
    const i = s[this.index]
    if (i < 0) return
    const last = this.items.pop()!
    s[this.index] = -1
    if (last === s) return
    this.items[i] = last
    last[this.index] = i
    this.fix(i)
  }

  /** Restores the heap after `s`'s key changed. */
  update(s: Slot<T>): void {
    if (s[this.index] >= 0) this.fix(s[this.index])
  }

  private fix(i: number): void {
    if (i > 0 && this.less(this.items[i], this.items[(i - 1) >> 1])) this.up(i)
    else this.down(i)
  }

  private up(i: number): void {
    const items = this.items
    while (i > 0) {
      const p = (i - 1) >> 1
      if (!this.less(items[i], items[p])) break
      this.swap(i, p)
      i = p
    }
  }

  private down(i: number): void {
    const items = this.items
    for (;;) {
      const l = 2 * i + 1, r = l + 1
      let m = i
      if (l < items.length && this.less(items[l], items[m])) m = l
      if (r < items.length && this.less(items[r], items[m])) m = r
      if (m === i) return
      this.swap(i, m)
      i = m
    }
  }

  private swap(i: number, j: number): void {
    this.steps++
    const a = this.items[i], b = this.items[j]
    this.items[i] = b
    this.items[j] = a
    b[this.index] = i
    a[this.index] = j
  }
}

/** Place in array order among the settled timers: time at the last settle, then creation order. */
const bySortedPlace = <T extends QueuedTimer>(a: Slot<T>, b: Slot<T>) => a.sortedAt! < b.sortedAt! || (a.sortedAt === b.sortedAt && a.timer.seq < b.timer.seq)

export class TimerQueue<T extends QueuedTimer> {
  private slots = new Map<T, Slot<T>>()
  /** Timers present at the last settle, by their place then. */
  private sorted = new SlotHeap<T>(bySortedPlace, 'iSorted')
  /** Timers added since the last settle, in the order they were added. */
  private tail: Slot<T>[] = []
  /** Settled timers whose time changed since the last settle. */
  private moved: Slot<T>[] = []
  /** Timers that are not steady now, by their current time (for the next real event). */
  private unsteady = new SlotHeap<T>((a, b) => a.timer.at < b.timer.at, 'iUnsteady')
  /** Timers steady in the current epoch (few: any write ends every one of them). */
  private steadyNow = new Set<Slot<T>>()
  /** Timers visited by the queue's operations (heap moves included), for tests that bound the work per timer. */
  private scanned = 0

  get visits(): number {
    return this.scanned + this.sorted.steps + this.unsteady.steps
  }

  get size(): number {
    return this.slots.size
  }

  add(timer: T): void {
    const s: Slot<T> = { timer, iSorted: -1, iUnsteady: -1, moved: false, alive: true }
    this.slots.set(timer, s)
    this.tail.push(s)
    if (timer.steady) this.steadyNow.add(s)
    else this.unsteady.push(s)
  }

  /** Moves a timer in time; it keeps its place in array order until the next settle. */
  setAt(timer: T, at: number): void {
    const s = this.slots.get(timer)!
    timer.at = at
    if (s.sortedAt !== undefined && !s.moved) {
      s.moved = true
      this.moved.push(s)
    }
    this.unsteady.update(s)
  }

  /** Sets or clears the timer's steady mark (a mark is always of the current epoch). */
  setSteady(timer: T, steady: T['steady'] | undefined): void {
    const s = this.slots.get(timer)!
    if (steady) {
      timer.steady = steady
      if (!this.steadyNow.has(s)) {
        this.steadyNow.add(s)
        this.unsteady.remove(s)
      }
    } else {
      delete timer.steady
      if (this.steadyNow.delete(s)) this.unsteady.push(s)
    }
  }

  /** The epoch changed: no timer is steady any more. */
  epochChanged(): void {
    for (const s of this.steadyNow) this.unsteady.push(s)
    this.steadyNow.clear()
  }

  isSteady(timer: T): boolean {
    const s = this.slots.get(timer)
    return !!s && this.steadyNow.has(s)
  }

  /** The earliest time among timers that are not steady. */
  nextUnsteadyAt(): number | undefined {
    return this.unsteady.items[0]?.timer.at
  }

  /** Steady timers due by `until` (before it unless `inclusive`), in array order. */
  dueSteady(until: number, inclusive: boolean): T[] {
    if (!this.steadyNow.size) return []
    const due: Slot<T>[] = []
    for (const s of this.steadyNow) {
      this.scanned++
      if (s.timer.at < until || (inclusive && s.timer.at === until)) due.push(s)
    }
    const tailAt = new Map(this.tail.map((s, i) => [s, i]))
    return due.sort((a, b) => {
      const ta = tailAt.get(a), tb = tailAt.get(b)
      if (ta !== undefined || tb !== undefined) return (ta ?? -1) - (tb ?? -1)
      return bySortedPlace(a, b) ? -1 : 1
    }).map((s) => s.timer)
  }

  /** The timer right after `timer` in array order (a removal there made the array's loop skip it). */
  successor(timer: T): T | undefined {
    const s = this.slots.get(timer)!
    const t = this.tail.indexOf(s)
    if (t >= 0) return this.tail[t + 1]?.timer
    // The least settled timer placed after `s`: a heap walk that stops below any candidate (its children come later).
    let best: Slot<T> | undefined
    const items = this.sorted.items
    const stack = items.length ? [0] : []
    while (stack.length) {
      const i = stack.pop()!
      const x = items[i]
      this.scanned++
      if (x !== s && !bySortedPlace(x, s)) {
        if (!best || bySortedPlace(x, best)) best = x
        continue
      }
      for (const c of [2 * i + 1, 2 * i + 2]) if (c < items.length) stack.push(c)
    }
    return (best ?? this.tail[0])?.timer
  }

  remove(timer: T): void {
    const s = this.slots.get(timer)
    if (!s) return
    this.slots.delete(timer)
    s.alive = false
    this.sorted.remove(s)
    this.unsteady.remove(s)
    this.steadyNow.delete(s)
    const t = this.tail.indexOf(s)
    if (t >= 0) this.tail.splice(t, 1)
  }

  /** The array's sort: every timer takes its place by its current time (then creation order). */
  settle(): void {
    for (const s of this.moved) {
      s.moved = false
      if (!s.alive) continue
      this.scanned++
      s.sortedAt = s.timer.at
      this.sorted.update(s)
    }
    this.moved = []
    for (const s of this.tail) {
      this.scanned++
      s.sortedAt = s.timer.at
      this.sorted.push(s)
    }
    this.tail = []
  }

  /** The first timer in array order right after a settle (the earliest, then the first created). */
  first(): T | undefined {
    return this.sorted.items[0]?.timer
  }

  /** Every timer in array order (tests and inspection). */
  all(): T[] {
    return [...this.sorted.items].sort((a, b) => (bySortedPlace(a, b) ? -1 : 1)).concat(this.tail).map((s) => s.timer)
  }
}
