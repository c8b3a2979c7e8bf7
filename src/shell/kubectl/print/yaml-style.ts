// How sigs.k8s.io/yaml (go-yaml v2 over libyaml) chooses a scalar's style and orders map keys.
// Source: gopkg.in/yaml.v2 resolve.go (resolve, parseTimestamp), encode.go (stringv), sorter.go (keyList.Less),
// and libyaml's emitter (yaml_emitter_analyze_scalar / select_scalar_style).

export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal'

const RESOLVE_MAP = new Set([
  'y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON',
  'n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF',
  '', '~', 'null', 'Null', 'NULL', '.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF',
  '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF', '<<',
])

const TIMESTAMP = [
  /^\d{4}-\d{1,2}-\d{1,2}$/,
  /^\d{4}-\d{1,2}-\d{1,2}[Tt]\d{1,2}:\d{1,2}:\d{1,2}(\.\d{1,9})?(Z|[-+]\d{2}:\d{2})$/,
  /^\d{4}-\d{1,2}-\d{1,2} \d{1,2}:\d{1,2}:\d{1,2}(\.\d{1,9})?$/,
]
const GO_NUMBER = [
  /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/,
  /^[-+]?0[xX][0-9a-fA-F]+$/,
  /^[-+]?0[oO][0-7]+$/,
  /^[-+]?0[bB][01]+$/,
  /^[-+](inf|infinity|nan)$/i,
]
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/

/** Whether go-yaml would read this plain text back as something other than a string. */
function resolvesToNonString(s: string): boolean {
  if (RESOLVE_MAP.has(s)) return true
  const c = s[0]
  if (c === '.' || c === '+' || c === '-' || (c >= '0' && c <= '9')) {
    if (c >= '0' && c <= '9' && TIMESTAMP.some((r) => r.test(s))) return true
    const plain = s.replace(/_/g, '')
    if (GO_NUMBER.some((r) => r.test(plain))) return true
  }
  return BASE60_FLOAT.test(s)
}

/** libyaml's IS_PRINTABLE (tab is not printable: such strings are double-quoted). */
function isPrintable(ch: string): boolean {
  const c = ch.codePointAt(0)!
  return c === 0x0a || (c >= 0x20 && c <= 0x7e) || c === 0x85 || (c >= 0xa0 && c <= 0xd7ff) ||
    (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff) || c >= 0x10000
}

const isBlank = (ch: string | undefined) => ch === undefined || ch === ' ' || ch === '\t' || ch === '\n'

interface Analysis { blockPlain: boolean; single: boolean; block: boolean; special: boolean }

function analyze(s: string): Analysis {
  const chars = [...s]
  let blockIndicators = s.startsWith('---') || s.startsWith('...')
  let special = false
  let spaceBreak = false
  let breakSpace = false
  chars.forEach((ch, i) => {
    const next = chars[i + 1]
    const followedByBlank = isBlank(next)
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch)) blockIndicators = true
      if ((ch === '?' || ch === ':') && followedByBlank) blockIndicators = true
      if (ch === '-' && followedByBlank) blockIndicators = true
    } else {
      if (ch === ':' && followedByBlank) blockIndicators = true
      if (ch === '#' && isBlank(chars[i - 1])) blockIndicators = true
    }
    if (!isPrintable(ch)) special = true
    if (ch === ' ' && next === '\n') spaceBreak = true
    if (ch === '\n' && next === ' ') breakSpace = true
  })
  const leading = s.startsWith(' ') || s.startsWith('\n')
  const trailing = s.endsWith(' ') || s.endsWith('\n')
  const lineBreaks = s.includes('\n')
  const blockPlain = !blockIndicators && !leading && !trailing && !lineBreaks && !special && !spaceBreak && !breakSpace
  const single = !special && !spaceBreak && !breakSpace
  const block = !special && !spaceBreak && !s.endsWith(' ')
  return { blockPlain, single, block, special }
}

/** The style go-yaml v2 emits a string value (or key) in, in block context. */
export function scalarStyle(s: string): ScalarStyle {
  const a = analyze(s)
  if (s.includes('\n')) return a.block ? 'literal' : 'double'
  if (s === '' || resolvesToNonString(s)) return 'double'
  if (a.blockPlain) return 'plain'
  return a.single ? 'single' : 'double'
}

const isLetter = (ch: string) => /\p{L}/u.test(ch)
const isDigit = (ch: string) => ch >= '0' && ch <= '9'

/** yaml.v2 keyList.Less: letters after other characters, digit runs compared as numbers. */
export function compareKeys(a: string, b: string): number {
  const ar = [...a]
  const br = [...b]
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue
    const al = isLetter(ar[i])
    const bl = isLetter(br[i])
    if (al && bl) return ar[i] < br[i] ? -1 : 1
    if (al || bl) return bl ? -1 : 1
    let an = 0
    let bn = 0
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== '0') { an = 1; bn = 1; break }
      }
    }
    let ai = i
    let bi = i
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = an * 10 + Number(ar[ai])
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = bn * 10 + Number(br[bi])
    if (an !== bn) return an < bn ? -1 : 1
    if (ai !== bi) return ai < bi ? -1 : 1
    return ar[i] < br[i] ? -1 : 1
  }
  return ar.length - br.length
}
