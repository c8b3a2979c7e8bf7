// xargs: builds commands from standard input (-n N, -I REPL, -L N, -d DELIM, -0, -r, -t) and runs them.
import { splitLines } from '../io.ts'
import { last, parseOptions, withOptions } from './options.ts'
import type { Builtin } from './types.ts'

export const xargs: Builtin = (args, ctx) => withOptions(ctx, 'xargs', 1, () => {
  // Options end at the first operand: what follows is the command and its own options.
  const firstOperand = args.findIndex((a, k) => !a.startsWith('-') && !/^-[nILdPsE]$/.test(args[k - 1] ?? ''))
  const optArgs = firstOperand < 0 ? args : args.slice(0, firstOperand)
  const o = parseOptions(optArgs, {
    flags: 'rt0p',
    valued: 'nILdPsE',
    long: { 'no-run-if-empty': 'r', verbose: 't', null: '0', 'max-args': 'n', replace: 'I', 'max-lines': 'L', delimiter: 'd', 'max-procs': 'P' },
  })
  const command = firstOperand < 0 ? ['echo'] : args.slice(firstOperand)
  const input = ctx.stdin?.readAll() ?? ''
  const runs: string[][] = []
  const replace = last(o, 'I')
  if (replace !== undefined) {
    for (const line of splitLines(input)) {
      const item = line.replace(/^[ \t]+/, '')
      if (item !== '') runs.push(command.map((a) => a.split(replace).join(item)))
    }
  } else {
    const delim = o.flags.has('0') ? '\0' : last(o, 'd')
    const items = delim !== undefined ? input.split(delim).filter((s, k, all) => !(k === all.length - 1 && (s === '' || s === '\n'))) : tokens(input)
    const lines = last(o, 'L')
    const maxArgs = last(o, 'n')
    const perRun = maxArgs !== undefined ? Math.max(1, Number(maxArgs) || 1) : Math.max(1, items.length)
    if (lines !== undefined) {
      const all = splitLines(input).map(tokens).filter((t) => t.length)
      for (let k = 0; k < all.length; k += Number(lines)) runs.push([...command, ...all.slice(k, k + Number(lines)).flat()])
    } else if (items.length === 0) {
      if (!o.flags.has('r')) runs.push(command)
    } else for (let k = 0; k < items.length; k += perRun) runs.push([...command, ...items.slice(k, k + perRun)])
  }
  let status = 0
  for (const argv of runs) {
    if (o.flags.has('t')) ctx.err(argv.join(' ') + '\n')
    const s = ctx.run(argv)
    if (s === 127 || s === 126) return s
    if (s === 255) {
      ctx.err(`xargs: ${argv[0]}: exited with status 255; aborting\n`)
      return 124
    }
    if (s !== 0) status = 123
  }
  return status
})

/** xargs' default input splitting: blanks and newlines separate, quotes and backslashes group. */
function tokens(input: string): string[] {
  const out: string[] = []
  let cur = ''
  let has = false
  for (let i = 0; i < input.length; i++) {
    const c = input[i]
    if (c === "'" || c === '"') {
      const close = input.indexOf(c, i + 1)
      const end = close < 0 ? input.length : close
      cur += input.slice(i + 1, end)
      has = true
      i = end
    } else if (c === '\\' && i + 1 < input.length) {
      cur += input[++i]
      has = true
    } else if (/\s/.test(c)) {
      if (has) out.push(cur)
      cur = ''
      has = false
    } else {
      cur += c
      has = true
    }
  }
  if (has) out.push(cur)
  return out
}
