// A small awk: patterns (BEGIN, END, /re/, expressions), print/printf, fields, NR/NF/FS/OFS, variables,
// if/else, next, exit, and the common string functions. No arrays, getline or user functions.
import { splitLines } from '../io.ts'
import { float, pad, signed } from './printf.ts'
import { posixToJs } from './regex.ts'
import type { Builtin } from './types.ts'

type Value = number | string | StrNum
/** Input-derived text compares as a number when it looks like one (awk's "strnum"). */
class StrNum { constructor(readonly s: string) {} }

type Expr =
  | { t: 'num'; v: number } | { t: 'str'; v: string } | { t: 're'; re: RegExp }
  | { t: 'var'; name: string } | { t: 'field'; index: Expr }
  | { t: 'un'; op: string; a: Expr } | { t: 'bin'; op: string; a: Expr; b: Expr }
  | { t: 'assign'; op: string; target: Expr; value: Expr } | { t: 'incdec'; op: string; prefix: boolean; target: Expr }
  | { t: 'cond'; c: Expr; a: Expr; b: Expr } | { t: 'call'; name: string; args: Expr[] } | { t: 'group'; e: Expr }

type Stmt =
  | { t: 'print'; args: Expr[] } | { t: 'printf'; args: Expr[] } | { t: 'expr'; e: Expr }
  | { t: 'if'; c: Expr; then: Stmt; else: Stmt | null } | { t: 'while'; c: Expr; body: Stmt }
  | { t: 'for'; init: Expr | null; c: Expr | null; step: Expr | null; body: Stmt }
  | { t: 'block'; body: Stmt[] } | { t: 'next' } | { t: 'exit'; code: Expr | null }

interface Rule { pattern: 'BEGIN' | 'END' | Expr | null; action: Stmt[] | null }

class AwkError extends Error {}
class NextSignal {}
class ExitAwk { constructor(readonly code: number) {} }

const FUNCS = new Set(['length', 'substr', 'index', 'toupper', 'tolower', 'int', 'sqrt', 'sprintf', 'sub', 'gsub', 'match'])
const TOKEN = /[ \t]*(?:(\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+)|("(?:[^"\\]|\\.)*")|([A-Za-z_][A-Za-z0-9_]*)|(\+\+|--|\+=|-=|\*=|\/=|%=|\^=|==|!=|<=|>=|&&|\|\||!~|[-+*/%^!<>=~?:$(){};,\n]))/y

export const awk: Builtin = (args, ctx) => {
  // awk variable names are user text: no prototype behind them.
  const vars: Record<string, Value> = Object.assign(Object.create(null) as Record<string, Value>, { FS: ' ', OFS: ' ', ORS: '\n', NR: 0, NF: 0, FNR: 0, FILENAME: '' })
  let program: string | undefined
  const files: string[] = []
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (a === '-F') vars.FS = fsArg(args[++i] ?? '')
    else if (a.startsWith('-F')) vars.FS = fsArg(a.slice(2))
    else if (a === '-v' || (a.startsWith('-v') && a.includes('='))) {
      const assign = a === '-v' ? args[++i] ?? '' : a.slice(2)
      const eq = assign.indexOf('=')
      vars[assign.slice(0, eq)] = new StrNum(assign.slice(eq + 1))
    } else if (program === undefined) program = a
    else files.push(a)
  }
  if (program === undefined) {
    ctx.err("usage: awk [-F fs][-v var=value][prog | -f progfile][file ...]\n")
    return 2
  }
  let rules: Rule[]
  try {
    rules = parseProgram(program)
  } catch (e) {
    if (!(e instanceof AwkError)) throw e
    ctx.err(`awk: ${e.message}\n`)
    return 2
  }
  let record = ''
  let fields: string[] = []
  const split = () => {
    const fs = str(vars.FS)
    const text = record
    if (fs === ' ') fields = text.trim() === '' ? [] : text.trim().split(/[ \t\n]+/)
    else if (text === '') fields = []
    else if (fs.length === 1 && fs !== '\\') fields = text.split(fs)
    else fields = text.split(new RegExp(posixToJs(fs, true)))
    vars.NF = fields.length
  }
  const getField = (i: number): Value => (i === 0 ? new StrNum(record) : new StrNum(fields[i - 1] ?? ''))
  const setField = (i: number, v: string) => {
    if (i === 0) {
      record = v
      split()
      return
    }
    while (fields.length < i) fields.push('')
    fields[i - 1] = v
    vars.NF = fields.length
    record = fields.join(str(vars.OFS))
  }
  let out = ''
  const assignTo = (target: Expr, v: Value): Value => {
    if (target.t === 'var') vars[target.name] = v
    else if (target.t === 'field') setField(num(ev(target.index)), str(v))
    else throw new AwkError('syntax error: invalid assignment target')
    return v
  }
  const ev = (e: Expr): Value => {
    switch (e.t) {
      case 'num':
      case 'str': return e.v
      case 're': return Number(e.re.test(record))
      case 'group': return ev(e.e)
      case 'var': return vars[e.name] ?? ''
      case 'field': return getField(num(ev(e.index)))
      case 'un': {
        const a = ev(e.a)
        return e.op === '!' ? Number(!truthy(a)) : e.op === '-' ? -num(a) : num(a)
      }
      case 'cond': return truthy(ev(e.c)) ? ev(e.a) : ev(e.b)
      case 'assign': {
        const v = ev(e.value)
        if (e.op === '=') return assignTo(e.target, v instanceof StrNum ? v : v)
        return assignTo(e.target, arith(e.op[0], num(ev(e.target)), num(v)))
      }
      case 'incdec': {
        const old = num(ev(e.target))
        assignTo(e.target, e.op === '++' ? old + 1 : old - 1)
        return e.prefix ? old + (e.op === '++' ? 1 : -1) : old
      }
      case 'call': return call(e)
      case 'bin': {
        if (e.op === '&&') return Number(truthy(ev(e.a)) && truthy(ev(e.b)))
        if (e.op === '||') return Number(truthy(ev(e.a)) || truthy(ev(e.b)))
        if (e.op === '~' || e.op === '!~') {
          const m = regexOf(e.b).test(str(ev(e.a)))
          return Number(e.op === '~' ? m : !m)
        }
        const a = ev(e.a)
        const b = ev(e.b)
        if (e.op === ' ') return str(a) + str(b)
        if (['<', '<=', '>', '>=', '==', '!='].includes(e.op)) return compare(e.op, a, b)
        return arith(e.op, num(a), num(b))
      }
    }
  }
  const regexOf = (e: Expr): RegExp => (e.t === 're' ? e.re : new RegExp(posixToJs(str(ev(e)), true)))
  const call = (e: Extract<Expr, { t: 'call' }>): Value => {
    const a = e.args
    switch (e.name) {
      case 'length': return a.length ? [...str(ev(a[0]))].length : [...record].length
      case 'substr': {
        const s = str(ev(a[0]))
        const m = Math.round(num(ev(a[1])))
        const n = a[2] ? Math.round(num(ev(a[2]))) : Infinity
        const from = Math.max(m, 1)
        const to = n === Infinity ? s.length + 1 : m + n
        return to <= from ? '' : s.slice(from - 1, to - 1)
      }
      case 'index': return str(ev(a[0])).indexOf(str(ev(a[1]))) + 1
      case 'toupper': return str(ev(a[0])).toUpperCase()
      case 'tolower': return str(ev(a[0])).toLowerCase()
      case 'int': return Math.trunc(num(ev(a[0])))
      case 'sqrt': return Math.sqrt(num(ev(a[0])))
      case 'sprintf': return format(a.map(ev))
      case 'match': {
        const m = regexOf(a[1]).exec(str(ev(a[0])))
        vars.RSTART = m ? m.index + 1 : 0
        vars.RLENGTH = m ? m[0].length : -1
        return vars.RSTART
      }
      default: {
        const target: Expr = a[2] ?? { t: 'field', index: { t: 'num', v: 0 } }
        const re = new RegExp(regexOf(a[0]).source, e.name === 'gsub' ? 'g' : '')
        const repl = str(ev(a[1]))
        let count = 0
        const result = str(ev(target)).replace(re, (m) => {
          count++
          return repl.replace(/\\\\|\\&|&/g, (r) => (r === '&' ? m : r === '\\&' ? '&' : '\\'))
        })
        if (count) assignTo(target, result)
        return count
      }
    }
  }
  const exec = (s: Stmt): void => {
    switch (s.t) {
      case 'print': out += (s.args.length ? s.args.map((x) => str(ev(x), true)).join(str(vars.OFS)) : record) + str(vars.ORS); break
      case 'printf': out += format(s.args.map(ev)); break
      case 'expr': ev(s.e); break
      case 'if': if (truthy(ev(s.c))) exec(s.then); else if (s.else) exec(s.else); break
      case 'while': for (let guard = 0; truthy(ev(s.c)) && guard < 1e6; guard++) exec(s.body); break
      case 'for':
        if (s.init) ev(s.init)
        for (let guard = 0; (!s.c || truthy(ev(s.c))) && guard < 1e6; guard++) {
          exec(s.body)
          if (s.step) ev(s.step)
        }
        break
      case 'block': s.body.forEach(exec); break
      case 'next': throw new NextSignal()
      case 'exit': throw new ExitAwk(s.code ? num(ev(s.code)) : 0)
    }
  }
  const runRules = (which: 'BEGIN' | 'END' | null) => {
    for (const r of rules) {
      if (which ? r.pattern !== which : r.pattern === 'BEGIN' || r.pattern === 'END') continue
      if (!which && r.pattern && !truthy(ev(r.pattern as Expr))) continue
      if (r.action) r.action.forEach(exec)
      else out += record + str(vars.ORS)
    }
  }
  let status = 0
  try {
    try {
      runRules('BEGIN')
      const needInput = rules.some((r) => r.pattern !== 'BEGIN')
      const inputs = !needInput ? [] : files.length ? files.map((f) => ({ name: f, text: f === '-' ? ctx.stdin?.readAll() ?? '' : ctx.readFile(f) })) : [{ name: '', text: ctx.stdin?.readAll() ?? '' }]
      for (const input of inputs) {
        if (input.text === undefined) {
          ctx.err(`awk: cannot open "${input.name}" (No such file or directory)\n`)
          status = 2
          continue
        }
        vars.FILENAME = input.name
        vars.FNR = 0
        for (const line of splitLines(input.text)) {
          record = line
          split()
          vars.NR = num(vars.NR) + 1
          vars.FNR = num(vars.FNR) + 1
          try {
            runRules(null)
          } catch (e) {
            if (!(e instanceof NextSignal)) throw e
          }
        }
      }
    } catch (e) {
      if (!(e instanceof ExitAwk)) throw e
      status = e.code
    }
    runRules('END')
  } catch (e) {
    if (e instanceof ExitAwk) status = e.code
    else if (e instanceof AwkError) {
      ctx.out(out)
      ctx.err(`awk: ${e.message}\n`)
      return 2
    } else throw e
  }
  ctx.out(out)
  return status
}

function fsArg(s: string): string {
  return s === 't' ? '\t' : s.replace(/\\t/g, '\t')
}

function num(v: Value): number {
  if (typeof v === 'number') return v
  const s = v instanceof StrNum ? v.s : v
  const m = /^\s*[+-]?(\d+\.?\d*(e[+-]?\d+)?|\.\d+)/i.exec(s)
  return m ? Number(m[0]) : 0
}

/** Numbers print as integers when integral, else with awk's OFMT/CONVFMT "%.6g". */
function str(v: Value, _output = false): string {
  if (v instanceof StrNum) return v.s
  if (typeof v === 'string') return v
  if (Number.isInteger(v)) return String(v)
  return float(v, 'g', '', 6)
}

function truthy(v: Value): boolean {
  if (typeof v === 'number') return v !== 0
  if (v instanceof StrNum) return looksNumeric(v.s) ? num(v) !== 0 : v.s !== ''
  return v !== ''
}

function looksNumeric(s: string): boolean {
  return /^\s*[+-]?(\d+\.?\d*(e[+-]?\d+)?|\.\d+)\s*$/i.test(s)
}

function compare(op: string, a: Value, b: Value): number {
  const numeric = (v: Value) => typeof v === 'number' || (v instanceof StrNum && looksNumeric(v.s))
  let c: number
  if (numeric(a) && numeric(b)) c = num(a) - num(b)
  else {
    const x = str(a)
    const y = str(b)
    c = x < y ? -1 : x > y ? 1 : 0
  }
  switch (op) {
    case '<': return Number(c < 0)
    case '<=': return Number(c <= 0)
    case '>': return Number(c > 0)
    case '>=': return Number(c >= 0)
    case '==': return Number(c === 0)
    default: return Number(c !== 0)
  }
}

function arith(op: string, a: number, b: number): number {
  switch (op) {
    case '+': return a + b
    case '-': return a - b
    case '*': return a * b
    case '/':
      if (b === 0) throw new AwkError('division by zero')
      return a / b
    case '%':
      if (b === 0) throw new AwkError('division by zero in %')
      return a % b
    default: return a ** b
  }
}

function format(values: Value[]): string {
  const fmt = str(values[0] ?? '')
  let k = 1
  return fmt.replace(/\\(.)/g, (_m, c: string) => ({ n: '\n', t: '\t', '\\': '\\', '"': '"' })[c] ?? '\\' + c)
    .replace(/%([-+ #0]*)(\d+)?(?:\.(\d+))?([diouxXcsfeEgG%])/g, (_m, flags: string, w: string | undefined, p: string | undefined, conv: string) => {
      if (conv === '%') return '%'
      const v = values[k++] ?? ''
      const width = Number(w ?? 0)
      const precision = p === undefined ? undefined : Number(p)
      let body: string
      if ('di'.includes(conv)) body = signed(Math.trunc(num(v)), flags, precision)
      else if ('ouxX'.includes(conv)) {
        body = Math.trunc(num(v)).toString(conv === 'o' ? 8 : conv === 'u' ? 10 : 16)
        if (conv === 'X') body = body.toUpperCase()
      } else if (conv === 'c') body = typeof v === 'number' ? String.fromCharCode(v) : str(v).slice(0, 1)
      else if (conv === 's') body = precision === undefined ? str(v) : str(v).slice(0, precision)
      else body = float(num(v), conv, flags, precision)
      return pad(body, width, flags, conv !== 's' && conv !== 'c')
    })
}

/** Parses program text into rules; regex literals are recognised where an operand may start. */
function parseProgram(src: string): Rule[] {
  const toks: string[] = []
  let pos = 0
  const operandExpected = () => {
    const prev = toks[toks.length - 1]
    return prev === undefined || /^[-+*/%^!<>=~?:(,;{}\n&|]$|^(&&|\|\||==|!=|<=|>=|!~|\+=|-=|\*=|\/=|%=|\^=|print|printf|return)$/.test(prev)
  }
  while (pos < src.length) {
    const ws = /^[ \t]*(#[^\n]*)?/.exec(src.slice(pos))!
    pos += ws[0].length
    if (pos >= src.length) break
    if (src[pos] === '\\' && src[pos + 1] === '\n') { pos += 2; continue }
    if (src[pos] === '/' && operandExpected()) {
      let end = pos + 1
      while (end < src.length && src[end] !== '/') end += src[end] === '\\' ? 2 : 1
      if (end >= src.length) throw new AwkError('non-terminated regular expression')
      toks.push('/' + src.slice(pos + 1, end))
      pos = end + 1
      continue
    }
    TOKEN.lastIndex = pos
    const m = TOKEN.exec(src)
    if (!m) throw new AwkError(`syntax error at source line 1: unexpected character '${src[pos]}'`)
    toks.push(m[1] ?? m[2] ?? m[3] ?? m[4])
    pos = TOKEN.lastIndex
  }
  let i = 0
  const peek = () => toks[i]
  const eat = (t: string) => {
    if (toks[i] !== t) throw new AwkError(`syntax error at source line 1 near ${toks[i] ?? 'end of program'}`)
    i++
  }
  const skipNl = () => { while (peek() === '\n' || peek() === ';') i++ }
  const skipNewlines = () => { while (peek() === '\n') i++ }

  let noGt = false
  const primary = (): Expr => {
    const t = toks[i++]
    if (t === undefined) throw new AwkError('syntax error at source line 1: unexpected end of program')
    if (/^(\d|\.\d)/.test(t)) return { t: 'num', v: Number(t) }
    if (t.startsWith('"')) return { t: 'str', v: JSON.parse(t.replace(/\\([^"\\nt/])/g, '$1').replace(/\\\//g, '/')) }
    if (t.startsWith('/') && t.length >= 1 && !/^\/=?$/.test(t)) return { t: 're', re: new RegExp(posixToJs(t.slice(1), true)) }
    if (t === '$') return { t: 'field', index: incdec() }
    if (t === '(') {
      // Inside parentheses `>` is a comparison again, even within print's arguments.
      const saved = noGt
      noGt = false
      const e = expr()
      noGt = saved
      eat(')')
      return { t: 'group', e }
    }
    if (t === '-' || t === '+' || t === '!') return { t: 'un', op: t, a: t === '!' ? unaryNot() : power() }
    if (/^[A-Za-z_]/.test(t)) {
      if (FUNCS.has(t)) {
        const args: Expr[] = []
        if (peek() === '(') {
          i++
          while (peek() !== ')') {
            args.push(expr())
            if (peek() === ',') i++
            else break
          }
          eat(')')
        }
        return { t: 'call', name: t, args }
      }
      return { t: 'var', name: t }
    }
    throw new AwkError(`syntax error at source line 1 near ${t}`)
  }
  const incdec = (): Expr => {
    if (peek() === '++' || peek() === '--') {
      const op = toks[i++]
      return { t: 'incdec', op, prefix: true, target: primary() }
    }
    const e = primary()
    if ((peek() === '++' || peek() === '--') && (e.t === 'var' || e.t === 'field')) return { t: 'incdec', op: toks[i++], prefix: false, target: e }
    return e
  }
  const power = (): Expr => {
    const a = incdec()
    if (peek() !== '^') return a
    i++
    return { t: 'bin', op: '^', a, b: unary() }
  }
  const unaryNot = (): Expr => unary()
  const unary = (): Expr => {
    if (peek() === '!' || peek() === '-' || peek() === '+') {
      const op = toks[i++]
      return { t: 'un', op, a: unary() }
    }
    return power()
  }
  const binLevel = (ops: string[], next: () => Expr) => (): Expr => {
    let a = next()
    while (ops.includes(peek() ?? '')) {
      const op = toks[i++]
      a = { t: 'bin', op, a, b: next() }
    }
    return a
  }
  const mul = binLevel(['*', '/', '%'], unary)
  const add = binLevel(['+', '-'], mul)
  const startsOperand = (t: string | undefined) => t !== undefined && (/^(\d|\.\d|"|[A-Za-z_$(!])/.test(t) || (t.startsWith('/') && t.length > 1 && t !== '/=')) && !['in', 'getline'].includes(t)
  const concat = (): Expr => {
    let a = add()
    while (startsOperand(peek()) && peek() !== '!') a = { t: 'bin', op: ' ', a, b: add() }
    return a
  }
  const comparison = (): Expr => {
    const a = concat()
    const op = peek()
    if (op && ['<', '<=', '!=', '==', '>=', ...(noGt ? [] : ['>'])].includes(op)) {
      i++
      return { t: 'bin', op, a, b: concat() }
    }
    return a
  }
  const match = binLevel(['~', '!~'], comparison)
  const and = binLevel(['&&'], () => { const e = match(); skipNewlines(); return e })
  const or = binLevel(['||'], and)
  const ternary = (): Expr => {
    const c = or()
    if (peek() !== '?') return c
    i++
    const a = ternary()
    eat(':')
    return { t: 'cond', c, a, b: ternary() }
  }
  const expr = (): Expr => {
    const start = i
    const target = ternary()
    const op = peek()
    if (op && ['=', '+=', '-=', '*=', '/=', '%=', '^='].includes(op) && (target.t === 'var' || target.t === 'field') && i > start) {
      i++
      return { t: 'assign', op, target, value: expr() }
    }
    return target
  }
  const exprList = (): Expr[] => {
    const list: Expr[] = []
    const ends = () => [';', '\n', '}', undefined, '>', '|'].includes(peek())
    if (ends()) return list
    noGt = true
    list.push(expr())
    while (peek() === ',') {
      i++
      skipNewlines()
      list.push(expr())
    }
    noGt = false
    if (peek() === '>' || peek() === '|') throw new AwkError('output redirection is not supported by kubehop\'s awk')
    return list
  }
  const simpleEnd = () => {
    if (peek() === ';' || peek() === '\n') i++
  }
  const stmt = (): Stmt => {
    skipNewlines()
    const t = peek()
    if (t === '{') {
      i++
      const body = stmts()
      eat('}')
      return { t: 'block', body }
    }
    if (t === 'print' || t === 'printf') {
      i++
      const args = exprList()
      simpleEnd()
      return t === 'print' ? { t: 'print', args } : { t: 'printf', args }
    }
    if (t === 'if') {
      i++
      eat('(')
      const c = expr()
      eat(')')
      const then = stmt()
      skipNl()
      if (peek() === 'else') {
        i++
        return { t: 'if', c, then, else: stmt() }
      }
      return { t: 'if', c, then, else: null }
    }
    if (t === 'while') {
      i++
      eat('(')
      const c = expr()
      eat(')')
      return { t: 'while', c, body: stmt() }
    }
    if (t === 'for') {
      i++
      eat('(')
      const init = peek() === ';' ? null : expr()
      eat(';')
      const c = peek() === ';' ? null : expr()
      eat(';')
      const step = peek() === ')' ? null : expr()
      eat(')')
      return { t: 'for', init, c, step, body: stmt() }
    }
    if (t === 'next') { i++; simpleEnd(); return { t: 'next' } }
    if (t === 'exit') {
      i++
      const code = [';', '\n', '}', undefined].includes(peek()) ? null : expr()
      simpleEnd()
      return { t: 'exit', code }
    }
    if (t === ';') { i++; return { t: 'block', body: [] } }
    const e = expr()
    simpleEnd()
    return { t: 'expr', e }
  }
  const stmts = (): Stmt[] => {
    const body: Stmt[] = []
    skipNl()
    while (peek() !== '}' && peek() !== undefined) {
      body.push(stmt())
      skipNl()
    }
    return body
  }
  const rules: Rule[] = []
  skipNl()
  while (i < toks.length) {
    let pattern: Rule['pattern'] = null
    if (peek() === 'BEGIN' || peek() === 'END') pattern = toks[i++] as 'BEGIN' | 'END'
    else if (peek() !== '{') pattern = expr()
    let action: Stmt[] | null = null
    if (peek() === '{') {
      i++
      action = stmts()
      eat('}')
    }
    rules.push({ pattern, action })
    skipNl()
  }
  return rules
}
