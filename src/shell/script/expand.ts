// Word expansion in bash's order: braces, parameters/substitutions/arithmetic, field splitting, quote removal.
import type { ListNode, Word, WordPart } from './ast.ts'
import { ArithError, evaluateArith, type ArithVars } from './arith.ts'
import { braceExpand } from './braces.ts'
import type { Io } from './io.ts'
import { replacePattern, trimPattern } from './pattern.ts'
import { ExpansionError } from './signals.ts'
import { HOME } from './state.ts'
import type { ShellState } from './types.ts'

export interface ExpandHost {
  readonly state: ShellState
  /** Runs a command substitution in a subshell and returns its standard output. */
  runSubst(list: ListNode, io: Io): string
}

const DECLARATION = new Set(['export', 'local', 'declare', 'typeset', 'readonly'])
const IFS_WS = /[ \t\n]+/

interface Piece { text: string; split: boolean }

export class Expander {
  constructor(private readonly host: ExpandHost) {}

  get vars(): ArithVars {
    const state = this.host.state
    return { get: (n) => this.lookup(n), set: (n, v) => { state.vars[n] = v } }
  }

  /** The argument list a command's words stand for. */
  words(words: Word[], io: Io): string[] {
    const out: string[] = []
    const declaration = words.length > 0 && isLiteral(words[0]) && DECLARATION.has(literalText(words[0]))
    words.forEach((w, index) => {
      if (declaration && index > 0 && /^[A-Za-z_][A-Za-z0-9_]*\+?=/.test(leadingLiteral(w))) {
        out.push(this.word(w, io))
        return
      }
      for (const parts of braceExpand(w.parts)) for (const f of this.fields(parts, io)) out.push(f) // not push(...): 100,000 fields overflow a worker's stack
    })
    return out
  }

  /** One word without splitting (assignment values, redirection targets, heredoc bodies). */
  word(word: Word, io: Io): string {
    return word.parts.map((p) => this.part(p, io).text).join('')
  }

  private fields(parts: WordPart[], io: Io): string[] {
    const fields: string[] = []
    let cur = ''
    let has = false
    for (const p of parts) {
      const { text, split } = this.part(p, io)
      if (!split) {
        cur += text
        has = true
        continue
      }
      const pieces = text.split(IFS_WS)
      pieces.forEach((piece, k) => {
        if (k > 0 && has) {
          fields.push(cur)
          cur = ''
          has = false
        }
        if (piece !== '') {
          cur += piece
          has = true
        }
      })
    }
    if (has) fields.push(cur)
    return fields
  }

  private part(p: WordPart, io: Io): Piece {
    switch (p.kind) {
      case 'lit':
        return { text: p.text, split: false }
      case 'param':
        return { text: this.param(p, io), split: !p.quoted }
      case 'cmdsub':
        return { text: this.host.runSubst(p.body, io).replace(/\n+$/, ''), split: !p.quoted }
      case 'arith': {
        const text = this.word(p.expr, io)
        try {
          return { text: String(evaluateArith(text, this.vars)), split: !p.quoted }
        } catch (e) {
          if (e instanceof ArithError) throw new ExpansionError(e.message)
          throw e
        }
      }
    }
  }

  /** Value of a parameter, undefined when unset (special parameters included). */
  lookup(name: string): string | undefined {
    const state = this.host.state
    switch (name) {
      case '?': return String(state.lastExit)
      case '$': return '4242'
      case '#': return '0'
      case '@':
      case '*': return ''
      case '0': return 'bash'
      case '-': return 'hB'
      case 'HOME': return state.vars.HOME ?? HOME
      case 'PWD': return state.vars.PWD ?? HOME
    }
    return /^\d+$/.test(name) ? undefined : state.vars[name]
  }

  private param(p: Extract<WordPart, { kind: 'param' }>, io: Io): string {
    const value = this.lookup(p.name)
    const arg = () => (p.arg ? this.word(p.arg, io) : '')
    const empty = value === undefined || value === ''
    switch (p.op) {
      case undefined: return value ?? ''
      case 'len': return String((value ?? '').length)
      case ':-': return empty ? arg() : value
      case '-': return value === undefined ? arg() : value
      case ':+': return empty ? '' : arg()
      case '+': return value === undefined ? '' : arg()
      case ':=':
      case '=':
        if (p.op === '=' ? value !== undefined : !empty) return value ?? ''
        if (!/^[A-Za-z_]/.test(p.name)) throw new ExpansionError(`$${p.name}: cannot assign in this way`)
        return (this.host.state.vars[p.name] = arg())
      case ':?':
      case '?':
        if (p.op === '?' ? value !== undefined : !empty) return value ?? ''
        throw new ExpansionError(`${p.name}: ${arg() || 'parameter null or not set'}`)
      case '#':
      case '##':
      case '%':
      case '%%':
        return trimPattern(value ?? '', arg(), p.op)
      case '/':
      case '//':
        return replacePattern(value ?? '', arg(), p.repl ? this.word(p.repl, io) : '', p.op === '//')
      case ':': return this.substring(value ?? '', arg())
      case '^^': return (value ?? '').toUpperCase()
      case ',,': return (value ?? '').toLowerCase()
      case '^': return (value ?? '').slice(0, 1).toUpperCase() + (value ?? '').slice(1)
      case ',': return (value ?? '').slice(0, 1).toLowerCase() + (value ?? '').slice(1)
      case 'bad': throw new ExpansionError(`${p.arg?.raw ?? '${}'}: bad substitution`)
    }
  }

  /** ${x:offset} and ${x:offset:length}, both arithmetic; negative values count from the end. */
  private substring(value: string, spec: string): string {
    const [offText, lenText] = splitOnce(spec, ':')
    try {
      let off = evaluateArith(offText, this.vars)
      if (off < 0) off = Math.max(0, value.length + off)
      if (lenText === undefined) return value.slice(off)
      const len = evaluateArith(lenText, this.vars)
      if (len < 0) {
        if (value.length + len < off) throw new ExpansionError(`${lenText.trim()}: substring expression < 0`)
        return value.slice(off, value.length + len)
      }
      return value.slice(off, off + len)
    } catch (e) {
      if (e instanceof ArithError) throw new ExpansionError(e.message)
      throw e
    }
  }
}

function splitOnce(s: string, sep: string): [string, string | undefined] {
  const at = s.indexOf(sep)
  return at < 0 ? [s, undefined] : [s.slice(0, at), s.slice(at + 1)]
}

function isLiteral(w: Word): boolean {
  return w.parts.every((p) => p.kind === 'lit')
}

function literalText(w: Word): string {
  return w.parts.map((p) => (p.kind === 'lit' ? p.text : '')).join('')
}

function leadingLiteral(w: Word): string {
  const p = w.parts[0]
  return p && p.kind === 'lit' && !p.quoted ? p.text : ''
}
