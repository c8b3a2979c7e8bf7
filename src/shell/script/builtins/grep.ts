// GNU grep over piped text or shell-visible files: -v -i -c -E -F -o -w -x -q -n -h -H -m -A -B -C -e.
import { escapeRegex } from '../pattern.ts'
import { splitLines } from '../io.ts'
import { last, parseOptions, readInputs, withOptions } from './options.ts'
import { compile, posixToJs } from './regex.ts'
import type { Builtin } from './types.ts'

const USAGE = 'Usage: grep [OPTION]... PATTERNS [FILE]...'

export const grep: Builtin = (args, ctx) => withOptions(ctx, 'grep', 2, () => {
  const o = parseOptions(args, {
    flags: 'vicEFGowxqnhHslrRPzTU',
    valued: 'emABCf',
    long: {
      'invert-match': 'v', 'ignore-case': 'i', count: 'c', 'extended-regexp': 'E', 'fixed-strings': 'F', 'only-matching': 'o',
      'word-regexp': 'w', 'line-regexp': 'x', quiet: 'q', silent: 'q', 'line-number': 'n', regexp: 'e', 'max-count': 'm',
      'after-context': 'A', 'before-context': 'B', context: 'C', 'no-filename': 'h', 'with-filename': 'H', color: 'U', colour: 'U',
    },
    digitsAs: 'C',
  }, )
  const has = (f: string) => o.flags.has(f)
  const operands = [...o.operands]
  let patterns = o.values.get('e')
  if (!patterns) {
    const p = operands.shift()
    if (p === undefined) {
      ctx.err(`${USAGE}\nTry 'grep --help' for more information.\n`)
      return 2
    }
    patterns = [p]
  }
  const sources = patterns.flatMap((p) => p.split('\n')).map((p) => {
    let s = has('F') ? escapeRegex(p) : posixToJs(p, has('E') || has('P'))
    if (has('x')) s = `^(?:${s})$`
    else if (has('w')) s = `(?<![A-Za-z0-9_])(?:${s})(?![A-Za-z0-9_])`
    return s
  })
  const re = compile(sources.join('|'), has('i') ? 'gi' : 'g')
  if (typeof re === 'string') {
    ctx.err(`grep: ${re}\n`)
    return 2
  }
  const max = last(o, 'm') === undefined ? Infinity : Number(last(o, 'm'))
  const after = Number(last(o, 'A') ?? last(o, 'C') ?? 0)
  const before = Number(last(o, 'B') ?? last(o, 'C') ?? 0)
  const { inputs, failed } = readInputs(ctx, 'grep', operands)
  const prefixNames = has('H') || (inputs.length + (failed ? 1 : 0) > 1 && !has('h'))
  let matchedAny = false
  let lastPrinted = -1
  let printedGroup = false
  for (const input of inputs) {
    const name = input.name === '-' ? '(standard input)' : input.name
    const lines = splitLines(input.text)
    let count = 0
    let afterLeft = 0
    lastPrinted = -1
    const emit = (k: number, sep: string) => {
      if (lastPrinted >= 0 && k > lastPrinted + 1 && (after || before)) ctx.out('--\n')
      else if (lastPrinted < 0 && printedGroup && (after || before)) ctx.out('--\n')
      ctx.out(`${prefixNames ? name + sep : ''}${has('n') ? `${k + 1}${sep}` : ''}${lines[k]}\n`)
      lastPrinted = k
      printedGroup = true
    }
    for (let k = 0; k < lines.length; k++) {
      if (count >= max) break
      re.lastIndex = 0
      const hit = re.test(lines[k]) !== has('v')
      if (!hit) {
        if (afterLeft > 0 && !has('c') && !has('q') && !has('o')) {
          emit(k, '-')
          afterLeft--
        }
        continue
      }
      count++
      matchedAny = true
      if (has('q')) return 0
      if (has('c') || has('l')) continue
      if (has('o')) {
        if (has('v')) continue
        re.lastIndex = 0
        for (const m of lines[k].matchAll(re)) {
          if (m[0] !== '') ctx.out(`${prefixNames ? name + ':' : ''}${has('n') ? `${k + 1}:` : ''}${m[0]}\n`)
        }
        continue
      }
      for (let b = Math.max(lastPrinted + 1, k - before); b < k; b++) emit(b, '-')
      emit(k, ':')
      afterLeft = after
    }
    if (has('l') && count > 0) ctx.out(`${name}\n`)
    else if (has('c')) ctx.out(`${prefixNames ? name + ':' : ''}${count}\n`)
  }
  if (failed && !(has('q') && matchedAny)) return 2
  return matchedAny ? 0 : 1
}, USAGE)
