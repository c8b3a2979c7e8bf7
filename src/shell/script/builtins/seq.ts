// GNU seq: FIRST [INCREMENT] LAST, with -s SEPARATOR and -w (equal width).
import type { Builtin } from './types.ts'

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i

/** A simulated shell has to stop somewhere; a million lines is beyond any demo. */
const MAX_LINES = 1_000_000

export const seq: Builtin = (args, ctx) => {
  let sep = '\n'
  let equalWidth = false
  const nums: string[] = []
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (NUMBER.test(a) || nums.length > 0) nums.push(a)
    else if (a === '-w' || a === '--equal-width') equalWidth = true
    else if (a === '-s') sep = args[++i] ?? ''
    else if (a.startsWith('-s')) sep = a.slice(2)
    else if (a.startsWith('--separator=')) sep = a.slice(12)
    else if (a.startsWith('-')) return fail(ctx, `invalid option -- '${a[1]}'`)
    else nums.push(a)
  }
  if (nums.length === 0) return fail(ctx, 'missing operand')
  if (nums.length > 3) return fail(ctx, `extra operand ‘${nums[3]}’`)
  const bad = nums.find((n) => !NUMBER.test(n))
  if (bad !== undefined) return fail(ctx, `invalid floating point argument: ‘${bad}’`)
  const [first, step, lastText] = nums.length === 1 ? ['1', '1', nums[0]] : nums.length === 2 ? [nums[0], '1', nums[1]] : nums
  const decimals = Math.max(fraction(first), fraction(step))
  const a = Number(first)
  const inc = Number(step)
  const end = Number(lastText)
  if (inc === 0) return fail(ctx, `invalid Zero increment value: ‘${step}’`)
  const values: string[] = []
  // Integer stepping avoids 0.1-style drift when decimals are involved.
  const scale = 10 ** decimals
  for (let k = 0; ; k++) {
    const v = Math.round(a * scale + k * inc * scale) / scale
    if (inc > 0 ? v > end + 1e-12 : v < end - 1e-12) break
    // A step too small to move a huge float ends the sequence, as GNU seq's long double stepping would here.
    if (k > 0 && v === Math.round(a * scale + (k - 1) * inc * scale) / scale) break
    // The cap is checked before the number is added: exactly MAX_LINES numbers print, not one more.
    if (values.length === MAX_LINES) {
      ctx.err(`seq: kubehop stops after ${MAX_LINES} numbers\n`)
      ctx.out(values.join(sep) + '\n')
      return 1
    }
    values.push(Math.abs(v) >= 1e21 ? String(v) : v.toFixed(decimals))
  }
  if (equalWidth) {
    const width = Math.max(...values.map((v) => v.length))
    for (let k = 0; k < values.length; k++) {
      const neg = values[k].startsWith('-')
      values[k] = (neg ? '-' : '') + values[k].slice(neg ? 1 : 0).padStart(width - (neg ? 1 : 0), '0')
    }
  }
  if (values.length) ctx.out(values.join(sep) + '\n')
  return 0
}

function fraction(n: string): number {
  const m = /\.(\d*)/.exec(n)
  return m && !/e/i.test(n) ? m[1].length : 0
}

function fail(ctx: Parameters<Builtin>[1], message: string): number {
  ctx.err(`seq: ${message}\nTry 'seq --help' for more information.\n`)
  return 1
}
