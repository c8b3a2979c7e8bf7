// Runs parsed statements: lists, pipelines, compound commands, redirections, builtins and the runner.
// Every step is a generator that yields at checkpoints (each loop round, each command handed to the runner),
// so a console can run a long statement in slices and interrupt it there; the CLI runs it straight through.
import { expandAlias } from './alias.ts'
import { ArithError, evaluateArith } from './arith.ts'
import type { AndOr, Command, ListNode, Pipeline, Redirect, SimpleCommand, Statement, Word } from './ast.ts'
import { builtinFor, type BuiltinContext } from './builtins/index.ts'
import { Expander, type ExpandHost } from './expand.ts'
import { Input, type Io, type Sink } from './io.ts'
import { Parser } from './parser.ts'
import { ExpansionTooLarge } from './braces.ts'
import { AbortLine, BreakSignal, ContinueSignal, ExitSignal, ExpansionError, InterruptSignal } from './signals.ts'
import { absolutePath, exportedEnv, restoreState, snapshotState } from './state.ts'
import { ShellSyntaxError, type Chunk, type CommandRunner, type ExecRequest, type RunOptions, type ShellState, type StatementRecord } from './types.ts'

const DEFAULT_MAX_ROUNDS = 100

/** A step of the interpreter: yields at checkpoints, returns an exit status. */
type Work<T = number> = Generator<undefined, T, undefined>

/** Runs a step to its end without pausing (command substitution, xargs, the CLI). */
function finish<T>(work: Work<T>): T {
  for (;;) {
    const r = work.next()
    if (r.done) return r.value
  }
}

/** bash's status for a command ended by SIGINT: 128 + 2. */
const INTERRUPTED_STATUS = 130

export class Interpreter implements ExpandHost {
  private readonly expander: Expander
  private readonly maxRounds: number
  private chunks: Chunk[] = []
  private traces: unknown[] = []
  private loopDepth = 0
  private substStatus: number | null = null
  /** Aliases as they were when the statement was read: bash expands them while parsing a line. */
  private aliases: Record<string, string> = {}
  /** How many synchronous contexts ($(...), xargs) enclose the current step: there no checkpoint can pause. */
  private syncDepth = 0
  /** How many `&` lists enclose the running command (its tools are told they run in the background). */
  private backgroundDepth = 0
  /** Set by interrupt(): the next checkpoint throws InterruptSignal (Ctrl+C). */
  private interruptRequested = false

  constructor(readonly state: ShellState, private readonly runner: CommandRunner, private readonly opts: RunOptions = {}) {
    this.expander = new Expander(this)
    this.maxRounds = opts.maxLoopRounds ?? DEFAULT_MAX_ROUNDS
  }

  /** Asks the running statement to stop at its next checkpoint, as Ctrl+C does (status 130). */
  interrupt(): void {
    this.interruptRequested = true
  }

  /** The output and traces of the running statement so far, handed over once (a console streams them). */
  takeOutput(): { chunks: Chunk[]; traces: unknown[] } {
    const taken = { chunks: this.chunks, traces: this.traces }
    this.chunks = []
    this.traces = []
    return taken
  }

  /** A place where a sliced run may pause and where Ctrl+C takes effect. */
  private *checkpoint(): Work<void> {
    if (this.syncDepth === 0) yield
    if (this.interruptRequested) {
      this.interruptRequested = false
      throw new InterruptSignal()
    }
  }

  /** Runs `work` to its end inside a synchronous context (no pausing: loops there keep their round limit). */
  private sync<T>(work: Work<T>): T {
    this.syncDepth++
    try {
      return finish(work)
    } finally {
      this.syncDepth--
    }
  }

  /** Runs one top-level statement; `exited` tells the caller that `exit` (or Ctrl+C) ended the script. */
  *runStatement(stmt: Statement): Work<{ record: StatementRecord; exited: boolean; interrupted: boolean }> {
    this.chunks = []
    this.traces = []
    this.aliases = { ...this.state.aliases }
    this.loopDepth = 0
    const io = this.terminal()
    for (const w of stmt.warnings) io.err(`bash: ${w}\n`)
    let status: number
    let exited = false
    let interrupted = false
    try {
      yield* this.checkpoint() // Ctrl+C between statements stops the rest of the line too
      status = yield* this.list(stmt.list, io)
    } catch (e) {
      if (e instanceof AbortLine) status = 1
      else if (e instanceof InterruptSignal) {
        // Ctrl+C: the whole command line is abandoned, as an interactive bash does.
        status = INTERRUPTED_STATUS
        exited = true
        interrupted = true
      }
      else if (e instanceof ExitSignal) {
        status = e.code
        exited = true
      } else if (e instanceof RangeError) {
        // Out of memory in a real shell; here the statement fails and the script goes on. Our own limits say which
        // one was hit; a JavaScript engine's text ("Invalid string length") never reaches the user.
        io.err(e instanceof ExpansionTooLarge ? `kubehop: ${e.message}: the statement is too large to simulate\n` : 'kubehop: the statement is too large to simulate\n')
        status = 1
      } else throw e
    }
    this.state.lastExit = status
    const record = { source: stmt.source, line: stmt.line, chunks: this.chunks, exitCode: status, traces: this.traces }
    return { record, exited, interrupted }
  }

  private terminal(): Io {
    return { stdin: undefined, out: (t) => this.emit('stdout', t), err: (t) => this.emit('stderr', t) }
  }

  private emit(stream: Chunk['stream'], text: string): void {
    if (text === '') return
    const last = this.chunks[this.chunks.length - 1]
    if (last && last.stream === stream) last.text += text
    else this.chunks.push({ stream, text })
  }

  *list(list: ListNode, io: Io): Work {
    let status = 0
    for (const item of list.items) status = yield* this.andOr(item, io)
    return status
  }

  private *andOr(node: AndOr, io: Io): Work {
    if (node.background) this.backgroundDepth++
    try {
      let status = yield* this.pipeline(node.first, io)
      for (const { op, pipeline } of node.rest) {
        if ((op === '&&') === (status === 0)) status = yield* this.pipeline(pipeline, io)
      }
      return status
    } finally {
      if (node.background) this.backgroundDepth--
    }
  }

  private *pipeline(p: Pipeline, io: Io): Work {
    let status = 0
    if (p.commands.length === 1) status = yield* this.command(p.commands[0], io)
    else {
      // Stages run one after another; each sees the previous stage's whole output, in a subshell.
      let input = io.stdin
      for (const [i, cmd] of p.commands.entries()) {
        const lastStage = i === p.commands.length - 1
        let buffer = ''
        const out: Sink = lastStage ? io.out : (t) => { buffer += t }
        const err = !lastStage && p.pipeStderr[i] ? out : io.err
        const stdin = input
        status = yield* this.subshell(() => this.command(cmd, { stdin, out, err }))
        input = new Input(buffer)
      }
    }
    if (p.negate) status = status === 0 ? 1 : 0
    this.state.lastExit = status
    return status
  }

  /** Runs `body` as a subshell: variable changes, exit, break and continue stay inside. */
  private *subshell(body: () => Work): Work {
    const snap = snapshotState(this.state)
    try {
      return yield* body()
    } catch (e) {
      if (e instanceof ExitSignal) return e.code
      if (e instanceof AbortLine) return 1
      if (e instanceof BreakSignal || e instanceof ContinueSignal) return 0
      throw e
    } finally {
      restoreState(this.state, snap)
    }
  }

  private *command(cmd: Command, io: Io): Work {
    if (cmd.kind === 'simple') return yield* this.simple(cmd, io)
    return yield* this.withRedirects(cmd.redirects, io, function* (this: Interpreter, rio: Io): Work {
      switch (cmd.kind) {
        case 'group': return yield* this.list(cmd.body, rio)
        case 'subshell': return yield* this.subshell(() => this.list(cmd.body, rio))
        case 'if': {
          for (const clause of cmd.clauses) if ((yield* this.list(clause.cond, rio)) === 0) return yield* this.list(clause.body, rio)
          return cmd.elseBody ? yield* this.list(cmd.elseBody, rio) : 0
        }
        case 'while':
          return yield* this.loop(null, rio, cmd.body, function* (this: Interpreter): Work<boolean> {
            return ((yield* this.list(cmd.cond, rio)) === 0) !== cmd.until
          })
        case 'for': {
          const items = this.guard(rio, () => (cmd.words ? this.expander.words(cmd.words, rio) : []))
          return yield* this.loop(items.length, rio, cmd.body, (round) => {
            if (round >= items.length) return false
            this.state.vars[cmd.name] = items[round]
            return true
          })
        }
        case 'arithfor': {
          this.arith(cmd.init, rio, true)
          return yield* this.loop(null, rio, cmd.body, (round) => {
            if (round > 0) this.arith(cmd.step, rio, true)
            const c = this.arith(cmd.cond, rio, true)
            return c !== 0
          })
        }
        case 'arithcmd': {
          const v = this.arith(cmd.expr, rio, false)
          return v !== 0 ? 0 : 1
        }
      }
    })
  }

  /** Evaluates arithmetic text (errors abandon the line, see guard). */
  private arith(word: Word, io: Io, emptyIsTrue: boolean): number {
    return this.guard(io, () => {
      const text = this.expander.word(word, io)
      if (emptyIsTrue && text.trim() === '') return 1
      try {
        return evaluateArith(text, this.expander.vars)
      } catch (e) {
        if (e instanceof ArithError) throw new ExpansionError(e.message)
        throw e
      }
    })
  }

  /** Runs an expansion step; an expansion error is printed like bash and abandons the command line. */
  private guard<T>(io: Io, body: () => T): T {
    try {
      return body()
    } catch (e) {
      if (!(e instanceof ExpansionError)) throw e
      io.err(`bash: ${e.message}\n`)
      throw new AbortLine()
    }
  }

  /**
   * Runs loop rounds while `next(round)` says so, stopping after maxLoopRounds with a notice.
   * `total` is the for-loop's item count (null for while/until loops, which may never end).
   */
  private *loop(total: number | null, io: Io, body: ListNode, next: (this: Interpreter, round: number) => boolean | Work<boolean>): Work {
    let status = 0
    // A console that can interrupt (Ctrl+C) lets an endless loop run, as bash does; elsewhere it is cut short.
    const maxRounds = this.opts.interruptible && this.syncDepth === 0 ? Infinity : this.maxRounds
    this.loopDepth++
    try {
      for (let round = 0; ; round++) {
        yield* this.checkpoint()
        try {
          // for: stop before an extra round; while/until: only once the condition asks for one more.
          const bounded = total !== null
          if (bounded && round >= total) break
          // A for loop over a list ends by itself; only a sanity bound applies to it (the contract bounds `while true`).
          if (bounded && round >= MAX_FOR_ROUNDS) {
            this.emit('stderr', loopNotice(MAX_FOR_ROUNDS, total))
            status = 130
            break
          }
          const more = next.call(this, round)
          if (!(typeof more === 'boolean' ? more : yield* more)) break
          if (!bounded && round >= maxRounds) {
            this.emit('stderr', loopNotice(maxRounds, total))
            status = 130
            break
          }
          status = yield* this.list(body, io)
        } catch (e) {
          if (e instanceof BreakSignal) {
            if (e.levels > 1) throw new BreakSignal(e.levels - 1)
            break
          }
          if (e instanceof ContinueSignal) {
            if (e.levels > 1) throw new ContinueSignal(e.levels - 1)
            continue
          }
          throw e
        }
      }
    } finally {
      this.loopDepth--
    }
    return status
  }

  private *simple(node: SimpleCommand, io: Io): Work {
    const expanded = expandAlias(node, this.aliases)
    if (!('kind' in expanded)) return yield* this.list(expanded, io)
    const cmd = expanded
    this.substStatus = null
    const words = this.guard(io, () => ({
      argv: this.expander.words(cmd.words, io),
      assigns: cmd.assigns.map((a) => ({ name: a.name, value: this.expander.word(a.value, io), append: a.append })),
    }))
    const { argv, assigns } = words
    if (argv.length === 0) {
      for (const a of assigns) this.state.vars[a.name] = a.append ? (this.state.vars[a.name] ?? '') + a.value : a.value
      const status = this.substStatus ?? 0
      // eslint-disable-next-line require-yield -- a status with no work to do
      return yield* this.withRedirects(cmd.redirects, io, function* () { return status })
    }
    const env: Record<string, string> = {}
    for (const a of assigns) env[a.name] = a.value
    return yield* this.withRedirects(cmd.redirects, io, (rio) => this.dispatch(argv, env, rio))
  }

  /** Runs argv as a builtin, an interpreter-level command (eval, source) or through the runner. */
  private *dispatch(argv: string[], env: Record<string, string>, io: Io): Work {
    const name = argv[0]
    if (name === 'eval') return yield* this.evalText(argv.slice(1).join(' '), io, 'eval')
    if (name === 'source' || name === '.') {
      const text = argv[1] === undefined ? undefined : this.readFile(argv[1])
      if (text === undefined) {
        if (argv[1] === undefined) io.err(`bash: ${name}: filename argument required\n${name}: usage: ${name} filename [arguments]\n`)
        else io.err(`bash: ${argv[1]}: No such file or directory\n`)
        return argv[1] === undefined ? 2 : 1
      }
      return yield* this.evalText(text, io, argv[1])
    }
    const builtin = builtinFor(name)
    if (!builtin) return yield* this.external(argv, env, io)
    const ctx: BuiltinContext = {
      state: this.state,
      stdin: io.stdin,
      out: io.out,
      err: io.err,
      readFile: (p) => this.readFile(p),
      run: (args, stdin) => this.sync(this.dispatch(args, {}, { stdin: stdin === undefined ? undefined : new Input(stdin), out: io.out, err: io.err })),
      external: () => this.sync(this.external(argv, env, io)),
      loopDepth: this.loopDepth,
    }
    return builtin(argv.slice(1), ctx)
  }

  private *evalText(text: string, io: Io, origin: string): Work {
    let status = 0
    try {
      const parser = new Parser(text)
      for (let s = parser.statement(); s; s = parser.statement()) status = yield* this.list(s.list, io)
    } catch (e) {
      if (!(e instanceof ShellSyntaxError)) throw e
      io.err(`bash: ${origin}: ${e.message}\n`)
      return 2
    }
    return status
  }

  private *external(argv: string[], env: Record<string, string>, io: Io): Work {
    yield* this.checkpoint()
    const req: ExecRequest = { argv, env: { ...exportedEnv(this.state), ...env } }
    if (this.backgroundDepth) req.background = true
    if (io.stdin) req.stdin = io.stdin.remaining()
    let result
    try {
      result = this.runner(req)
    } catch (e) {
      io.err(`kubehop: ${argv[0]}: internal error: ${e instanceof Error ? e.message : String(e)}\n`)
      return 1
    }
    // A background job's lines reach the terminal in the order they were written, never a pipe or a redirection.
    for (const c of result.chunks) {
      if (c.terminal) this.emit(c.stream, c.text)
      else (c.stream === 'stdout' ? io.out : io.err)(c.text)
    }
    for (const t of result.traces) this.traces.push(t)
    return result.exitCode
  }

  runSubst(list: ListNode, io: Io): string {
    let out = ''
    this.substStatus = this.sync(this.subshell(() => this.list(list, { stdin: undefined, out: (t) => { out += t }, err: io.err })))
    return out
  }

  readFile(path: string): string | undefined {
    if (path === '/dev/null') return ''
    return this.opts.readFile?.(path) ?? this.state.files?.[absolutePath(path)]
  }

  private writeFile(path: string, content: string, append: boolean): void {
    if (this.opts.writeFile) return this.opts.writeFile(path, content, append)
    const files = this.state.files ?? (this.state.files = {})
    const key = absolutePath(path)
    files[key] = append ? (files[key] ?? '') + content : content
  }

  /** Applies redirections around `body`; files are written once the command is done. */
  private *withRedirects(redirects: Redirect[], io: Io, body: (this: Interpreter, io: Io) => Work): Work {
    if (redirects.length === 0) return yield* body.call(this, io)
    const pending: { path: string; append: boolean; text: string }[] = []
    const fds: Record<number, Sink> = { 1: io.out, 2: io.err }
    let stdin = io.stdin
    const open = (path: string, append: boolean): Sink => {
      if (path === '/dev/null') return () => {}
      if (path === '/dev/stdout') return fds[1]
      if (path === '/dev/stderr') return fds[2]
      const file = { path, append, text: '' }
      pending.push(file)
      return (t) => { file.text += t }
    }
    const setFd = (fd: number, sink: Sink) => {
      if (fd === -1) fds[1] = fds[2] = sink
      else if (fd === 1 || fd === 2) fds[fd] = sink
    }
    const opened = this.guard(io, () => {
      for (const r of redirects) {
        if (r.kind === 'heredoc') stdin = new Input(r.body ? this.expander.word(r.body, io) : '')
        else if (r.kind === 'herestring') stdin = new Input(this.expander.word(r.word, io) + '\n')
        else if (r.kind === 'file') {
          const path = this.expander.word(r.target, io)
          if (r.op === '<') {
            const text = this.readFile(path)
            if (text === undefined) {
              io.err(`bash: ${path}: No such file or directory\n`)
              return false
            }
            stdin = new Input(text)
          } else setFd(r.fd, open(path, r.op === '>>' || r.op === '&>>'))
        } else if (r.op === '>&') {
          const target = this.expander.word(r.target, io)
          if (target === '1' || target === '2') setFd(r.fd, fds[Number(target)])
          else if (target === '-') setFd(r.fd, () => {})
          else if (/^\d+$/.test(target)) {
            io.err(`bash: ${target}: Bad file descriptor\n`)
            return false
          } else setFd(-1, open(target, false))
        }
      }
      return true
    })
    try {
      if (!opened) return 1
      return yield* body.call(this, { stdin, out: fds[1], err: fds[2] })
    } finally {
      for (const f of pending) this.writeFile(f.path, f.text, f.append)
    }
  }
}

/** The most rounds a `for` loop over a finite list runs (far beyond any request-distribution demo). */
const MAX_FOR_ROUNDS = 100_000

/** What kubehop prints when it cuts a loop short (a real shell would go on). */
function loopNotice(max: number, total: number | null): string {
  return total === null
    ? `kubehop: stopped the loop after ${max} rounds (a real shell would keep going until you press Ctrl-C)\n`
    : `kubehop: stopped the loop after ${max} of ${total} rounds (a real shell would run all ${total})\n`
}
