// GNU sort in the C locale: -n -r -u -f -b -h -V -s, -t SEP, -k F1[.C][opts][,F2[opts]].
import { splitLines } from '../io.ts'
import { parseOptions, readInputs, usageError, withOptions } from './options.ts'
import type { Builtin } from './types.ts'

interface Key { start: number; end: number | null; numeric: boolean; reverse: boolean; fold: boolean; blanks: boolean }

export const sort: Builtin = (args, ctx) => withOptions(ctx, 'sort', 2, () => {
  const o = parseOptions(args, {
    flags: 'nrufbhVsgcM',
    valued: 'ktoS',
    long: {
      'numeric-sort': 'n', reverse: 'r', unique: 'u', 'ignore-case': 'f', 'ignore-leading-blanks': 'b',
      'human-numeric-sort': 'h', 'version-sort': 'V', stable: 's', 'general-numeric-sort': 'g', key: 'k', 'field-separator': 't',
    },
  })
  const g = (f: string) => o.flags.has(f)
  const sep = o.values.get('t')?.[0]
  if (sep !== undefined && sep.length !== 1) return usageError(ctx, 'sort', 'multi-character tab ‘' + sep + '’', 2)
  const global = { numeric: g('n') || g('h') || g('g') || g('V'), reverse: g('r'), fold: g('f'), blanks: g('b') }
  const keys: Key[] = []
  for (const spec of o.values.get('k') ?? []) {
    const m = /^(\d+)(?:\.\d+)?([a-zA-Z]*)(?:,(\d+)(?:\.\d+)?([a-zA-Z]*))?$/.exec(spec)
    if (!m || Number(m[1]) === 0) return usageError(ctx, 'sort', `invalid number at field start: invalid count at start of ‘${spec}’`, 2)
    const opts = (m[2] ?? '') + (m[4] ?? '')
    const own = opts.replace(/b/g, '') !== ''
    keys.push({
      start: Number(m[1]), end: m[3] ? Number(m[3]) : null,
      numeric: own ? /[nhgV]/.test(opts) : global.numeric,
      reverse: own ? opts.includes('r') : global.reverse,
      fold: own ? opts.includes('f') : global.fold,
      blanks: opts.includes('b') || global.blanks,
    })
  }
  const { inputs, failed } = readInputs(ctx, 'sort', o.operands)
  if (failed) return 2
  const lines = inputs.flatMap((i) => splitLines(i.text))
  const effective = keys.length ? keys : [{ start: 1, end: null, ...global, whole: true }]
  const compareKeys = (a: string, b: string): number => {
    for (const k of effective) {
      const whole = 'whole' in k
      let ka = whole ? a : field(a, k, sep)
      let kb = whole ? b : field(b, k, sep)
      if (k.blanks) { ka = ka.trimStart(); kb = kb.trimStart() }
      if (k.fold) { ka = ka.toUpperCase(); kb = kb.toUpperCase() }
      let c = k.numeric ? numberOf(ka) - numberOf(kb) : 0
      if (c === 0 && !k.numeric) c = cmp(ka, kb)
      if (c !== 0) return k.reverse ? -c : c
    }
    return 0
  }
  const sorted = lines
    .map((line, index) => ({ line, index }))
    .sort((x, y) => {
      const c = compareKeys(x.line, y.line)
      if (c !== 0 || g('s') || g('u')) return c || x.index - y.index
      // GNU's last resort: the whole line, bytewise, honouring -r.
      const r = cmp(x.line, y.line)
      return global.reverse ? -r : r
    })
    .map((e) => e.line)
  const out = g('u') ? sorted.filter((l, i) => i === 0 || compareKeys(sorted[i - 1], l) !== 0) : sorted
  ctx.out(out.map((l) => l + '\n').join(''))
  return 0
})

/** Key text from field `start` to `end`; without -t a field keeps the blanks that precede it, as in GNU sort. */
function field(line: string, k: Key, sep: string | undefined): string {
  const fields = sep !== undefined ? line.split(sep) : line.match(/[ \t]*[^ \t]+|[ \t]+$/g) ?? []
  const from = k.start - 1
  const to = k.end === null ? fields.length : k.end
  return fields.slice(from, to).join(sep ?? '')
}

function numberOf(s: string): number {
  const m = /^\s*([+-]?(?:\d+\.?\d*|\.\d+))([KMGTPE]?)/i.exec(s)
  if (!m) return 0
  const units = 'KMGTPE'.indexOf(m[2].toUpperCase()) + 1
  return Number(m[1]) * 1024 ** units
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
