// The proxy-modes chart's numbers: synthetic clusters of 1, 10, 100 and 1,000 Services compiled by both
// proxiers. Compiling 1,000 Services takes a few hundred ms, so each point runs in its own worker task (an
// edit's apply queued meanwhile goes first) and the result is kept: it does not depend on the user's cluster.
import { proxyModeCost, type ScalePoint } from '../engine/dataplane/scale.ts'

export const SCALE_COUNTS = [1, 10, 100, 1000]

type Done = (points: ScalePoint[], ms: number) => void

export class ProxyScale {
  private result: { points: ScalePoint[]; ms: number } | null = null
  private waiting: Done[] = []

  /** `defer` runs a function in a later task; `now` reads a clock in ms (the time spent computing, not waiting). */
  constructor(private readonly defer: (fn: () => void) => void, private readonly now: () => number) {}

  request(done: Done): void {
    if (this.result) { done(this.result.points, this.result.ms); return }
    this.waiting.push(done)
    if (this.waiting.length === 1) this.step([], 0)
  }

  /** One Service count and one mode per task. */
  private step(points: ScalePoint[], ms: number): void {
    const n = SCALE_COUNTS[points.length]
    this.defer(() => {
      const start = this.now()
      const iptables = proxyModeCost(n, 'iptables')
      const mid = this.now()
      this.defer(() => {
        const start2 = this.now()
        const nftables = proxyModeCost(n, 'nftables')
        const spent = ms + (mid - start) + (this.now() - start2)
        const next = [...points, { services: n, iptables, nftables }]
        if (next.length < SCALE_COUNTS.length) { this.step(next, spent); return }
        this.result = { points: next, ms: spent }
        for (const done of this.waiting.splice(0)) done(next, spent)
      })
    })
  }
}
