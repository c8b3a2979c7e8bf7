// Property tests of manifest reading (what `kubectl apply -f` and the editor parse): any text, valid or
// hostile, gives documents and kubectl-worded errors, never an exception, never a polluted prototype;
// valid manifests round-trip to the objects they were written from.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { parseManifests } from '../engine/manifest/index.ts'
import { aliasBomb, anyManifest, hostileText, toManifest, validObject } from './manifests.ts'
import { checkPrototypes } from './invariants.ts'

const SEED = 7001

/** Parses and checks the result; a parse that hangs fails on the runner's testTimeout (its speed: bench/fuzz-long.ts). */
function parseChecked(text: string) {
  const parsed = parseManifests(text, 'fuzz.yaml')
  expect(checkPrototypes()).toEqual([])
  for (const e of parsed.errors) {
    expect(typeof e.message).toBe('string')
    expect(e.message.length).toBeGreaterThan(0)
  }
  return parsed
}

describe('manifest parsing (property)', () => {
  it('never throws and never touches a prototype, whatever the text', () => {
    fc.assert(fc.property(anyManifest, (text) => { parseChecked(text) }), { numRuns: 150, seed: SEED })
  })

  it('reads hostile text (alias bombs, deep nesting, __proto__, 1 MB strings, unicode) safely', () => {
    fc.assert(fc.property(hostileText, (text) => {
      const parsed = parseChecked(text)
      for (const doc of parsed.docs) {
        // Objects are plain data: a `__proto__` key is an own property, not a prototype.
        expect(Object.getPrototypeOf(doc.object)).toBe(Object.prototype)
        if (Object.prototype.hasOwnProperty.call(doc.object, '__proto__')) expect(Object.getOwnPropertyDescriptor(doc.object, '__proto__')?.enumerable).toBe(true)
      }
    }), { numRuns: 80, seed: SEED })
  })

  it('refuses a billion-laughs alias bomb instead of expanding it', () => {
    const parsed = parseChecked(aliasBomb(9, 10))
    expect(parsed.docs).toEqual([])
    expect(parsed.errors[0]?.message).toMatch(/aliasing|max/)
  })

  it('gives back exactly the objects a valid manifest was written from, in order', () => {
    fc.assert(fc.property(fc.array(validObject, { minLength: 1, maxLength: 5 }), fc.constantFrom<'yaml' | 'json' | 'list'>('yaml', 'json', 'list'), (objects, style) => {
      const parsed = parseChecked(toManifest(objects, style))
      expect(parsed.errors).toEqual([])
      expect(parsed.docs.map((d) => d.object)).toEqual(objects)
    }), { numRuns: 150, seed: SEED })
  })

  it('parsing is a pure function of the text', () => {
    fc.assert(fc.property(anyManifest, (text) => {
      const a = parseManifests(text, 'x')
      const b = parseManifests(text, 'x')
      expect(a.docs.map((d) => d.object)).toEqual(b.docs.map((d) => d.object))
      expect(a.errors.map((e) => e.message)).toEqual(b.errors.map((e) => e.message))
    }), { numRuns: 100, seed: SEED })
  })
})
