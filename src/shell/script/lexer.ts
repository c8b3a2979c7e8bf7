// Character-level scanner: words with their quoting, operators, newlines and here-document bodies.
import type { ListNode, Redirect, Word, WordPart } from './ast.ts'
import { ShellSyntaxError } from './types.ts'
import { decodeAnsiC } from './escapes.ts'

export type Token =
  | { type: 'word'; word: Word; start: number; end: number }
  | { type: 'op'; op: string; start: number; end: number }
  | { type: 'io'; fd: number; start: number; end: number }
  | { type: 'newline'; start: number; end: number; heredoc: boolean }
  | { type: 'eof'; start: number; end: number }

/** Nested parses the scanner needs for `$(...)` and backticks; the parser provides them. */
export interface SubParsers {
  subst(text: string, pos: number, lineBase: number): { list: ListNode; end: number }
  whole(text: string, lineBase: number): ListNode
}

export type HeredocRedirect = Extract<Redirect, { kind: 'heredoc' }>

const META = new Set([' ', '\t', '\n', ';', '&', '|', '(', ')', '<', '>'])
// Longest first, so `<<-` wins over `<<` and `&&` over `&`.
const OPS = ['<<<', '&>>', '<<-', '&&', '||', ';;', '<<', '>>', '>&', '<&', '&>', '>|', '|&', '((', ';', '&', '|', '(', ')', '<', '>']

export class Lexer {
  pos: number
  /** Here-documents whose bodies start after the next newline. */
  readonly pending: HeredocRedirect[] = []
  readonly warnings: string[] = []
  private readonly lineStarts: number[] = [0]

  constructor(readonly text: string, pos: number, private readonly sub: SubParsers, readonly lineBase = 0) {
    this.pos = pos
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') this.lineStarts.push(i + 1)
  }

  lineOf(offset: number): number {
    let lo = 0
    let hi = this.lineStarts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (this.lineStarts[mid] <= offset) lo = mid
      else hi = mid - 1
    }
    return lo + 1 + this.lineBase
  }

  lineTextAt(offset: number): string {
    const start = this.lineStarts[this.lineOf(offset) - 1 - this.lineBase]
    const end = this.text.indexOf('\n', start)
    return this.text.slice(start, end < 0 ? undefined : end)
  }

  error(offset: number, detail: string, quoteLine = false): ShellSyntaxError {
    const line = this.lineOf(offset)
    const col = offset - this.lineStarts[line - 1 - this.lineBase] + 1
    return new ShellSyntaxError(line, col, detail, quoteLine ? this.lineTextAt(offset) : undefined)
  }

  eofError(what: string): ShellSyntaxError {
    return this.error(this.text.length, `unexpected EOF while looking for matching \`${what}'`)
  }

  next(): Token {
    this.skipBlanks()
    const start = this.pos
    const text = this.text
    if (start >= text.length) return { type: 'eof', start, end: start }
    if (text[start] === '\n') {
      this.pos++
      const heredoc = this.pending.length > 0
      this.readHeredocs()
      return { type: 'newline', start, end: this.pos, heredoc }
    }
    for (const op of OPS) {
      if (text.startsWith(op, start)) {
        this.pos += op.length
        return { type: 'op', op: op === '>|' ? '>' : op, start, end: this.pos }
      }
    }
    return this.readWord()
  }

  /** Raw text of `((...))` after the opening `((`, consuming the closing `))`. */
  readArithBody(): string {
    const end = this.findArithEnd(this.pos)
    if (end < 0) throw this.eofError('))')
    const body = this.text.slice(this.pos, end)
    this.pos = end + 2
    return body
  }

  private skipBlanks(): void {
    const text = this.text
    while (this.pos < text.length) {
      const c = text[this.pos]
      if (c === ' ' || c === '\t' || c === '\r') this.pos++
      else if (c === '\\' && text[this.pos + 1] === '\n') this.pos += 2
      else if (c === '#') {
        const nl = text.indexOf('\n', this.pos)
        this.pos = nl < 0 ? text.length : nl
      } else break
    }
  }

  private readWord(): Token {
    const text = this.text
    const start = this.pos
    const parts: WordPart[] = []
    while (this.pos < text.length) {
      const c = text[this.pos]
      if (META.has(c)) break
      if (c === '\\') {
        const n = text[this.pos + 1]
        if (n === '\n') this.pos += 2
        else if (n === undefined) { push(parts, '\\', false); this.pos++ }
        else { push(parts, n, true); this.pos += 2 }
      } else if (c === "'") {
        const close = text.indexOf("'", this.pos + 1)
        if (close < 0) throw this.eofError("'")
        push(parts, text.slice(this.pos + 1, close), true)
        this.pos = close + 1
      } else if (c === '"') {
        this.readDouble(parts)
      } else if (c === '$') {
        this.dollar(parts, false)
      } else if (c === '`') {
        this.backtick(parts, false)
      } else if (c === '~' && this.pos === start && (this.pos + 1 >= text.length || text[this.pos + 1] === '/' || META.has(text[this.pos + 1]))) {
        parts.push({ kind: 'param', name: 'HOME', quoted: true })
        this.pos++
      } else {
        push(parts, c, false)
        this.pos++
      }
    }
    const raw = text.slice(start, this.pos)
    if (/^\d+$/.test(raw) && (text[this.pos] === '<' || text[this.pos] === '>')) {
      return { type: 'io', fd: Number(raw), start, end: this.pos }
    }
    return { type: 'word', word: { parts, raw }, start, end: this.pos }
  }

  private readDouble(parts: WordPart[]): void {
    const open = this.pos
    this.pos++
    if (!this.readQuoted(parts, 'dq')) {
      this.pos = open
      throw this.eofError('"')
    }
    this.pos++
    if (parts.length === 0 || parts[parts.length - 1].kind !== 'lit') push(parts, '', true)
  }

  /** Double-quote rules; heredoc bodies and arithmetic differ only in what ends them and `\"`. */
  private readQuoted(parts: WordPart[], mode: 'dq' | 'body'): boolean {
    const text = this.text
    push(parts, '', true)
    while (this.pos < text.length) {
      const c = text[this.pos]
      if (mode === 'dq' && c === '"') return true
      if (c === '\\') {
        const n = text[this.pos + 1]
        if (n === '\n') { this.pos += 2; continue }
        if (n !== undefined && ('$`\\'.includes(n) || (mode === 'dq' && n === '"'))) {
          push(parts, n, true)
          this.pos += 2
          continue
        }
        push(parts, '\\', true)
        this.pos++
      } else if (c === '$') this.dollar(parts, true)
      else if (c === '`') this.backtick(parts, true)
      else {
        push(parts, c, true)
        this.pos++
      }
    }
    return mode === 'body'
  }

  /** A here-document body or arithmetic text, scanned as an independent double-quoted string. */
  private subWord(body: string, lineBase: number): Word {
    const lx = new Lexer(body, 0, this.sub, lineBase)
    const parts: WordPart[] = []
    lx.readQuoted(parts, 'body')
    return { parts, raw: body }
  }

  private dollar(parts: WordPart[], quoted: boolean): void {
    const text = this.text
    const n = text[this.pos + 1]
    if (n === '{') return this.braceParam(parts, quoted)
    if (n === '(') {
      if (text[this.pos + 2] === '(') {
        const end = this.findArithEnd(this.pos + 3)
        if (end >= 0) {
          const expr = this.subWord(text.slice(this.pos + 3, end), this.lineOf(this.pos) - 1)
          parts.push({ kind: 'arith', expr, quoted })
          this.pos = end + 2
          return
        }
      }
      const { list, end } = this.sub.subst(text, this.pos + 2, this.lineBase)
      parts.push({ kind: 'cmdsub', body: list, quoted })
      this.pos = end
      return
    }
    if (n === "'" && !quoted) {
      const { value, end } = decodeAnsiC(text, this.pos + 2)
      if (end < 0) throw this.eofError("'")
      push(parts, value, true)
      this.pos = end
      return
    }
    if (n === '"' && !quoted) { this.pos++; return }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(this.pos + 1, this.pos + 200))
    if (name) {
      parts.push({ kind: 'param', name: name[0], quoted })
      this.pos += 1 + name[0].length
    } else if (n !== undefined && /[0-9?$#!@*-]/.test(n)) {
      parts.push({ kind: 'param', name: n, quoted })
      this.pos += 2
    } else {
      push(parts, '$', quoted)
      this.pos++
    }
  }

  private braceParam(parts: WordPart[], quoted: boolean): void {
    const text = this.text
    const open = this.pos
    this.pos += 2
    let length = false
    if (text[this.pos] === '#' && text[this.pos + 1] !== '}') { length = true; this.pos++ }
    const m = /^([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[?$#!@*-])/.exec(text.slice(this.pos, this.pos + 200))
    const close = () => {
      if (text[this.pos] !== '}') throw this.eofError('}')
      this.pos++
    }
    // bash reports a malformed ${...} only when it runs: keep it as a part that fails at expansion.
    const bad = () => {
      const end = text.indexOf('}', this.pos)
      if (end < 0) throw this.eofError('}')
      const raw = text.slice(open, end + 1)
      parts.push({ kind: 'param', name: '', op: 'bad', arg: { parts: [{ kind: 'lit', text: raw, quoted: true }], raw }, quoted })
      this.pos = end + 1
    }
    if (!m) return bad()
    const name = m[1]
    this.pos += name.length
    if (length) {
      close()
      parts.push({ kind: 'param', name, op: 'len', quoted })
      return
    }
    if (text[this.pos] === '}') {
      this.pos++
      parts.push({ kind: 'param', name, quoted })
      return
    }
    const op = [':-', ':=', ':+', ':?', '##', '%%', '//', '^^', ',,', '-', '=', '+', '?', '#', '%', '/', ':', '^', ','].find((o) => text.startsWith(o, this.pos)) as
      | NonNullable<Extract<WordPart, { kind: 'param' }>['op']>
      | undefined
    if (!op) return bad()
    this.pos += op.length
    if (op === '/' || op === '//') {
      const arg = this.paramArg(quoted, true)
      let repl: Word | undefined
      if (text[this.pos] === '/') {
        this.pos++
        repl = this.paramArg(quoted, false)
      }
      close()
      parts.push({ kind: 'param', name, op, arg, repl, quoted })
      return
    }
    const arg = this.paramArg(quoted, false)
    close()
    parts.push({ kind: 'param', name, op, arg, quoted })
  }

  /** The word inside `${name<op>...}`; quotes nest, and it ends at the matching `}`. */
  private paramArg(quoted: boolean, stopAtSlash: boolean): Word {
    const text = this.text
    const start = this.pos
    const parts: WordPart[] = []
    let depth = 0
    for (;;) {
      if (this.pos >= text.length) throw this.eofError('}')
      const c = text[this.pos]
      if (c === '}' && depth === 0) break
      if (stopAtSlash && c === '/' && depth === 0) break
      if (c === '\\') {
        const n = text[this.pos + 1]
        if (n !== '\n' && n !== undefined) push(parts, n, true)
        this.pos += 2
      } else if (c === "'" && !quoted) {
        const close = text.indexOf("'", this.pos + 1)
        if (close < 0) throw this.eofError("'")
        push(parts, text.slice(this.pos + 1, close), true)
        this.pos = close + 1
      } else if (c === '"') this.readDouble(parts)
      else if (c === '$') this.dollar(parts, quoted)
      else if (c === '`') this.backtick(parts, quoted)
      else {
        if (c === '{') depth++
        if (c === '}') depth--
        push(parts, c, quoted)
        this.pos++
      }
    }
    return { parts, raw: text.slice(start, this.pos) }
  }

  private backtick(parts: WordPart[], quoted: boolean): void {
    const text = this.text
    let i = this.pos + 1
    let inner = ''
    while (i < text.length && text[i] !== '`') {
      const n = text[i + 1]
      if (text[i] === '\\' && n !== undefined && ('$`\\'.includes(n) || (quoted && n === '"'))) {
        inner += n
        i += 2
      } else inner += text[i++]
    }
    if (i >= text.length) throw this.eofError('`')
    const body = this.sub.whole(inner, this.lineOf(this.pos) - 1)
    parts.push({ kind: 'cmdsub', body, quoted })
    this.pos = i + 1
  }

  /** Offset of the `))` that closes an arithmetic expression starting at `from`, or -1. */
  private findArithEnd(from: number): number {
    let depth = 0
    for (let i = from; i < this.text.length; i++) {
      const c = this.text[i]
      if (c === '(') depth++
      else if (c === ')') {
        if (depth === 0) return this.text[i + 1] === ')' ? i : -1
        depth--
      }
    }
    return -1
  }

  private readHeredocs(): void {
    const text = this.text
    for (const h of this.pending) {
      const startLine = this.lineOf(this.pos)
      let body = ''
      for (;;) {
        if (this.pos >= text.length) {
          this.warnings.push(`line ${this.lineOf(text.length)}: warning: here-document at line ${h.line} delimited by end-of-file (wanted \`${h.delimiter}')`)
          break
        }
        const eol = text.indexOf('\n', this.pos)
        const lineEnd = eol < 0 ? text.length : eol
        let line = text.slice(this.pos, lineEnd)
        this.pos = eol < 0 ? text.length : eol + 1
        if (h.stripTabs) line = line.replace(/^\t+/, '')
        if (line === h.delimiter) break
        body += line + '\n'
      }
      h.body = h.expand ? this.subWord(body, startLine - 1) : { parts: [{ kind: 'lit', text: body, quoted: true }], raw: body }
    }
    this.pending.length = 0
  }
}

/** Appends literal text, merging with a preceding literal of the same quoting. */
function push(parts: WordPart[], text: string, quoted: boolean): void {
  const last = parts[parts.length - 1]
  if (last && last.kind === 'lit' && last.quoted === quoted) last.text += text
  else parts.push({ kind: 'lit', text, quoted })
}
