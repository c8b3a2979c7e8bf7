// Shell arithmetic ($((...)), ((...)), for ((;;))): C-like integer expressions over shell variables.

export interface ArithVars {
  get(name: string): string | undefined
  set(name: string, value: string): void
}

export class ArithError extends Error {}

type Node =
  | { t: 'num'; v: number }
  | { t: 'var'; name: string }
  | { t: 'un'; op: string; a: Node }
  | { t: 'bin'; op: string; a: Node; b: Node }
  | { t: 'assign'; op: string; name: string; b: Node }
  | { t: 'incdec'; op: '++' | '--'; prefix: boolean; name: string }
  | { t: 'cond'; c: Node; a: Node; b: Node }

const BINARY: [string[], number][] = [
  [['||'], 1], [['&&'], 2], [['|'], 3], [['^'], 4], [['&'], 5], [['==', '!='], 6],
  [['<=', '>=', '<', '>'], 7], [['<<', '>>'], 8], [['+', '-'], 9], [['*', '/', '%'], 10],
]
const PREC = new Map<string, number>(BINARY.flatMap(([ops, p]) => ops.map((o): [string, number] => [o, p])))
const TOKEN = /\s*(0[xX][0-9a-fA-F]+|\d+#[0-9a-zA-Z@_]+|\d+|[A-Za-z_][A-Za-z0-9_]*|\*\*=?|<<=|>>=|\+\+|--|&&|\|\||[=!<>]=|<<|>>|[-+*/%&|^]=|[-+*/%<>=!~&|^?:,()])/y

/** Evaluates an expression; throws ArithError with bash's wording on errors. */
export function evaluateArith(expr: string, vars: ArithVars, depth = 0): number {
  const tokens: string[] = []
  TOKEN.lastIndex = 0
  let pos = 0
  while (pos < expr.length) {
    if (/^\s*$/.test(expr.slice(pos))) break
    TOKEN.lastIndex = pos
    const m = TOKEN.exec(expr)
    if (!m) throw new ArithError(`${expr}: syntax error: invalid arithmetic operator (error token is "${expr.slice(pos).trim()}")`)
    tokens.push(m[1])
    pos = TOKEN.lastIndex
  }
  if (tokens.length === 0) return 0
  let i = 0
  const fail = (): never => {
    const rest = tokens.slice(i).join(' ')
    throw new ArithError(`${expr.trim()}: syntax error: ${rest ? 'invalid arithmetic operator' : 'operand expected'} (error token is "${rest}")`)
  }
  const peek = () => tokens[i]
  const comma = (): Node => {
    let n = assign()
    while (peek() === ',') { i++; n = { t: 'bin', op: ',', a: n, b: assign() } }
    return n
  }
  const assign = (): Node => {
    const start = i
    const name = tokens[i]
    if (name && /^[A-Za-z_]/.test(name) && /^([-+*/%&|^]|<<|>>|\*\*)?=$/.test(tokens[i + 1] ?? '')) {
      const op = tokens[i + 1]
      i += 2
      return { t: 'assign', op, name, b: assign() }
    }
    i = start
    return ternary()
  }
  const ternary = (): Node => {
    const c = binary(1)
    if (peek() !== '?') return c
    i++
    const a = assign()
    if (peek() !== ':') fail()
    i++
    return { t: 'cond', c, a, b: assign() }
  }
  const binary = (min: number): Node => {
    let a = power()
    for (;;) {
      const op = peek()
      const p = op === undefined ? undefined : PREC.get(op)
      if (p === undefined || p < min) return a
      i++
      a = { t: 'bin', op, a, b: binary(p + 1) }
    }
  }
  const power = (): Node => {
    const a = unary()
    if (peek() !== '**') return a
    i++
    return { t: 'bin', op: '**', a, b: power() }
  }
  const unary = (): Node => {
    const op = peek()
    if (op === '!' || op === '~' || op === '-' || op === '+') { i++; return { t: 'un', op, a: unary() } }
    if (op === '++' || op === '--') {
      i++
      const name = tokens[i++]
      if (!name || !/^[A-Za-z_]/.test(name)) fail()
      return { t: 'incdec', op, prefix: true, name }
    }
    return postfix()
  }
  const postfix = (): Node => {
    const tok = tokens[i++]
    if (tok === undefined) { i--; return fail() }
    if (tok === '(') {
      const n = comma()
      if (tokens[i++] !== ')') { i--; fail() }
      return n
    }
    if (/^\d/.test(tok)) return { t: 'num', v: parseNumber(tok, expr) }
    if (/^[A-Za-z_]/.test(tok)) {
      const op = peek()
      if (op === '++' || op === '--') { i++; return { t: 'incdec', op, prefix: false, name: tok } }
      return { t: 'var', name: tok }
    }
    i--
    return fail()
  }
  const tree = comma()
  if (i < tokens.length) fail()

  const read = (name: string): number => {
    const raw = (vars.get(name) ?? '').trim()
    if (raw === '') return 0
    if (/^-?\d+$/.test(raw)) return Number(raw)
    if (depth > 16) throw new ArithError(`${raw}: expression recursion level exceeded`)
    return evaluateArith(raw, vars, depth + 1)
  }
  const write = (name: string, v: number): number => {
    vars.set(name, String(v))
    return v
  }
  const ev = (n: Node): number => {
    switch (n.t) {
      case 'num': return n.v
      case 'var': return read(n.name)
      case 'un': {
        const a = ev(n.a)
        return n.op === '!' ? Number(a === 0) : n.op === '~' ? ~a : n.op === '-' ? -a : a
      }
      case 'incdec': {
        const old = read(n.name)
        const v = write(n.name, n.op === '++' ? old + 1 : old - 1)
        return n.prefix ? v : old
      }
      case 'assign': {
        const b = ev(n.b)
        return write(n.name, n.op === '=' ? b : apply(n.op.slice(0, -1), read(n.name), b, expr))
      }
      case 'cond': return ev(n.c) !== 0 ? ev(n.a) : ev(n.b)
      case 'bin':
        if (n.op === '&&') return Number(ev(n.a) !== 0 && ev(n.b) !== 0)
        if (n.op === '||') return Number(ev(n.a) !== 0 || ev(n.b) !== 0)
        return apply(n.op, ev(n.a), ev(n.b), expr)
    }
  }
  return ev(tree)
}

function apply(op: string, a: number, b: number, expr: string): number {
  switch (op) {
    case '+': return a + b
    case '-': return a - b
    case '*': return a * b
    case '/':
    case '%':
      if (b === 0) throw new ArithError(`${expr.trim()}: division by 0 (error token is "${String(b)}")`)
      return op === '/' ? Math.trunc(a / b) : a % b
    case '**': return a ** b
    case '<<': return a << b
    case '>>': return a >> b
    case '&': return a & b
    case '|': return a | b
    case '^': return a ^ b
    case '==': return Number(a === b)
    case '!=': return Number(a !== b)
    case '<': return Number(a < b)
    case '>': return Number(a > b)
    case '<=': return Number(a <= b)
    case '>=': return Number(a >= b)
    case ',': return b
  }
  throw new ArithError(`${expr}: syntax error`)
}

function parseNumber(tok: string, expr: string): number {
  if (/^0[xX]/.test(tok)) return parseInt(tok.slice(2), 16)
  const based = /^(\d+)#(.+)$/.exec(tok)
  if (based) return parseInt(based[2], Number(based[1]))
  if (tok.length > 1 && tok.startsWith('0')) {
    if (/[89]/.test(tok)) throw new ArithError(`${expr.trim()}: value too great for base (error token is "${tok}")`)
    return parseInt(tok, 8)
  }
  return Number(tok)
}
