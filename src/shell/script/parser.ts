// Recursive-descent parser for the bash subset; one top-level statement per terminated line.
import type { AndOr, Assignment, Command, ListNode, Pipeline, Redirect, Script, SimpleCommand, Statement, Word } from './ast.ts'
import { Lexer, type SubParsers, type Token } from './lexer.ts'
import { ShellSyntaxError } from './types.ts'

const REDIRECT_OPS = new Set(['<', '>', '>>', '&>', '&>>', '>&', '<&', '<<', '<<-', '<<<'])
const UNEXPECTED_WORDS = new Set(['then', 'elif', 'else', 'fi', 'do', 'done', '}'])
const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)(\+?)=/

const subParsers: SubParsers = {
  subst(text, pos, lineBase) {
    const p = new Parser(text, pos, lineBase, true)
    const list = p.isOp(p.peek(), ')') ? { items: [] } : p.compoundList([')'])
    const close = p.take()
    if (close.type !== 'op' || close.op !== ')') throw p.unexpected(close)
    return { list, end: close.end }
  },
  whole(text, lineBase) {
    const p = new Parser(text, 0, lineBase)
    const items: AndOr[] = []
    for (let s = p.statement(); s; s = p.statement()) items.push(...s.list.items)
    return { items }
  },
}

export class Parser {
  private readonly lex: Lexer
  private ahead: Token | null = null
  private lastEnd = 0

  constructor(readonly text: string, pos = 0, lineBase = 0, private readonly inSubst = false) {
    this.lex = new Lexer(text, pos, subParsers, lineBase)
  }

  peek(): Token {
    if (!this.ahead) this.ahead = this.lex.next()
    return this.ahead
  }

  take(): Token {
    const t = this.peek()
    this.ahead = null
    return t
  }

  /** The next top-level statement, or null at end of input. */
  statement(): Statement | null {
    this.skipNewlines()
    const first = this.peek()
    if (first.type === 'eof') return null
    const list = this.topList()
    const end = this.take()
    let stop: number
    if (end.type === 'newline' && end.heredoc) stop = this.text[end.end - 1] === '\n' ? end.end - 1 : end.end
    else stop = end.start
    let source = this.text.slice(first.start, stop)
    if (!(end.type === 'newline' && end.heredoc)) source = source.replace(/\s+$/, '')
    this.lastEnd = end.end
    const warnings = this.lex.warnings.splice(0)
    return { source, line: this.lex.lineOf(first.start), list, warnings }
  }

  /** Offset just past the last statement returned (its newline and heredoc bodies included). */
  consumed(): number {
    return this.lastEnd
  }

  unexpected(t: Token): ShellSyntaxError {
    if (t.type === 'eof') {
      if (this.inSubst) return this.lex.eofError(')')
      return this.lex.error(t.start, 'syntax error: unexpected end of file')
    }
    const what = t.type === 'newline' ? 'newline' : t.type === 'op' ? t.op : t.type === 'io' ? String(t.fd) : t.word.raw
    return this.lex.error(t.start, `syntax error near unexpected token \`${what}'`, true)
  }

  private skipNewlines(): void {
    while (this.peek().type === 'newline') this.take()
  }

  private isWord(t: Token, word: string): boolean {
    return t.type === 'word' && isPlain(t.word) && t.word.raw === word
  }

  isOp(t: Token, ...ops: string[]): boolean {
    return t.type === 'op' && ops.includes(t.op)
  }

  private expectWord(word: string): void {
    const t = this.take()
    if (!this.isWord(t, word)) throw this.unexpected(t)
  }

  /** `a; b && c` up to the newline (or end of input) that terminates a top-level statement. */
  private topList(): ListNode {
    const items: AndOr[] = []
    for (;;) {
      items.push(this.andOr())
      let t = this.peek()
      if (this.isOp(t, ';', '&')) {
        if (this.isOp(t, '&')) items[items.length - 1].background = true
        this.take()
        t = this.peek()
      } else if (t.type !== 'newline' && t.type !== 'eof') throw this.unexpected(t)
      if (t.type === 'newline' || t.type === 'eof') return { items }
    }
  }

  /** A list inside a compound command, ended by one of `terminators` (reserved words or `)`). */
  compoundList(terminators: string[]): ListNode {
    const items: AndOr[] = []
    const atEnd = (t: Token) => terminators.some((w) => (w === ')' ? this.isOp(t, ')') : this.isWord(t, w)))
    this.skipNewlines()
    for (;;) {
      const t = this.peek()
      if (atEnd(t)) break
      if (t.type === 'eof') throw this.unexpected(t)
      items.push(this.andOr())
      const sep = this.peek()
      if (this.isOp(sep, '&')) items[items.length - 1].background = true
      if (this.isOp(sep, ';', '&') || sep.type === 'newline') {
        this.take()
        this.skipNewlines()
      } else if (!atEnd(sep)) throw this.unexpected(sep)
    }
    if (items.length === 0) throw this.unexpected(this.peek())
    return { items }
  }

  private andOr(): AndOr {
    const first = this.pipeline()
    const rest: AndOr['rest'] = []
    for (;;) {
      const t = this.peek()
      if (t.type !== 'op' || (t.op !== '&&' && t.op !== '||')) return { first, rest }
      this.take()
      this.skipNewlines()
      rest.push({ op: t.op, pipeline: this.pipeline() })
    }
  }

  private pipeline(): Pipeline {
    let negate = false
    if (this.isWord(this.peek(), '!')) {
      this.take()
      negate = true
    }
    const commands = [this.command()]
    const pipeStderr: boolean[] = []
    for (;;) {
      const t = this.peek()
      if (!this.isOp(t, '|', '|&')) return { negate, commands, pipeStderr }
      this.take()
      pipeStderr.push(t.type === 'op' && t.op === '|&')
      this.skipNewlines()
      commands.push(this.command())
    }
  }

  /**
   * Nesting of compound commands (if, for, while, until, { }, ( )) the parser accepts. bash 5.2 runs 2,498 nested
   * ifs and at 2,499 its parser stack (bison's YYMAXDEPTH) overflows: `syntax error near unexpected token `true'`,
   * the token after the `if` too deep, and the script ends there. Our interpreter recurses on the JavaScript stack
   * and would overflow first, so it gives bash's answer at a depth it can still run.
   */
  static readonly MAX_NESTING = 400
  private depth = 0

  private command(): Command {
    const t = this.peek()
    const compound = this.isWord(t, 'if') || this.isWord(t, 'for') || this.isWord(t, 'while') || this.isWord(t, 'until') || this.isWord(t, '{') || this.isOp(t, '(')
    if (!compound) return this.commandAt(t)
    if (this.depth >= Parser.MAX_NESTING) {
      this.take()
      throw this.unexpected(this.peek())
    }
    this.depth++
    try {
      return this.commandAt(t)
    } finally {
      this.depth--
    }
  }

  private commandAt(t: Token): Command {
    let cmd: Command
    if (t.type === 'word' && isPlain(t.word) && (UNEXPECTED_WORDS.has(t.word.raw))) throw this.unexpected(t)
    if (this.isWord(t, 'if')) cmd = this.ifCommand()
    else if (this.isWord(t, 'for')) cmd = this.forCommand()
    else if (this.isWord(t, 'while') || this.isWord(t, 'until')) cmd = this.whileCommand()
    else if (this.isWord(t, '{')) {
      this.take()
      const body = this.compoundList(['}'])
      this.expectWord('}')
      cmd = { kind: 'group', body, redirects: [] }
    } else if (this.isOp(t, '(')) {
      this.take()
      const body = this.compoundList([')'])
      const close = this.take()
      if (!this.isOp(close, ')')) throw this.unexpected(close)
      cmd = { kind: 'subshell', body, redirects: [] }
    } else if (this.isOp(t, '((')) {
      this.take()
      cmd = { kind: 'arithcmd', expr: literalWord(this.lex.readArithBody()), redirects: [] }
    } else return this.simpleCommand()
    while (this.isRedirectStart(this.peek())) cmd.redirects.push(this.redirect())
    return cmd
  }

  private isRedirectStart(t: Token): boolean {
    return t.type === 'io' || (t.type === 'op' && REDIRECT_OPS.has(t.op))
  }

  private simpleCommand(): SimpleCommand {
    const cmd: SimpleCommand = { kind: 'simple', assigns: [], words: [], redirects: [] }
    for (;;) {
      const t = this.peek()
      if (this.isRedirectStart(t)) cmd.redirects.push(this.redirect())
      else if (t.type === 'word') {
        this.take()
        const assign = cmd.words.length === 0 ? asAssignment(t.word) : null
        if (assign) cmd.assigns.push(assign)
        else cmd.words.push(t.word)
      } else break
    }
    if (cmd.assigns.length + cmd.words.length + cmd.redirects.length === 0) throw this.unexpected(this.peek())
    return cmd
  }

  private redirect(): Redirect {
    let t = this.take()
    let fd: number | undefined
    if (t.type === 'io') {
      fd = t.fd
      t = this.take()
    }
    if (t.type !== 'op') throw this.unexpected(t)
    const op = t.op
    const target = this.take()
    if (target.type === 'eof') throw this.lex.error(target.start, "syntax error near unexpected token `newline'", true)
    if (target.type !== 'word') throw this.unexpected(target)
    const word = target.word
    switch (op) {
      case '<<':
      case '<<-': {
        const quoted = word.parts.some((p) => p.kind !== 'lit' || p.quoted)
        const h: Redirect = {
          kind: 'heredoc', fd: fd ?? 0, delimiter: word.raw.replace(/["'\\]/g, ''), expand: !quoted,
          stripTabs: op === '<<-', line: this.lex.lineOf(t.start), body: null,
        }
        this.lex.pending.push(h)
        return h
      }
      case '<<<':
        return { kind: 'herestring', fd: fd ?? 0, word }
      case '>&':
      case '<&':
        return { kind: 'dup', fd: fd ?? (op === '>&' ? 1 : 0), op, target: word }
      case '<':
        return { kind: 'file', fd: fd ?? 0, op, target: word }
      case '&>':
      case '&>>':
        return { kind: 'file', fd: -1, op, target: word }
      default:
        return { kind: 'file', fd: fd ?? 1, op: op as '>' | '>>', target: word }
    }
  }

  private ifCommand(): Command {
    this.take()
    const clauses: { cond: ListNode; body: ListNode }[] = []
    let elseBody: ListNode | null = null
    for (;;) {
      const cond = this.compoundList(['then'])
      this.expectWord('then')
      const body = this.compoundList(['elif', 'else', 'fi'])
      clauses.push({ cond, body })
      const t = this.take()
      if (this.isWord(t, 'elif')) continue
      if (this.isWord(t, 'else')) {
        elseBody = this.compoundList(['fi'])
        this.expectWord('fi')
      }
      return { kind: 'if', clauses, elseBody, redirects: [] }
    }
  }

  private forCommand(): Command {
    this.take()
    const t = this.take()
    if (this.isOp(t, '((')) {
      const parts = this.lex.readArithBody().split(';')
      if (parts.length !== 3) throw this.lex.error(t.start, 'syntax error: arithmetic expression required', true)
      this.loopHeaderEnd()
      const body = this.doGroup()
      const [init, cond, step] = parts.map(literalWord)
      return { kind: 'arithfor', init, cond, step, body, redirects: [] }
    }
    if (t.type !== 'word' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(t.word.raw)) {
      if (t.type === 'word') throw this.lex.error(t.start, `\`${t.word.raw}': not a valid identifier`)
      throw this.unexpected(t)
    }
    let words: Word[] | null = null
    this.skipNewlines()
    if (this.isWord(this.peek(), 'in')) {
      this.take()
      words = []
      for (let w = this.peek(); w.type === 'word'; w = this.peek()) words.push((this.take() as { word: Word }).word)
      const sep = this.take()
      if (!this.isOp(sep, ';') && sep.type !== 'newline') throw this.unexpected(sep)
    } else if (this.isOp(this.peek(), ';')) this.take()
    this.skipNewlines()
    return { kind: 'for', name: t.word.raw, words, body: this.doGroup(), redirects: [] }
  }

  private loopHeaderEnd(): void {
    if (this.isOp(this.peek(), ';')) this.take()
    this.skipNewlines()
  }

  private doGroup(): ListNode {
    this.expectWord('do')
    const body = this.compoundList(['done'])
    this.expectWord('done')
    return body
  }

  private whileCommand(): Command {
    const until = (this.take() as { word: Word }).word.raw === 'until'
    const cond = this.compoundList(['do'])
    return { kind: 'while', until, cond, body: this.doGroup(), redirects: [] }
  }
}

/** True when the word has no quoting or expansion, so it can be a reserved word or alias name. */
export function isPlain(word: Word): boolean {
  return word.parts.length === 1 && word.parts[0].kind === 'lit' && !word.parts[0].quoted
}

function literalWord(text: string): Word {
  // Arithmetic text still expands $x and $(...): scan it like a double-quoted string.
  const p = new Lexer(`"${text.replace(/(["\\])/g, '\\$1')}"`, 0, subParsers)
  const t = p.next()
  return t.type === 'word' ? { parts: t.word.parts, raw: text } : { parts: [], raw: text }
}

function asAssignment(word: Word): Assignment | null {
  const first = word.parts[0]
  if (!first || first.kind !== 'lit' || first.quoted) return null
  const m = ASSIGNMENT.exec(first.text)
  if (!m) return null
  const rest = first.text.slice(m[0].length)
  const parts = [...word.parts.slice(1)]
  if (rest.startsWith('~') && (rest.length === 1 || rest[1] === '/')) {
    parts.unshift({ kind: 'param', name: 'HOME', quoted: true }, { kind: 'lit', text: rest.slice(1), quoted: false })
  } else parts.unshift({ kind: 'lit', text: rest, quoted: false })
  return { name: m[1], value: { parts, raw: word.raw.slice(m[0].length) }, append: m[2] === '+' }
}

/** Parses a whole script; throws ShellSyntaxError at the first error, like `bash -n`. */
export function parseScript(text: string): Script {
  const p = new Parser(normalize(text))
  const statements: Statement[] = []
  for (let s = p.statement(); s; s = p.statement()) statements.push(s)
  return { statements }
}

/** CRLF scripts (saved on Windows) would break every word with a stray \r; accept them. */
export function normalize(text: string): string {
  return text.replace(/\r\n/g, '\n')
}
