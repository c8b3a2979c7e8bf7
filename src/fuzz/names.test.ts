// Property tests with the names JavaScript objects already hold (`__proto__`, `constructor`, `toString`, ...) in
// every place a name goes, and with shell nesting past the interpreter's limits: nothing throws, no JavaScript
// error text reaches the user, nothing reaches Object.prototype, the cluster keeps its invariants.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { checkOutputText } from './output-text.ts'
import { namedCommand, namedManifest, nestedLine } from './names.ts'
import { namedSession, nestedRun } from './names-properties.ts'

describe('names JavaScript objects already hold (property)', () => {
  it('are ordinary keys and names everywhere', () => {
    fc.assert(fc.property(fc.tuple(namedManifest, fc.array(namedCommand, { minLength: 1, maxLength: 6 })), (input) => {
      expect(namedSession(input)).toEqual([])
    }), { numRuns: 40, seed: 1414 })
  }, 120_000)

  it('the output check catches JavaScript text the user did not type', () => {
    const record = (text: string) => ({ source: 'x', line: 1, chunks: [{ stream: 'stderr' as const, text }], exitCode: 1, traces: [] })
    expect(checkOutputText([record('internal error: ref.startsWith is not a function\n')], 'kubectl patch')).toHaveLength(1)
    expect(checkOutputText([record("error: 'toString' already has a value (function toString() { [native code] })")], 'kubectl label')).toHaveLength(1)
    expect(checkOutputText([record('is not a function\n')], 'echo is not a function')).toEqual([])
  })
})

describe('shell nesting (property)', () => {
  it('deep nesting runs, or fails with bash\'s error for that line, never a JavaScript stack overflow', () => {
    fc.assert(fc.property(nestedLine, (line) => {
      expect(nestedRun(line)).toEqual([])
    }), { numRuns: 30, seed: 2000 })
  }, 120_000)
})
