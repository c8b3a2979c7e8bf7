// wc: -l -w -c -m -L, with GNU's column widths (7 for standard input, else the width of the total bytes).
import { parseOptions, readInputs, withOptions } from './options.ts'
import type { Builtin } from './types.ts'

export const wc: Builtin = (args, ctx) => withOptions(ctx, 'wc', 1, () => {
  const o = parseOptions(args, {
    flags: 'lwcmL',
    long: { lines: 'l', words: 'w', bytes: 'c', chars: 'm', 'max-line-length': 'L' },
  })
  let wanted = ['l', 'w', 'm', 'c', 'L'].filter((f) => o.flags.has(f))
  if (wanted.length === 0) wanted = ['l', 'w', 'c']
  const { inputs, failed } = readInputs(ctx, 'wc', o.operands)
  const rows = inputs.map((input) => ({ name: input.name, counts: wanted.map((f) => count(input.text, f)) }))
  if (rows.length > 1) rows.push({ name: 'total', counts: wanted.map((_, k) => rows.reduce((s, r) => s + r.counts[k], 0)) })
  const stdinUsed = inputs.some((i) => i.name === '-')
  const totalBytes = inputs.reduce((s, i) => s + utf8Length(i.text), 0)
  const width = wanted.length === 1 && rows.length === 1 ? 1 : Math.max(stdinUsed ? 7 : 1, String(totalBytes).length)
  for (const row of rows) {
    const cols = row.counts.map((c) => String(c).padStart(width)).join(' ')
    ctx.out(row.name === '-' ? `${cols}\n` : `${cols} ${row.name}\n`)
  }
  return failed ? 1 : 0
})

function count(text: string, f: string): number {
  switch (f) {
    case 'l': return (text.match(/\n/g) ?? []).length
    case 'w': return text.split(/\s+/).filter(Boolean).length
    case 'm': return [...text].length
    case 'L': return Math.max(0, ...text.split('\n').map((l) => [...l].length))
    default: return utf8Length(text)
  }
}

function utf8Length(text: string): number {
  let n = 0
  for (const ch of text) {
    const cp = ch.codePointAt(0)!
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4
  }
  return n
}
