// cat of standard input or of files the shell holds; any other path belongs to the simulated world (runner).
import { splitLines } from '../io.ts'
import type { Builtin } from './types.ts'

export const cat: Builtin = (args, ctx) => {
  const number = args.includes('-n')
  const files = args.filter((a) => a === '-' || !a.startsWith('-'))
  if (files.some((f) => f !== '-' && ctx.readFile(f) === undefined)) return ctx.external()
  const parts = files.length === 0 ? [ctx.stdin?.readAll() ?? ''] : files.map((f) => (f === '-' ? ctx.stdin?.readAll() ?? '' : ctx.readFile(f)!))
  let text = parts.join('')
  if (number) {
    const lines = splitLines(text)
    const open = text !== '' && !text.endsWith('\n')
    text = lines.map((l, k) => `${String(k + 1).padStart(6)}\t${l}${k < lines.length - 1 || !open ? '\n' : ''}`).join('')
  }
  ctx.out(text)
  return 0
}
