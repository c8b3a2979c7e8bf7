// head and tail: -n N / -N / -c N, tail -n +N, several files with ==> name <== headers.
import { last, parseOptions, readInputs, usageError, withOptions } from './options.ts'
import type { Builtin } from './types.ts'

/** Lines with their terminators, so output keeps a missing final newline missing. */
function segments(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? []
}

function make(tool: 'head' | 'tail'): Builtin {
  return (args, ctx) => withOptions(ctx, tool, 1, () => {
    const o = parseOptions(args, {
      flags: 'qvfFz',
      valued: 'nc',
      long: { lines: 'n', bytes: 'c', quiet: 'q', silent: 'q', verbose: 'v', follow: 'f' },
      digitsAs: 'n',
    })
    const bytes = last(o, 'c')
    const spec = bytes ?? last(o, 'n') ?? '10'
    const m = /^([+-]?)(\d+)$/.exec(spec)
    if (!m) return usageError(ctx, tool, `invalid number of ${bytes !== undefined ? 'bytes' : 'lines'}: ‘${spec}’`)
    const { inputs, failed } = readInputs(ctx, tool, o.operands)
    const headers = (inputs.length > 1 && !o.flags.has('q')) || o.flags.has('v')
    inputs.forEach((input, k) => {
      if (headers) ctx.out(`${k > 0 ? '\n' : ''}==> ${input.name === '-' ? 'standard input' : input.name} <==\n`)
      ctx.out(pick(tool, bytes !== undefined ? [...input.text] : segments(input.text), m[1], Number(m[2])).join(''))
    })
    return failed ? 1 : 0
  })
}

function pick(tool: 'head' | 'tail', items: string[], sign: string, n: number): string[] {
  if (tool === 'head') return sign === '-' ? items.slice(0, Math.max(0, items.length - n)) : items.slice(0, n)
  if (sign === '+') return items.slice(Math.max(0, n - 1))
  return n === 0 ? [] : items.slice(-n)
}

export const head = make('head')
export const tail = make('tail')
