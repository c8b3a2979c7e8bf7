// test / [ / [[: string, integer and file tests with bash's error messages and exit status 2 on misuse.
import { globToRegex } from '../pattern.ts'
import type { Builtin, BuiltinContext } from './types.ts'

class TestError extends Error {}

const UNARY = new Set(['-z', '-n', '-e', '-f', '-d', '-s', '-r', '-w', '-x', '-L', '-h', '-v'])
const BINARY = new Set(['=', '==', '!=', '<', '>', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '=~'])
const KNOWN_DIRS = new Set(['/', '/root', '/tmp', '/etc', '/usr', '/var', '/bin', '/home', '.', '..', '~'])

function makeTest(name: 'test' | '[' | '[['): Builtin {
  return (args, ctx) => {
    if (name !== 'test') {
      const close = name === '[' ? ']' : ']]'
      if (args[args.length - 1] !== close) {
        ctx.err(`bash: ${name}: missing \`${close}'\n`)
        return 2
      }
      args = args.slice(0, -1)
    }
    try {
      return evaluate(args, ctx, name === '[[') ? 0 : 1
    } catch (e) {
      if (e instanceof TestError) {
        ctx.err(`bash: ${name}: ${e.message}\n`)
        return 2
      }
      throw e
    }
  }
}

export const test = makeTest('test')
export const bracket = makeTest('[')
export const doubleBracket = makeTest('[[')

function evaluate(args: string[], ctx: BuiltinContext, extended: boolean): boolean {
  // POSIX decides by argument count first; that is what makes `[ -n ]` true.
  if (args.length === 0) return false
  if (args.length === 1) return args[0] !== ''
  if (args.length === 2) {
    if (args[0] === '!') return args[1] === ''
    if (UNARY.has(args[0])) return unary(args[0], args[1], ctx)
    throw new TestError(`${args[0]}: unary operator expected`)
  }
  if (args.length === 3 && BINARY.has(args[1])) return binary(args[0], args[1], args[2], extended)
  let i = 0
  const or = (): boolean => {
    let v = and()
    while (args[i] === '-o' || args[i] === '||') { i++; const r = and(); v = v || r }
    return v
  }
  const and = (): boolean => {
    let v = not()
    while (args[i] === '-a' || args[i] === '&&') { i++; const r = not(); v = v && r }
    return v
  }
  const not = (): boolean => {
    if (args[i] === '!') { i++; return !not() }
    return primary()
  }
  const primary = (): boolean => {
    const a = args[i]
    if (a === undefined) throw new TestError('argument expected')
    if (a === '(') {
      i++
      const v = or()
      if (args[i] !== ')') throw new TestError(`\`)' expected`)
      i++
      return v
    }
    if (UNARY.has(a) && args[i + 1] !== undefined && !BINARY.has(args[i + 1])) {
      i += 2
      return unary(a, args[i - 1], ctx)
    }
    if (BINARY.has(args[i + 1] ?? '') && args[i + 2] !== undefined) {
      i += 3
      return binary(a, args[i - 2], args[i - 1], extended)
    }
    i++
    return a !== ''
  }
  const v = or()
  if (i < args.length) throw new TestError(args.length > 4 ? 'too many arguments' : `${args[i]}: binary operator expected`)
  return v
}

function unary(op: string, arg: string, ctx: BuiltinContext): boolean {
  switch (op) {
    case '-z': return arg === ''
    case '-n': return arg !== ''
    case '-v': return arg in ctx.state.vars
    case '-d': return KNOWN_DIRS.has(arg.replace(/\/+$/, '') || '/')
    case '-s': return (ctx.readFile(arg) ?? '') !== ''
    default: return ctx.readFile(arg) !== undefined || (op === '-e' && KNOWN_DIRS.has(arg))
  }
}

function binary(a: string, op: string, b: string, extended: boolean): boolean {
  switch (op) {
    case '=':
    case '==': return extended ? new RegExp(`^(?:${globToRegex(b)})$`).test(a) : a === b
    case '!=': return extended ? !new RegExp(`^(?:${globToRegex(b)})$`).test(a) : a !== b
    case '<': return a < b
    case '>': return a > b
    case '=~': return new RegExp(b).test(a)
  }
  const x = integer(a)
  const y = integer(b)
  switch (op) {
    case '-eq': return x === y
    case '-ne': return x !== y
    case '-lt': return x < y
    case '-le': return x <= y
    case '-gt': return x > y
    default: return x >= y
  }
}

function integer(s: string): number {
  if (!/^\s*[+-]?\d+\s*$/.test(s)) throw new TestError(`${s}: integer expression expected`)
  return Number(s)
}
