// Entry points: run a script statement by statement, yielding one record per top-level statement; or run it in
// slices (a console that must stay responsive), pausing at checkpoints and stopping on Ctrl+C.
import { Interpreter } from './executor.ts'
import { normalize, Parser } from './parser.ts'
import { ShellSyntaxError, type Chunk, type CommandRunner, type NestedShell, type RunOptions, type ShellState, type StatementRecord } from './types.ts'

/**
 * Runs `text` like `bash script`, reading and running one statement at a time, so a console can show
 * each record as soon as it is done. A syntax error yields a record with bash's message (exit 2) and
 * ends the script, as bash does. `state` is updated in place (variables, aliases, files, $?).
 */
export function* iterateScript(text: string, state: ShellState, runner: CommandRunner, opts: RunOptions = {}): Generator<StatementRecord, void, undefined> {
  for (const step of statements(text, new Shells(new Interpreter(state, runner, opts), opts))) if (step) yield step
}

/** The learner's shell and the shells opened inside pods or nodes: each statement runs in the one open now. */
class Shells {
  private readonly nested = new WeakMap<NestedShell, Interpreter>()
  /** The interpreter running the current statement (Ctrl+C goes to it). */
  active: Interpreter

  constructor(readonly outer: Interpreter, private readonly options: RunOptions) {
    this.active = outer
  }

  opts(): RunOptions {
    return this.options
  }

  open(): NestedShell | undefined {
    return this.options.nested?.()
  }

  interpreterFor(shell: NestedShell | undefined): Interpreter {
    if (!shell) return this.outer
    let interp = this.nested.get(shell)
    if (!interp) this.nested.set(shell, (interp = new Interpreter(shell.state, shell.runner, shell.opts)))
    return interp
  }
}

/** The script's statements as records, with `undefined` at every checkpoint (where a sliced run may pause). */
function* statements(text: string, shells: Shells): Generator<StatementRecord | undefined, void, undefined> {
  const interp = shells.outer
  const state = interp.state
  const source = normalize(text)
  const parser = new Parser(source)
  let consumed = 0
  for (;;) {
    let stmt
    try {
      stmt = parser.statement()
    } catch (e) {
      if (e instanceof RangeError) {
        // Nesting deeper than the parser's stack (bash's own parser has a limit too): the script ends, as on a syntax error.
        state.lastExit = 2
        yield { ...errorSource(source, consumed, consumed ? source.slice(0, consumed).split('\n').length : 1), chunks: [{ stream: 'stderr', text: 'kubehop: the statement is nested too deeply to read\n' }], exitCode: 2, traces: [] }
        return
      }
      if (!(e instanceof ShellSyntaxError)) throw e
      state.lastExit = 2
      yield { ...errorSource(source, consumed, e.line), chunks: [{ stream: 'stderr', text: e.toStderr() }], exitCode: 2, traces: [] }
      return
    }
    if (!stmt) {
      // The CLI's input ends here: a shell still open inside a pod reads end of file and ends like `exit`.
      const open = shells.open()
      if (open && shells.opts().endOfInput) {
        const record: StatementRecord = { source: '', line: source.split('\n').length, chunks: [], exitCode: open.state.lastExit, traces: [] }
        state.lastExit = open.close(record)
        if (record.chunks.length) yield { ...record, exitCode: state.lastExit }
      }
      return
    }
    consumed = parser.consumed()
    const nested = shells.open()
    nested?.startsAt?.(stmt.line)
    const running = (shells.active = shells.interpreterFor(nested))
    const { record, exited, interrupted } = yield* running.runStatement(stmt)
    shells.active = interp
    if (!nested) {
      yield record
      if (exited) return
      continue
    }
    record.prompt = nested.prompt()
    // `exit` ends the nested shell, not the script: what follows runs in the learner's shell again.
    if (exited && !interrupted) state.lastExit = record.exitCode = nested.close(record)
    yield record
    if (interrupted) return
  }
}

/** What one slice of a running script produced: statements finished, output of the running one so far. */
export interface Slice {
  records: StatementRecord[]
  /** Output and traces of the statement still running, since the previous slice (not repeated in its record). */
  partial: { chunks: Chunk[]; traces: unknown[] }
  done: boolean
}

/**
 * A script run in slices, for a console: `slice` runs until `pause()` answers true at a checkpoint (each loop
 * round, each command) or the script ends; `interrupt` is Ctrl+C (the running statement ends with status 130
 * at its next checkpoint and the rest of the script is dropped, as in an interactive bash).
 */
export class ScriptRun {
  private readonly shells: Shells
  private readonly steps: Generator<StatementRecord | undefined, void, undefined>
  private finished = false

  constructor(text: string, state: ShellState, runner: CommandRunner, opts: RunOptions = {}) {
    this.shells = new Shells(new Interpreter(state, runner, opts), opts)
    this.steps = statements(text, this.shells)
  }

  get done(): boolean {
    return this.finished
  }

  slice(pause: () => boolean): Slice {
    const records: StatementRecord[] = []
    while (!this.finished) {
      const next = this.steps.next()
      if (next.done) this.finished = true
      else if (next.value) records.push(next.value)
      else if (pause()) break
    }
    return { records, partial: this.finished ? { chunks: [], traces: [] } : this.shells.active.takeOutput(), done: this.finished }
  }

  interrupt(): void {
    this.shells.active.interrupt()
  }
}

/** Runs the whole script and returns every record (see iterateScript). */
export function runScript(text: string, state: ShellState, runner: CommandRunner, opts?: RunOptions): StatementRecord[] {
  return [...iterateScript(text, state, runner, opts)]
}

/** The text of the statement that failed to parse: from its first non-blank line to the error line. */
function errorSource(text: string, from: number, errorLine: number): { source: string; line: number } {
  const lines = text.split('\n')
  let line = text.slice(0, from).split('\n').length
  if (from > 0 && text[from - 1] !== '\n') line++
  while (line < errorLine && /^\s*(#.*)?$/.test(lines[line - 1] ?? '')) line++
  const last = Math.max(line, Math.min(errorLine, lines.length))
  return { source: lines.slice(line - 1, last).join('\n').replace(/\s+$/, ''), line }
}
