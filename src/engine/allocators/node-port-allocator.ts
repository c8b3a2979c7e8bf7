// NodePorts (and health-check node ports) from the service node port range (default 30000-32767).
// Upstream: pkg/registry/core/service/portallocator/allocator.go (PortAllocator, calculateRangeOffset;
// the ServiceNodePortStaticSubrange gate is GA and on in v1.32).
import type { SeededRandom } from '../sim/random.ts'
import { OffsetBitmap } from './bitmap.ts'
import { AllocationError } from './errors.ts'

export interface PortRange {
  base: number
  size: number
}

/** calculateRangeOffset for ports: min(max(16, size/32), 128); 86 for the default 2768 ports. */
export function portRangeOffset(size: number): number {
  if (size <= 16) return 0
  return Math.min(Math.max(16, Math.floor(size / 32)), 128)
}

export class NodePortAllocator {
  private readonly bitmap: OffsetBitmap

  constructor(readonly range: PortRange, rng: SeededRandom) {
    this.bitmap = new OffsetBitmap(range.size, portRangeOffset(range.size), rng)
  }

  /** net.PortRange.String(): `30000-32767`. */
  rangeText(): string {
    return `${this.range.base}-${this.range.base + this.range.size - 1}`
  }

  /**
   * Allocates the requested port, or a random free one. Throws AllocationError: `provided port is not in
   * the valid range. The range of valid ports is 30000-32767`, `provided port is already allocated`,
   * or `range is full`.
   */
  allocate(specific?: number): number {
    if (specific === undefined || specific === 0) {
      const off = this.bitmap.allocateNext()
      if (off === undefined) throw new AllocationError('Full', 'range is full')
      return this.range.base + off
    }
    const off = this.offsetOf(specific)
    if (off === undefined) {
      throw new AllocationError('NotInRange', `provided port is not in the valid range. The range of valid ports is ${this.rangeText()}`)
    }
    if (!this.bitmap.allocate(off)) throw new AllocationError('Allocated', 'provided port is already allocated')
    return specific
  }

  release(port: number): void {
    const off = this.offsetOf(port)
    if (off !== undefined) this.bitmap.release(off)
  }

  has(port: number): boolean {
    const off = this.offsetOf(port)
    return off !== undefined && this.bitmap.has(off)
  }

  /** Allocated ports in ascending order. */
  used(): number[] {
    return this.bitmap.offsets().map((o) => this.range.base + o)
  }

  free(): number {
    return this.bitmap.free()
  }

  private offsetOf(port: number): number | undefined {
    const off = port - this.range.base
    return Number.isInteger(off) && off >= 0 && off < this.range.size ? off : undefined
  }
}
