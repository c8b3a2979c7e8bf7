// tr: translate, -d delete, -s squeeze, -c complement; ranges, escapes and [:class:] names.
import { parseOptions, usageError, withOptions } from './options.ts'
import type { Builtin } from './types.ts'

const CLASS: Record<string, string> = {
  lower: range('a', 'z'), upper: range('A', 'Z'), digit: range('0', '9'),
  alpha: range('A', 'Z') + range('a', 'z'), alnum: range('0', '9') + range('A', 'Z') + range('a', 'z'),
  space: ' \t\n\r\f\v', blank: ' \t', punct: '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~', xdigit: '0123456789ABCDEFabcdef',
}
const ESC: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', f: '\f', v: '\v', a: '\x07', b: '\b' }

export const tr: Builtin = (args, ctx) => withOptions(ctx, 'tr', 1, () => {
  const o = parseOptions(args, { flags: 'cdsCt', long: { delete: 'd', 'squeeze-repeats': 's', complement: 'c' } })
  const del = o.flags.has('d')
  const squeeze = o.flags.has('s')
  const complement = o.flags.has('c') || o.flags.has('C')
  const [s1, s2] = o.operands.map(expand)
  if (s1 === undefined) return usageError(ctx, 'tr', 'missing operand')
  if (!del && !squeeze && s2 === undefined) return usageError(ctx, 'tr', `missing operand after ‘${o.operands[0]}’`, 1, 'Two strings must be given when translating.')
  const in1 = (c: string) => s1.includes(c) !== complement
  const input = ctx.stdin?.readAll() ?? ''
  let out = ''
  let prev = ''
  const squeezeSet = del ? s2 ?? '' : s2 ?? s1
  for (const c of input) {
    let d: string | null = c
    if (del && in1(c)) d = null
    else if (!del && s2 !== undefined && in1(c)) {
      d = complement ? s2[s2.length - 1] : s2[Math.min(s1.indexOf(c), s2.length - 1)] ?? c
    }
    if (d === null) continue
    if (squeeze && d === prev && (squeezeSet.includes(d) !== (complement && s2 === undefined))) continue
    out += d
    prev = d
  }
  ctx.out(out)
  return 0
})

function expand(spec: string): string {
  let out = ''
  for (let i = 0; i < spec.length; i++) {
    const cls = /^\[:([a-z]+):\]/.exec(spec.slice(i))
    if (cls && CLASS[cls[1]]) {
      out += CLASS[cls[1]]
      i += cls[0].length - 1
      continue
    }
    let c = spec[i]
    if (c === '\\' && i + 1 < spec.length) {
      const oct = /^[0-7]{1,3}/.exec(spec.slice(i + 1))
      if (oct) { c = String.fromCharCode(parseInt(oct[0], 8)); i += oct[0].length } else c = ESC[spec[++i]] ?? spec[i]
    }
    if (spec[i + 1] === '-' && i + 2 < spec.length) {
      out += range(c, spec[i + 2])
      i += 2
    } else out += c
  }
  return out
}

function range(a: string, b: string): string {
  let s = ''
  for (let c = a.charCodeAt(0); c <= b.charCodeAt(0); c++) s += String.fromCharCode(c)
  return s
}
