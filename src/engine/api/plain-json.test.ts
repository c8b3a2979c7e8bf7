import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { jsonClone, jsonEqual } from './plain-json.ts'

const fn = () => 1
/** JSON-ish data with what JSON.stringify treats specially: undefined, functions, NaN, -0, Infinity, Dates, boxed numbers, `__proto__`. */
const value = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, tie('scalar'), tie('array'), tie('object')),
  scalar: fc.oneof(fc.constantFrom(undefined, null, NaN, -0, 0, Infinity, true, false, '', '0', 'null', fn, new Date(0), Object(1)),
    fc.integer({ min: -3, max: 3 }), fc.string({ maxLength: 3 })),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.array(fc.tuple(fc.constantFrom('a', 'b', '1', '__proto__'), tie('value')), { maxLength: 4 }).map((e) => Object.fromEntries(e)),
})).value

/** A copy with maybe its keys reordered and maybe one leaf changed: mostly equal pairs and near misses. */
function variant(v: unknown, seed: number[]): unknown {
  const next = () => (seed.length ? seed.shift()! : 0)
  if (Array.isArray(v)) return v.map((x) => variant(x, seed))
  if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    const entries = Object.entries(v).map(([k, x]) => [k, variant(x, seed)] as const)
    if (next() % 4 === 1) entries.reverse()
    if (next() % 5 === 2) entries.push(['b', next() % 2 ? undefined : 0])
    return Object.fromEntries(entries)
  }
  if (next() % 5 === 3) return [undefined, null, NaN, 0, '0', fn][next() % 6]
  return v
}

const text = (v: unknown) => JSON.stringify(v ?? null)

describe('plain JSON', () => {
  it('jsonEqual answers as comparing JSON.stringify texts', () => {
    fc.assert(fc.property(value, value, fc.array(fc.nat(), { maxLength: 40 }), (a, other, seed) => {
      const b = variant(a, [...seed])
      expect(jsonEqual(a, b)).toBe(text(a) === text(b))
      expect(jsonEqual(b, a)).toBe(text(a) === text(b))
      expect(jsonEqual(a, other)).toBe(text(a) === text(other))
    }), { numRuns: 3000, seed: 424242 })
  })

  it('jsonClone gives what a JSON round trip gives, as a copy', () => {
    fc.assert(fc.property(fc.oneof(fc.array(value), fc.dictionary(fc.string({ maxLength: 2 }), value)), (v) => {
      const copy = jsonClone(v)
      expect(JSON.stringify(copy)).toBe(JSON.stringify(v))
      expect(copy).toStrictEqual(JSON.parse(JSON.stringify(v)))
      expect(Object.is(copy, v)).toBe(false)
    }), { numRuns: 2000, seed: 424242 })
  })

  it('key order counts; undefined fields do not', () => {
    expect(jsonEqual({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false)
    expect(jsonEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true)
    expect(jsonEqual([undefined], [null])).toBe(true)
    const copy = jsonClone(JSON.parse('{"__proto__":{"x":1},"n":-0}')) as Record<string, unknown>
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype)
    expect(Object.keys(copy)).toEqual(['__proto__', 'n'])
    expect(Object.is(copy.n, 0)).toBe(true)
  })
})
