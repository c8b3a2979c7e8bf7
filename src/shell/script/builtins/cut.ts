// cut: -f LIST with -d (default TAB) and -s, -c/-b LIST, --output-delimiter; fields keep input order.
import { splitLines } from '../io.ts'
import { last, parseOptions, readInputs, usageError, withOptions } from './options.ts'
import type { Builtin } from './types.ts'

export const cut: Builtin = (args, ctx) => withOptions(ctx, 'cut', 1, () => {
  const o = parseOptions(args, {
    flags: 'sn',
    valued: 'fcbdO',
    long: { fields: 'f', characters: 'c', bytes: 'b', delimiter: 'd', 'only-delimited': 's', 'output-delimiter': 'O' },
  })
  const fields = last(o, 'f')
  const chars = last(o, 'c') ?? last(o, 'b')
  const list = fields ?? chars
  if (list === undefined) return usageError(ctx, 'cut', 'you must specify a list of bytes, characters, or fields')
  const delim = last(o, 'd') ?? '\t'
  if (delim.length !== 1) return usageError(ctx, 'cut', 'the delimiter must be a single character')
  const ranges = parseList(list)
  if (typeof ranges === 'string') return usageError(ctx, 'cut', ranges)
  const selected = (n: number) => ranges.some(([a, b]) => n >= a && n <= b)
  const { inputs, failed } = readInputs(ctx, 'cut', o.operands)
  let out = ''
  for (const line of inputs.flatMap((i) => splitLines(i.text))) {
    if (fields === undefined) {
      out += [...line].filter((_, k) => selected(k + 1)).join(last(o, 'O') ?? '') + '\n'
      continue
    }
    if (!line.includes(delim)) {
      if (!o.flags.has('s')) out += line + '\n'
      continue
    }
    out += line.split(delim).filter((_, k) => selected(k + 1)).join(last(o, 'O') ?? delim) + '\n'
  }
  ctx.out(out)
  return failed ? 1 : 0
})

function parseList(list: string): [number, number][] | string {
  const out: [number, number][] = []
  for (const item of list.split(',')) {
    const m = /^(\d*)(-?)(\d*)$/.exec(item)
    if (!m || item === '' || item === '-') return `invalid field range`
    const a = m[1] ? Number(m[1]) : 1
    const b = m[2] ? (m[3] ? Number(m[3]) : Infinity) : a
    if (a === 0) return 'fields and positions are numbered from 1'
    out.push([a, b])
  }
  return out
}
