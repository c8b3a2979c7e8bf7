// The one source of randomness: seeded, so the same scenario and seed give the same pods, IPs and paths.
import { xoroshiro128plus, xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus'
import { uniformInt } from 'pure-rand/distribution/uniformInt'

/**
 * A seed: an integer (`--seed 4294967296`, any size, given as digits when it passes 2^53) or any string. Seeds
 * 0..2^32-1 keep the generator they always had (transcripts stay as recorded); every other seed fills the whole
 * 128-bit state from its text, so no two seeds wrap onto one another (`--seed 0` and `--seed 4294967296` differ).
 */
export type Seed = number | string

function isSmallSeed(seed: Seed): seed is number {
  return typeof seed === 'number' && Number.isInteger(seed) && seed >= 0 && seed <= 0xffffffff
}

/** Canonical text of a seed: integers in decimal (`4294967296` and `'4294967296'` are one seed). */
function seedText(seed: Seed): string {
  if (typeof seed === 'number') return Number.isInteger(seed) ? BigInt(seed).toString() : String(seed)
  return /^\d+$/.test(seed) ? BigInt(seed).toString() : seed
}

export class SeededRandom {
  private gen: ReturnType<typeof xoroshiro128plus>
  /** The 32-bit base forks derive from: the seed itself when small, else a hash of its text. */
  private readonly base: number

  constructor(readonly seed: Seed) {
    const text = seedText(seed)
    if (isSmallSeed(seed) || (typeof seed === 'string' && /^\d+$/.test(text) && BigInt(text) <= 0xffffffffn)) {
      const n = Number(text)
      this.base = n
      // Small seeds give correlated first outputs in xoroshiro128+; a murmur3 finaliser spreads them first.
      this.gen = xoroshiro128plus(mixSeed(n))
    } else {
      const state = [hashText(text, 1), hashText(text, 2), hashText(text, 3), hashText(text, 4)]
      // An all-zero state would only ever give zeros.
      if (!state.some((w) => w !== 0)) state[0] = 1
      this.base = hashText(text, 5) >>> 0
      this.gen = xoroshiro128plusFromState(state)
    }
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
    // The digits go straight to their places in one buffer: one string per id instead of 30 concatenations and 5 slices.
    UUID[19] = VARIANT.charCodeAt(this.int(0, 3))
    for (let i = 0; i < 30; i++) UUID[UUID_SLOTS[i]] = HEX.charCodeAt(this.int(0, 15))
    return String.fromCharCode.apply(null, UUID as unknown as number[])
  }

  /** `n` random lowercase hex digits (a container id: 64), drawn one after the other into one buffer. */
  hex(n: number): string {
    const digits = n <= HEX_BUFFER.length ? HEX_BUFFER : new Uint16Array(n)
    for (let i = 0; i < n; i++) digits[i] = HEX.charCodeAt(this.int(0, 15))
    return String.fromCharCode.apply(null, digits.subarray(0, n) as unknown as number[])
  }

  /** An independent stream for one purpose, so adding draws elsewhere does not shift it. */
  fork(label: string): SeededRandom {
    let h = this.base ^ 0x9e3779b9
    for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193)
    return new SeededRandom(h >>> 0)
  }
}

const HEX = '0123456789abcdef'
const VARIANT = '89ab'
/** xxxxxxxx-xxxx-4xxx-Vxxx-xxxxxxxxxxxx: the places of the 30 random hex digits, in the order they are drawn. */
const UUID_SLOTS = [0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 15, 16, 17, 20, 21, 22, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35]
const HEX_BUFFER = new Uint16Array(64)
const UUID = Uint16Array.from('00000000-0000-4000-8000-000000000000', (c) => c.charCodeAt(0))

function mixSeed(seed: number): number {
  let z = (seed + 0x9e3779b9) | 0
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
  return (z ^ (z >>> 16)) | 0
}

/** A 32-bit FNV-1a hash of a text with a salt, finished with murmur3's mixer (one word of a big seed's state). */
function hashText(text: string, salt: number): number {
  let h = (0x811c9dc5 ^ Math.imul(salt, 0x9e3779b1)) | 0
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  return mixSeed(h ^ text.length)
}
