import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { canonicalEqual, canonicalJson } from './hash.ts'

/** Plain data as controllers hold it, with the values canonicalJson treats specially (undefined, NaN, -0, Infinity). */
const value = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, tie('scalar'), tie('array'), tie('object')),
  scalar: fc.oneof(fc.constantFrom(undefined, null, NaN, -0, 0, Infinity, -Infinity, true, false, '', '0', 'null'), fc.integer({ min: -3, max: 3 }), fc.string({ maxLength: 3 })),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd', '1', '__proto__x'), tie('value'), { maxKeys: 4 }),
})).value

/** A copy with its keys in another order, and maybe one leaf changed: mostly equal pairs, and near misses. */
function variant(v: unknown, seed: number[], change: boolean): unknown {
  const next = () => seed.length ? seed.shift()! : 0
  if (Array.isArray(v)) return v.map((x) => variant(x, seed, change))
  if (v !== null && typeof v === 'object') {
    const entries = Object.entries(v).map(([k, x]) => [k, variant(x, seed, change)] as const)
    if (next() % 2) entries.reverse()
    if (change && next() % 5 === 0) entries.push(['e', next() % 3 ? undefined : 1])
    return Object.fromEntries(entries)
  }
  if (change && next() % 4 === 0) return [undefined, null, NaN, 0, '0', 1][next() % 6]
  return v
}

describe('canonicalEqual', () => {
  it('agrees with comparing canonicalJson texts', () => {
    fc.assert(fc.property(value, value, fc.array(fc.nat(), { maxLength: 40 }), fc.boolean(), (a, other, seed, change) => {
      const b = variant(a, [...seed], change)
      expect(canonicalEqual(a, b)).toBe(canonicalJson(a) === canonicalJson(b))
      expect(canonicalEqual(b, a)).toBe(canonicalJson(a) === canonicalJson(b))
      expect(canonicalEqual(a, other)).toBe(canonicalJson(a) === canonicalJson(other))
    }), { numRuns: 2000, seed: 20240611 })
  })

  it('ignores key order and undefined fields, not values', () => {
    expect(canonicalEqual({ a: 1, b: [1, { c: 'x' }] }, { b: [1, { c: 'x' }], a: 1, d: undefined })).toBe(true)
    expect(canonicalEqual({ a: 1 }, { a: 1, b: null })).toBe(false)
    expect(canonicalEqual([undefined], [null])).toBe(true)
    expect(canonicalEqual({}, [])).toBe(false)
    expect(canonicalEqual({ a: '1' }, { a: 1 })).toBe(false)
  })
})
