// Property tests of the script interpreter on hostile lines (huge expansions, endless loops, alias cycles,
// arithmetic overflow, broken syntax): every line ends (a hang fails on the runner's testTimeout) with output and an exit status, never an
// exception out of runScript. Sizes stay below the bounds of the known bugs in known-bugs.test.ts.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { hostileShellLine } from './commands.ts'
import { FuzzSession } from './harness.ts'

describe('script interpreter on hostile lines (property)', () => {
  it('every line ends with an exit status and no exception', () => {
    const fuzz = new FuzzSession(1)
    fc.assert(fc.property(hostileShellLine(2000), (line) => {
      const step = fuzz.step(line)
      expect(step.violations, line).toEqual([])
      expect(step.records.length, line).toBeGreaterThan(0)
      for (const r of step.records) expect(Number.isInteger(r.exitCode), line).toBe(true)
    }), { numRuns: 80, seed: 31337 })
  }, 120_000)
})
