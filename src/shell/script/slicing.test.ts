import { describe, expect, it } from 'vitest'
import { ScriptRun } from './interpreter.ts'
import { createShellState } from './state.ts'
import { fakeRunner } from './testing.ts'
import type { Slice } from './interpreter.ts'

/** A pause() that answers true after every `n` checkpoints (a deterministic stand-in for a time budget). */
const every = (n: number) => {
  let seen = 0
  return () => ++seen % n === 0
}

const text = (slices: Slice[]) => slices.flatMap((s) => [...s.partial.chunks, ...s.records.flatMap((r) => r.chunks)]).map((c) => c.text).join('')

describe('a script run in slices', () => {
  it('pauses at checkpoints and ends with the same output as a straight run', () => {
    const runner = fakeRunner()
    const run = new ScriptRun('for i in 1 2 3 4 5; do curl -s http://x/$i; done\necho end', createShellState(), runner)
    const slices: Slice[] = []
    while (!run.done) slices.push(run.slice(every(3)))
    expect(slices.length).toBeGreaterThan(2)
    expect(text(slices)).toBe('curl -s http://x/1\ncurl -s http://x/2\ncurl -s http://x/3\ncurl -s http://x/4\ncurl -s http://x/5\nend\n')
    // Streamed output is not repeated in the statement's record.
    const loopRecord = slices.flatMap((s) => s.records)[0]
    expect(loopRecord.source).toBe('for i in 1 2 3 4 5; do curl -s http://x/$i; done')
    expect(loopRecord.chunks.map((c) => c.text).join('')).not.toContain('http://x/1')
  })

  it('lets an interruptible `while true` run past the round limit, and Ctrl+C ends it with 130 and drops the rest', () => {
    const state = createShellState()
    const runner = fakeRunner()
    const run = new ScriptRun('n=0; while true; do n=$((n+1)); curl -s http://kubia; done; echo after', state, runner, { maxLoopRounds: 100, interruptible: true })
    const first = run.slice(every(1000))
    expect(first.done).toBe(false)
    expect(runner.calls.length).toBeGreaterThan(100)
    const before = runner.calls.length
    run.interrupt()
    const last = run.slice(() => false)
    expect(last.done).toBe(true)
    expect(last.records.map((r) => r.exitCode)).toEqual([130])
    expect(state.lastExit).toBe(130)
    // The loop stopped at the next checkpoint: at most one more command ran, `echo after` never did.
    expect(runner.calls.length - before).toBeLessThanOrEqual(1)
    expect(text([first, last])).not.toContain('after')
    // Variables keep what the loop had done when it stopped, as bash leaves them.
    expect(Number(state.vars.n)).toBeGreaterThanOrEqual(before)
    expect(Number(state.vars.n)).toBeLessThanOrEqual(before + 1)
  })

  it('restores a subshell and leaves the shell usable after Ctrl+C', () => {
    const state = createShellState()
    const run = new ScriptRun('(X=inside; while :; do :; done)', state, fakeRunner(), { interruptible: true })
    run.slice(every(50))
    run.interrupt()
    expect(run.slice(() => false).records[0].exitCode).toBe(130)
    expect(state.vars.X).toBeUndefined()
    const next = new ScriptRun('echo "$? ok"', state, fakeRunner())
    expect(text([next.slice(() => false)])).toBe('130 ok\n')
  })

  it('keeps the round limit inside $(...), where nothing can pause, and without interruptible', () => {
    const run = new ScriptRun('x=$(while true; do echo y; done); echo ${#x}', createShellState(), fakeRunner(), { maxLoopRounds: 5, interruptible: true })
    const out = run.slice(() => false)
    expect(out.done).toBe(true)
    expect(text([out])).toContain('stopped the loop after 5 rounds')
    const capped = new ScriptRun('while true; do :; done', createShellState(), fakeRunner(), { maxLoopRounds: 5 })
    const s = capped.slice(() => false)
    expect(s.done).toBe(true)
    expect(s.records[0].exitCode).toBe(130)
    expect(text([s])).toContain('stopped the loop after 5 rounds')
  })

  it('an interrupt before a command reaches the runner stops it there', () => {
    const runner = fakeRunner()
    const run = new ScriptRun('kubectl get pods; kubectl get svc', createShellState(), runner, { interruptible: true })
    run.interrupt()
    const s = run.slice(() => false)
    expect(runner.calls).toHaveLength(0)
    expect(s.records.map((r) => r.exitCode)).toEqual([130])
  })
})
