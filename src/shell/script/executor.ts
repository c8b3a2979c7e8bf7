// Runs parsed statements: lists, pipelines, compound commands, redirections, builtins and the runner.
import { expandAlias } from './alias.ts'
import { ArithError, evaluateArith } from './arith.ts'
import type { AndOr, Command, ListNode, Pipeline, Redirect, SimpleCommand, Statement, Word } from './ast.ts'
import { builtinFor, type BuiltinContext } from './builtins/index.ts'
import { Expander, type ExpandHost } from './expand.ts'
import { Input, type Io, type Sink } from './io.ts'
import { Parser } from './parser.ts'
import { ExpansionTooLarge } from './braces.ts'
import { AbortLine, BreakSignal, ContinueSignal, ExitSignal, ExpansionError } from './signals.ts'
import { absolutePath, exportedEnv, restoreState, snapshotState } from './state.ts'
import { ShellSyntaxError, type Chunk, type CommandRunner, type ExecRequest, type RunOptions, type ShellState, type StatementRecord } from './types.ts'

const DEFAULT_MAX_ROUNDS = 100

export class Interpreter implements ExpandHost {
  private readonly expander: Expander
  private readonly maxRounds: number
  private chunks: Chunk[] = []
  private traces: unknown[] = []
  private loopDepth = 0
  private substStatus: number | null = null
  /** Aliases as they were when the statement was read: bash expands them while parsing a line. */
  private aliases: Record<string, string> = {}

  constructor(readonly state: ShellState, private readonly runner: CommandRunner, private readonly opts: RunOptions = {}) {
    this.expander = new Expander(this)
    this.maxRounds = opts.maxLoopRounds ?? DEFAULT_MAX_ROUNDS
  }

  /** Runs one top-level statement; `exited` tells the caller that `exit` ended the script. */
  runStatement(stmt: Statement): { record: StatementRecord; exited: boolean } {
    this.chunks = []
    this.traces = []
    this.aliases = { ...this.state.aliases }
    this.loopDepth = 0
    const io = this.terminal()
    for (const w of stmt.warnings) io.err(`bash: ${w}\n`)
    let status: number
    let exited = false
    try {
      status = this.list(stmt.list, io)
    } catch (e) {
      if (e instanceof AbortLine) status = 1
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
    return { record, exited }
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

  list(list: ListNode, io: Io): number {
    let status = 0
    for (const item of list.items) status = this.andOr(item, io)
    return status
  }

  private andOr(node: AndOr, io: Io): number {
    let status = this.pipeline(node.first, io)
    for (const { op, pipeline } of node.rest) {
      if ((op === '&&') === (status === 0)) status = this.pipeline(pipeline, io)
    }
    return status
  }

  private pipeline(p: Pipeline, io: Io): number {
    let status = 0
    if (p.commands.length === 1) status = this.command(p.commands[0], io)
    else {
      // Stages run one after another; each sees the previous stage's whole output, in a subshell.
      let input = io.stdin
      p.commands.forEach((cmd, i) => {
        const lastStage = i === p.commands.length - 1
        let buffer = ''
        const out: Sink = lastStage ? io.out : (t) => { buffer += t }
        const err = !lastStage && p.pipeStderr[i] ? out : io.err
        status = this.subshell(() => this.command(cmd, { stdin: input, out, err }))
        input = new Input(buffer)
      })
    }
    if (p.negate) status = status === 0 ? 1 : 0
    this.state.lastExit = status
    return status
  }

  /** Runs `body` as a subshell: variable changes, exit, break and continue stay inside. */
  private subshell(body: () => number): number {
    const snap = snapshotState(this.state)
    try {
      return body()
    } catch (e) {
      if (e instanceof ExitSignal) return e.code
      if (e instanceof AbortLine) return 1
      if (e instanceof BreakSignal || e instanceof ContinueSignal) return 0
      throw e
    } finally {
      restoreState(this.state, snap)
    }
  }

  private command(cmd: Command, io: Io): number {
    if (cmd.kind === 'simple') return this.simple(cmd, io)
    return this.withRedirects(cmd.redirects, io, (rio) => {
      switch (cmd.kind) {
        case 'group': return this.list(cmd.body, rio)
        case 'subshell': return this.subshell(() => this.list(cmd.body, rio))
        case 'if': {
          for (const clause of cmd.clauses) if (this.list(clause.cond, rio) === 0) return this.list(clause.body, rio)
          return cmd.elseBody ? this.list(cmd.elseBody, rio) : 0
        }
        case 'while':
          return this.loop(null, rio, cmd.body, () => (this.list(cmd.cond, rio) === 0) !== cmd.until)
        case 'for': {
          const items = this.guard(rio, () => (cmd.words ? this.expander.words(cmd.words, rio) : []))
          return this.loop(items.length, rio, cmd.body, (round) => {
            if (round >= items.length) return false
            this.state.vars[cmd.name] = items[round]
            return true
          })
        }
        case 'arithfor': {
          this.arith(cmd.init, rio, true)
          return this.loop(null, rio, cmd.body, (round) => {
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
  private loop(total: number | null, io: Io, body: ListNode, next: (round: number) => boolean): number {
    let status = 0
    this.loopDepth++
    try {
      for (let round = 0; ; round++) {
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
          if (!next(round)) break
          if (!bounded && round >= this.maxRounds) {
            this.emit('stderr', loopNotice(this.maxRounds, total))
            status = 130
            break
          }
          status = this.list(body, io)
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

  private simple(node: SimpleCommand, io: Io): number {
    const expanded = expandAlias(node, this.aliases)
    if (!('kind' in expanded)) return this.list(expanded, io)
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
      return this.withRedirects(cmd.redirects, io, () => status)
    }
    const env: Record<string, string> = {}
    for (const a of assigns) env[a.name] = a.value
    return this.withRedirects(cmd.redirects, io, (rio) => this.dispatch(argv, env, rio))
  }

  /** Runs argv as a builtin, an interpreter-level command (eval, source) or through the runner. */
  private dispatch(argv: string[], env: Record<string, string>, io: Io): number {
    const name = argv[0]
    if (name === 'eval') return this.evalText(argv.slice(1).join(' '), io, 'eval')
    if (name === 'source' || name === '.') {
      const text = argv[1] === undefined ? undefined : this.readFile(argv[1])
      if (text === undefined) {
        if (argv[1] === undefined) io.err(`bash: ${name}: filename argument required\n${name}: usage: ${name} filename [arguments]\n`)
        else io.err(`bash: ${argv[1]}: No such file or directory\n`)
        return argv[1] === undefined ? 2 : 1
      }
      return this.evalText(text, io, argv[1])
    }
    const builtin = builtinFor(name)
    if (!builtin) return this.external(argv, env, io)
    const ctx: BuiltinContext = {
      state: this.state,
      stdin: io.stdin,
      out: io.out,
      err: io.err,
      readFile: (p) => this.readFile(p),
      run: (args, stdin) => this.dispatch(args, {}, { stdin: stdin === undefined ? undefined : new Input(stdin), out: io.out, err: io.err }),
      external: () => this.external(argv, env, io),
      loopDepth: this.loopDepth,
    }
    return builtin(argv.slice(1), ctx)
  }

  private evalText(text: string, io: Io, origin: string): number {
    let status = 0
    try {
      const parser = new Parser(text)
      for (let s = parser.statement(); s; s = parser.statement()) status = this.list(s.list, io)
    } catch (e) {
      if (!(e instanceof ShellSyntaxError)) throw e
      io.err(`bash: ${origin}: ${e.message}\n`)
      return 2
    }
    return status
  }

  private external(argv: string[], env: Record<string, string>, io: Io): number {
    const req: ExecRequest = { argv, env: { ...exportedEnv(this.state), ...env } }
    if (io.stdin) req.stdin = io.stdin.remaining()
    let result
    try {
      result = this.runner(req)
    } catch (e) {
      io.err(`kubehop: ${argv[0]}: internal error: ${e instanceof Error ? e.message : String(e)}\n`)
      return 1
    }
    for (const c of result.chunks) (c.stream === 'stdout' ? io.out : io.err)(c.text)
    this.traces.push(...result.traces)
    return result.exitCode
  }

  runSubst(list: ListNode, io: Io): string {
    let out = ''
    this.substStatus = this.subshell(() => this.list(list, { stdin: undefined, out: (t) => { out += t }, err: io.err }))
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
  private withRedirects(redirects: Redirect[], io: Io, body: (io: Io) => number): number {
    if (redirects.length === 0) return body(io)
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
      return body({ stdin, out: fds[1], err: fds[2] })
    } finally {
      for (const f of pending) this.writeFile(f.path, f.text, f.append)
    }
  }
}

/** The most rounds a `for` loop over a finite list runs (far beyond any request-distribution demo). */
export const MAX_FOR_ROUNDS = 100_000

/** What kubehop prints when it cuts a loop short (a real shell would go on). */
export function loopNotice(max: number, total: number | null): string {
  return total === null
    ? `kubehop: stopped the loop after ${max} rounds (a real shell would keep going until you press Ctrl-C)\n`
    : `kubehop: stopped the loop after ${max} of ${total} rounds (a real shell would run all ${total})\n`
}
