import { describe, expect, it } from 'vitest'
import { SeededRandom } from './random.ts'

describe('SeededRandom', () => {
  it('is deterministic per seed and differs between seeds, from the first draw on', () => {
    const firsts = Array.from({ length: 16 }, (_, i) => new SeededRandom(i + 1).float())
    expect(new Set(firsts).size).toBe(16)
    expect(new SeededRandom(3).suffix(5)).toBe(new SeededRandom(3).suffix(5))
  })

  it('draws uniformly enough for endpoint picks', () => {
    const rng = new SeededRandom(42)
    const counts = [0, 0, 0]
    for (let i = 0; i < 30000; i++) counts[rng.int(0, 2)]++
    for (const c of counts) expect(Math.abs(c / 30000 - 1 / 3)).toBeLessThan(0.02)
  })

  it('makes Kubernetes-style name suffixes and v4 uuids', () => {
    const rng = new SeededRandom(1)
    expect(rng.suffix(5)).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{5}$/)
    expect(rng.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    // Seed 1's first ids as they have always been drawn (the variant, then 30 hex digits in order): transcripts hold them.
    const again = new SeededRandom(1)
    expect([again.uuid(), again.uuid()]).toEqual(['80998af6-c7a8-406b-8beb-747c2047fb81', 'b6d48362-5482-4d5d-86cd-65e3d96c9532'])
    // hex(n): the digits int(0, 15) draws, in order (container ids are 64 of them).
    const a = new SeededRandom(9), b = new SeededRandom(9)
    expect(a.hex(64)).toBe(Array.from({ length: 64 }, () => b.int(0, 15).toString(16)).join(''))
    expect(a.hex(70)).toMatch(/^[0-9a-f]{70}$/)
    expect(rng.fork('a').int(0, 1e9)).not.toBe(rng.fork('b').int(0, 1e9))
  })
})
