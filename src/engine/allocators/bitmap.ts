// The allocation bitmap behind the Service IP and NodePort allocators.
// Upstream: pkg/registry/core/service/allocator/bitmap.go (NewAllocationMapWithOffset and
// randomScanStrategyWithOffset, KEP-3070 / KEP-3668): dynamic picks start at a random point of the
// upper band [offset, max) and scan forward (wrapping inside the band); only when the upper band is
// full do they scan the lower band [0, offset), which is thereby kept for explicit requests.
import type { SeededRandom } from '../sim/random.ts'

export class OffsetBitmap {
  private readonly bits: Uint8Array
  private count = 0

  constructor(readonly max: number, readonly offset: number, private readonly rng: SeededRandom) {
    this.bits = new Uint8Array(Math.max(0, max))
  }

  /** Reserves one offset; false when it is already taken. */
  allocate(i: number): boolean {
    if (this.bits[i]) return false
    this.bits[i] = 1
    this.count++
    return true
  }

  /** Reserves a free offset (upper band first), or undefined when the range is full. */
  allocateNext(): number | undefined {
    if (this.count >= this.max) return undefined
    const upper = this.max - this.offset
    if (upper > 0) {
      const start = this.rng.int(0, upper - 1)
      for (let i = 0; i < upper; i++) {
        const at = this.offset + ((start + i) % upper)
        if (!this.bits[at]) return this.take(at)
      }
    }
    if (this.offset > 0) {
      const start = this.rng.int(0, this.offset - 1)
      for (let i = 0; i < this.offset; i++) {
        const at = (start + i) % this.offset
        if (!this.bits[at]) return this.take(at)
      }
    }
    return undefined
  }

  release(i: number): void {
    if (!this.bits[i]) return
    this.bits[i] = 0
    this.count--
  }

  has(i: number): boolean {
    return this.bits[i] === 1
  }

  free(): number {
    return this.max - this.count
  }

  /** Allocated offsets in ascending order. */
  offsets(): number[] {
    const out: number[] = []
    this.bits.forEach((b, i) => { if (b) out.push(i) })
    return out
  }

  private take(at: number): number {
    this.bits[at] = 1
    this.count++
    return at
  }
}
