// uniq: collapses adjacent equal lines; -c prints GNU's `%7d ` count prefix, -d/-u filter, -i folds case.
import { splitLines } from '../io.ts'
import { parseOptions, readInputs, withOptions } from './options.ts'
import type { Builtin } from './types.ts'

export const uniq: Builtin = (args, ctx) => withOptions(ctx, 'uniq', 1, () => {
  const o = parseOptions(args, { flags: 'cdui', long: { count: 'c', repeated: 'd', unique: 'u', 'ignore-case': 'i' } })
  const { inputs, failed } = readInputs(ctx, 'uniq', o.operands.slice(0, 1))
  if (failed) return 1
  const lines = splitLines(inputs[0]?.text ?? '')
  const key = (l: string) => (o.flags.has('i') ? l.toLowerCase() : l)
  let out = ''
  for (let i = 0; i < lines.length; ) {
    let j = i + 1
    while (j < lines.length && key(lines[j]) === key(lines[i])) j++
    const n = j - i
    if (!(o.flags.has('d') && n < 2) && !(o.flags.has('u') && n > 1)) {
      out += o.flags.has('c') ? `${String(n).padStart(7)} ${lines[i]}\n` : `${lines[i]}\n`
    }
    i = j
  }
  ctx.out(out)
  return 0
})
