// The one source of randomness: seeded, so the same scenario and seed give the same pods, IPs and paths.
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus'
import { uniformInt } from 'pure-rand/distribution/uniformInt'

export class SeededRandom {
  private gen: ReturnType<typeof xoroshiro128plus>

  constructor(readonly seed: number) {
    // Small seeds give correlated first outputs in xoroshiro128+; a murmur3 finaliser spreads them first.
    this.gen = xoroshiro128plus(mixSeed(seed))
  }

  /** Uniform integer in [min, max] inclusive. */
  int(min: number, max: number): number {
    return uniformInt(this.gen, min, max)
  }

  /** Uniform float in [0, 1) with 2^-32 resolution (enough to follow iptables' statistic match). */
  float(): number {
    return this.int(0, 0xffffffff) / 0x100000000
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)]
  }

  /** A random string from Kubernetes' name-suffix alphabet (apimachinery/pkg/util/rand: no vowels, no 0/1/3). */
  suffix(length: number): string {
    const alphabet = 'bcdfghjklmnpqrstvwxz2456789'
    let out = ''
    for (let i = 0; i < length; i++) out += alphabet[this.int(0, alphabet.length - 1)]
    return out
  }

  /** A version-4 UUID drawn from this source (metadata.uid). */
  uuid(): string {
    // Draws in the order they always were: the variant first, then 30 hex digits (one store write each; keep it lean).
    const variant = '89ab'[this.int(0, 3)]
    let h = ''
    for (let i = 0; i < 30; i++) h += HEX[this.int(0, 15)]
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(12, 15)}-${variant}${h.slice(15, 18)}-${h.slice(18)}`
  }

  /** An independent stream for one purpose, so adding draws elsewhere does not shift it. */
  fork(label: string): SeededRandom {
    let h = this.seed ^ 0x9e3779b9
    for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193)
    return new SeededRandom(h >>> 0)
  }
}

const HEX = '0123456789abcdef'

function mixSeed(seed: number): number {
  let z = (seed + 0x9e3779b9) | 0
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
  return (z ^ (z >>> 16)) | 0
}
