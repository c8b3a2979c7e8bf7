// bash's printf builtin: %s %d %i %u %x %o %c %f %e %g %b %q %%, flags/width/precision, format reuse, -v.
import { decodeEscapes } from '../escapes.ts'
import type { Builtin } from './types.ts'

const SPEC = /%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?([diouxXcsbqfFeEgG%])/y

export const printf: Builtin = (args, ctx) => {
  let target: string | undefined
  if (args[0] === '-v') {
    target = args[1]
    args = args.slice(2)
  }
  if (args[0] === '--') args = args.slice(1)
  if (args.length === 0) {
    ctx.err('printf: usage: printf [-v var] format [arguments]\n')
    return 2
  }
  const format = args[0]
  const values = args.slice(1)
  let next = 0
  let status = 0
  let out = ''
  const take = () => (next < values.length ? values[next++] : undefined)
  const number = (v: string | undefined): number => {
    if (v === undefined || v === '') return 0
    if (/^['"]/.test(v)) return v.length > 1 ? v.codePointAt(1)! : 0
    const m = /^\s*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|\d+(?:\.\d*)?(?:[eE][+-]?\d+)?)/.exec(v)
    const text = m?.[2] ?? ''
    let n = /^0[xX]/.test(text) ? parseInt(text, 16) : /^0[0-7]+$/.test(text) ? parseInt(text, 8) : Number(text)
    if (m?.[1] === '-') n = -n
    if (!m || m[0].length !== v.length) {
      ctx.err(`bash: printf: ${v}: invalid number\n`)
      status = 1
    }
    return Number.isFinite(n) ? n : 0
  }
  for (;;) {
    const used = next
    let i = 0
    while (i < format.length) {
      const c = format[i]
      if (c === '\\') {
        const m = /^\\(?:[0-7]{1,3}|x[0-9a-fA-F]{1,2}|u[0-9a-fA-F]{1,4}|.)/s.exec(format.slice(i))!
        const d = decodeEscapes(m[0], 'printf')
        if (d.stopped) return finish(ctx, target, out, status)
        out += d.text
        i += m[0].length
        continue
      }
      if (c !== '%') {
        out += c
        i++
        continue
      }
      SPEC.lastIndex = i
      const m = SPEC.exec(format)
      if (!m) {
        out += c
        i++
        continue
      }
      i = SPEC.lastIndex
      const [, flags, w, p, conv] = m
      if (conv === '%') {
        out += '%'
        continue
      }
      const width = w === '*' ? number(take()) : w ? Number(w) : 0
      const precision = p === '*' ? number(take()) : p !== undefined ? Number(p || 0) : undefined
      const arg = take()
      let body: string
      switch (conv) {
        case 'd':
        case 'i':
        case 'u': body = signed(Math.trunc(number(arg)), flags, precision); break
        case 'x':
        case 'X':
        case 'o': {
          const n = Math.trunc(number(arg))
          body = (n < 0 ? BigInt.asUintN(64, BigInt(n)) : BigInt(n)).toString(conv === 'o' ? 8 : 16)
          if (conv === 'X') body = body.toUpperCase()
          if (precision !== undefined) body = body.padStart(precision, '0')
          if (flags.includes('#') && n !== 0) body = (conv === 'o' ? '0' : conv === 'x' ? '0x' : '0X') + body
          break
        }
        case 'c': body = (arg ?? '').slice(0, 1); break
        case 'b': {
          const d = decodeEscapes(arg ?? '', 'echo')
          body = d.text
          if (d.stopped) {
            out += pad(body, width, flags)
            return finish(ctx, target, out, status)
          }
          break
        }
        case 'q': body = shellQuote(arg ?? ''); break
        case 's': body = precision !== undefined ? (arg ?? '').slice(0, precision) : (arg ?? ''); break
        default: body = float(number(arg), conv, flags, precision)
      }
      out += pad(body, width, flags, 'diouxXfFeEgG'.includes(conv))
    }
    // The format is reused while arguments remain, as long as it consumes any.
    if (next >= values.length || next === used) break
  }
  return finish(ctx, target, out, status)
}

function finish(ctx: Parameters<Builtin>[1], target: string | undefined, out: string, status: number): number {
  if (target !== undefined) ctx.state.vars[target] = out
  else ctx.out(out)
  return status
}

export function signed(n: number, flags: string, precision?: number): string {
  let digits = String(Math.abs(n))
  if (precision !== undefined) digits = digits.padStart(precision, '0')
  return (n < 0 ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '') + digits
}

export function float(n: number, conv: string, flags: string, precision = 6): string {
  let body: string
  const lower = conv.toLowerCase()
  if (lower === 'f') body = Math.abs(n).toFixed(precision)
  else if (lower === 'e') body = Math.abs(n).toExponential(precision).replace(/e([+-])(\d)$/, 'e$10$2')
  else {
    const p = precision === 0 ? 1 : precision
    const exp = n === 0 ? 0 : Math.floor(Math.log10(Math.abs(n)))
    body = exp < -4 || exp >= p
      ? Math.abs(n).toExponential(p - 1).replace(/\.?0+e/, 'e').replace(/e([+-])(\d)$/, 'e$10$2')
      : String(Number(Math.abs(n).toPrecision(p)))
  }
  if (conv === conv.toUpperCase()) body = body.toUpperCase()
  return (n < 0 ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '') + body
}

export function pad(body: string, width: number, flags: string, numeric = false): string {
  if (body.length >= width) return body
  if (flags.includes('-')) return body.padEnd(width)
  if (numeric && flags.includes('0')) {
    const sign = /^[+\- ]/.test(body) ? body[0] : ''
    return sign + body.slice(sign.length).padStart(width - sign.length, '0')
  }
  return body.padStart(width)
}

function shellQuote(s: string): string {
  if (s === '') return "''"
  return s.replace(/[^A-Za-z0-9_./:=@%+,-]/g, '\\$&')
}
