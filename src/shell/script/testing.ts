// Test helpers: a fake runner that records calls and echoes argv, and a one-call script runner.
import { iterateScript } from './interpreter.ts'
import { createShellState } from './state.ts'
import type { CommandResult, ExecRequest, RunOptions, ShellState, StatementRecord } from './types.ts'

export interface FakeRunner {
  (req: ExecRequest): CommandResult
  calls: ExecRequest[]
}

/**
 * Echoes `argv.join(' ')` on stdout (and stdin when there is some) and returns one trace per call.
 * `scripted` overrides the answer for a command name (first word).
 */
export function fakeRunner(scripted: Record<string, (req: ExecRequest) => Partial<CommandResult>> = {}): FakeRunner {
  const calls: ExecRequest[] = []
  const runner = ((req: ExecRequest): CommandResult => {
    calls.push(req)
    const custom = scripted[req.argv[0]]?.(req)
    const text = req.argv.join(' ') + '\n' + (req.stdin !== undefined ? `<stdin>${req.stdin}</stdin>\n` : '')
    return { chunks: [{ stream: 'stdout', text }], exitCode: 0, traces: [{ argv: req.argv }], ...custom }
  }) as FakeRunner
  runner.calls = calls
  return runner
}

export interface Run {
  records: StatementRecord[]
  stdout: string
  stderr: string
  /** stdout and stderr interleaved, as a terminal shows them. */
  output: string
  state: ShellState
  runner: FakeRunner
}

export function run(text: string, opts: RunOptions & { runner?: FakeRunner; state?: ShellState } = {}): Run {
  const state = opts.state ?? createShellState()
  const runner = opts.runner ?? fakeRunner()
  const records = [...iterateScript(text, state, runner, opts)]
  const chunks = records.flatMap((r) => r.chunks)
  return {
    records,
    stdout: chunks.filter((c) => c.stream === 'stdout').map((c) => c.text).join(''),
    stderr: chunks.filter((c) => c.stream === 'stderr').map((c) => c.text).join(''),
    output: chunks.map((c) => c.text).join(''),
    state,
    runner,
  }
}
