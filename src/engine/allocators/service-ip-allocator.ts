// Cluster IPs for Services from the service CIDR (kind: 10.96.0.0/16).
// Upstream: pkg/registry/core/service/ipallocator/bitmap.go (Range, calculateRangeOffset) — the bitmap
// allocator used by v1.32 (MultiCIDRServiceAllocator is off by default there). The network and
// broadcast addresses are never handed out; offset 0 is the network address + 1.
import type { SeededRandom } from '../sim/random.ts'
import { formatIPv4, parseIPv4 } from '../validation/ip.ts'
import { OffsetBitmap } from './bitmap.ts'
import { AllocationError } from './errors.ts'

/** calculateRangeOffset for IPs: min(max(16, cidrSize/16), 256); 0 for ranges of 16 addresses or fewer. */
export function ipRangeOffset(cidrSize: number): number {
  if (cidrSize <= 16) return 0
  return Math.min(Math.max(16, Math.floor(cidrSize / 16)), 256)
}

export class ServiceIPAllocator {
  readonly cidr: string
  private readonly base: number
  private readonly bitmap: OffsetBitmap

  /** cidr is an IPv4 CIDR such as `10.96.0.0/16` (IPv6 service ranges are not simulated). */
  constructor(cidr: string, rng: SeededRandom) {
    const [ipText, bitsText] = cidr.split('/')
    const ip = parseIPv4(ipText)
    const bits = Number(bitsText)
    if (ip === undefined || !Number.isInteger(bits) || bits < 0 || bits > 32) throw new Error(`invalid service CIDR ${cidr}`)
    const size = 2 ** (32 - bits)
    const network = ip - (ip % size)
    this.cidr = `${formatIPv4(network)}/${bits}`
    this.base = network + 1
    this.bitmap = new OffsetBitmap(Math.max(0, size - 2), ipRangeOffset(size), rng)
  }

  /** The first address of the upper (dynamic) band, e.g. 10.96.1.1 for 10.96.0.0/16. */
  dynamicStart(): string {
    return formatIPv4(this.base + this.bitmap.offset)
  }

  /**
   * Allocates the requested IP, or a random free one. Throws AllocationError: `the provided IP (x) is
   * not in the valid range. The range of valid IPs is <cidr>`, `provided IP is already allocated`,
   * or `range is full`.
   */
  allocate(specific?: string): string {
    if (specific === undefined || specific === '') {
      const off = this.bitmap.allocateNext()
      if (off === undefined) throw new AllocationError('Full', 'range is full')
      return formatIPv4(this.base + off)
    }
    const off = this.offsetOf(specific)
    if (off === undefined) {
      throw new AllocationError('NotInRange', `the provided IP (${specific}) is not in the valid range. The range of valid IPs is ${this.cidr}`)
    }
    if (!this.bitmap.allocate(off)) throw new AllocationError('Allocated', 'provided IP is already allocated')
    return formatIPv4(this.base + off)
  }

  /** Releasing a free or out-of-range IP is a no-op, as upstream. */
  release(ip: string): void {
    const off = this.offsetOf(ip)
    if (off !== undefined) this.bitmap.release(off)
  }

  has(ip: string): boolean {
    const off = this.offsetOf(ip)
    return off !== undefined && this.bitmap.has(off)
  }

  /** Allocated IPs in ascending order (`used().length` is upstream's Used()). */
  used(): string[] {
    return this.bitmap.offsets().map((o) => formatIPv4(this.base + o))
  }

  free(): number {
    return this.bitmap.free()
  }

  private offsetOf(ip: string): number | undefined {
    const n = parseIPv4(ip)
    if (n === undefined) return undefined
    const off = n - this.base
    return off >= 0 && off < this.bitmap.max ? off : undefined
  }
}
