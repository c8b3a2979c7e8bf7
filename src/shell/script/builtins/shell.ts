// Builtins that belong to bash itself: echo, variables, aliases, control flow, read.
import { decodeEscapes } from '../escapes.ts'
import { BreakSignal, ContinueSignal, ExitSignal } from '../signals.ts'
import { setExported } from '../state.ts'
import type { Builtin } from './types.ts'

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

export const echo: Builtin = (args, ctx) => {
  let newline = true
  let escapes = false
  let i = 0
  // bash's echo takes options only while every letter is one of n, e, E.
  for (; i < args.length && /^-[neE]+$/.test(args[i]); i++) {
    for (const f of args[i].slice(1)) {
      if (f === 'n') newline = false
      else escapes = f === 'e'
    }
  }
  let text = args.slice(i).join(' ')
  if (escapes) {
    const d = decodeEscapes(text, 'echo')
    if (d.stopped) {
      ctx.out(d.text)
      return 0
    }
    text = d.text
  }
  ctx.out(newline ? text + '\n' : text)
  return 0
}

export const trueCmd: Builtin = () => 0
export const falseCmd: Builtin = () => 1

export const pwd: Builtin = (_args, ctx) => {
  ctx.out('/root\n')
  return 0
}

/** The learner's shell has one working directory that matters (/root); cd succeeds without moving. */
export const cd: Builtin = () => 0

/** set -e/-x/-o pipefail are accepted silently; bare `set` lists variables like bash. */
export const set: Builtin = (args, ctx) => {
  if (args.length === 0) {
    for (const k of Object.keys(ctx.state.vars).sort()) ctx.out(`${k}=${quote(ctx.state.vars[k])}\n`)
  }
  return 0
}

export const exportCmd: Builtin = (args, ctx) => {
  let unexport = false
  const names = args.filter((a) => {
    if (a === '-n') unexport = true
    return !/^-[fnp]+$/.test(a)
  })
  if (names.length === 0) {
    const state = ctx.state
    for (const k of [...(state.exported ?? [])].sort()) {
      const v = state.vars[k]
      ctx.out(v === undefined ? `declare -x ${k}\n` : `declare -x ${k}="${v.replace(/(["\\$`])/g, '\\$1')}"\n`)
    }
    return 0
  }
  let status = 0
  for (const a of names) {
    const eq = a.indexOf('=')
    const name = eq < 0 ? a : a.slice(0, eq).replace(/\+$/, '')
    if (!NAME.test(name)) {
      ctx.err(`bash: export: \`${a}': not a valid identifier\n`)
      status = 1
      continue
    }
    if (eq >= 0) {
      const value = a.slice(eq + 1)
      ctx.state.vars[name] = a[eq - 1] === '+' ? (ctx.state.vars[name] ?? '') + value : value
    }
    setExported(ctx.state, name, !unexport)
  }
  return status
}

export const unset: Builtin = (args, ctx) => {
  for (const name of args) {
    if (name.startsWith('-')) continue
    delete ctx.state.vars[name]
    setExported(ctx.state, name, false)
  }
  return 0
}

export const alias: Builtin = (args, ctx) => {
  const aliases = ctx.state.aliases
  const list = args.filter((a) => a !== '-p')
  if (list.length === 0) {
    for (const k of Object.keys(aliases).sort()) ctx.out(`alias ${k}=${singleQuote(aliases[k])}\n`)
    return 0
  }
  let status = 0
  for (const a of list) {
    const eq = a.indexOf('=')
    if (eq > 0) aliases[a.slice(0, eq)] = a.slice(eq + 1)
    else if (a in aliases) ctx.out(`alias ${a}=${singleQuote(aliases[a])}\n`)
    else {
      ctx.err(`bash: alias: ${a}: not found\n`)
      status = 1
    }
  }
  return status
}

export const unalias: Builtin = (args, ctx) => {
  if (args.length === 0) {
    ctx.err('unalias: usage: unalias [-a] name [name ...]\n')
    return 2
  }
  let status = 0
  for (const a of args) {
    if (a === '-a') for (const k of Object.keys(ctx.state.aliases)) delete ctx.state.aliases[k]
    else if (a in ctx.state.aliases) delete ctx.state.aliases[a]
    else {
      ctx.err(`bash: unalias: ${a}: not found\n`)
      status = 1
    }
  }
  return status
}

export const exit: Builtin = (args, ctx) => {
  if (args.length === 0) throw new ExitSignal(ctx.state.lastExit)
  if (!/^[+-]?\d+$/.test(args[0])) {
    ctx.err(`bash: exit: ${args[0]}: numeric argument required\n`)
    throw new ExitSignal(2)
  }
  if (args.length > 1) {
    ctx.err('bash: exit: too many arguments\n')
    return 1
  }
  throw new ExitSignal(((Number(args[0]) % 256) + 256) % 256)
}

function loopControl(name: 'break' | 'continue'): Builtin {
  return (args, ctx) => {
    if (ctx.loopDepth === 0) {
      ctx.err(`bash: ${name}: only meaningful in a \`for', \`while', or \`until' loop\n`)
      return 0
    }
    const n = args.length ? Number(args[0]) : 1
    if (!Number.isInteger(n) || n < 1) {
      ctx.err(`bash: ${name}: ${args[0]}: loop count out of range\n`)
      return 1
    }
    const levels = Math.min(n, ctx.loopDepth)
    throw name === 'break' ? new BreakSignal(levels) : new ContinueSignal(levels)
  }
}

export const breakCmd = loopControl('break')
export const continueCmd = loopControl('continue')

/** `read [-r] [NAME...]`: one line of standard input split over the names, the last taking the rest. */
export const read: Builtin = (args, ctx) => {
  let raw = false
  const names: string[] = []
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (/^-[rs]+$/.test(a)) raw ||= a.includes('r')
    else if (a === '-p' || a === '-t' || a === '-d' || a === '-n' || a === '-u') i++
    else names.push(a)
  }
  const got = ctx.stdin?.readLine() ?? null
  let line = got?.line ?? ''
  let complete = got?.complete ?? false
  if (!raw) {
    // A trailing backslash joins the next line; other backslashes just quote the next character.
    while (line.endsWith('\\') && complete) {
      const more = ctx.stdin?.readLine()
      line = line.slice(0, -1) + (more?.line ?? '')
      complete = more?.complete ?? false
    }
    line = line.replace(/\\(.)/g, '$1')
  }
  if (names.length === 0) ctx.state.vars.REPLY = line
  else {
    let rest = line.replace(/^[ \t]+/, '')
    names.forEach((name, k) => {
      if (k === names.length - 1) {
        ctx.state.vars[name] = rest.replace(/[ \t]+$/, '')
        return
      }
      const m = /^([^ \t]*)[ \t]*/.exec(rest)!
      ctx.state.vars[name] = m[1]
      rest = rest.slice(m[0].length)
    })
  }
  return got && complete ? 0 : 1
}

/** bash's single-quoting for `alias` and `set` listings. */
function quote(v: string): string {
  if (/^[A-Za-z0-9_./:=@%+,-]+$/.test(v)) return v
  return `'${v.replace(/'/g, `'\\''`)}'`
}

function singleQuote(v: string): string {
  return `'${v.replace(/'/g, `'\\''`)}'`
}
