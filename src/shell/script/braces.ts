// Brace expansion ({a,b} and {1..5}), done on unquoted text before any other expansion, as bash does.
import type { WordPart } from './ast.ts'

type Item = { ch: string } | { part: WordPart }

/** Expands the braces of one word into the list of words it stands for. */
/** A simulated shell has to stop somewhere: real bash would try to allocate it all (and usually be killed). */
const MAX_WORDS = 100_000

export class ExpansionTooLarge extends RangeError {
  constructor() {
    super(`brace expansion: more than ${MAX_WORDS} words`)
  }
}

export function braceExpand(parts: WordPart[]): WordPart[][] {
  if (!parts.some((p) => p.kind === 'lit' && !p.quoted && p.text.includes('{'))) return [parts]
  const items: Item[] = []
  for (const p of parts) {
    if (p.kind === 'lit' && !p.quoted) for (const ch of p.text) items.push({ ch })
    else items.push({ part: p })
  }
  return expand(items).map(toParts)
}

function expand(items: Item[]): Item[][] {
  for (let i = 0; i < items.length; i++) {
    if (!isCh(items[i], '{')) continue
    let depth = 0
    const commas: number[] = []
    let close = -1
    for (let j = i + 1; j < items.length && close < 0; j++) {
      if (isCh(items[j], '{')) depth++
      else if (isCh(items[j], '}')) {
        if (depth === 0) close = j
        else depth--
      } else if (isCh(items[j], ',') && depth === 0) commas.push(j)
    }
    if (close < 0) continue
    let alternatives: Item[][]
    if (commas.length > 0) {
      alternatives = []
      let from = i + 1
      for (const c of [...commas, close]) {
        for (const a of expand(items.slice(from, c))) alternatives.push(a)
        from = c + 1
      }
    } else {
      const inner = items.slice(i + 1, close)
      const seq = inner.every((it) => 'ch' in it) ? range(inner.map((it) => (it as { ch: string }).ch).join('')) : null
      if (!seq) continue
      alternatives = seq.map((s) => [...s].map((ch) => ({ ch })))
    }
    const prefix = items.slice(0, i)
    const suffixes = expand(items.slice(close + 1))
    if (alternatives.length * suffixes.length > MAX_WORDS) throw new ExpansionTooLarge()
    const out: Item[][] = []
    for (const alt of alternatives) for (const suffix of suffixes) out.push([...prefix, ...alt, ...suffix])
    return out
  }
  return [items]
}

/** `{1..5}`, `{05..10..2}`, `{a..e}`; null when the text is not a sequence expression. */
function range(text: string): string[] | null {
  const num = /^(-?\d+)\.\.(-?\d+)(?:\.\.(-?\d+))?$/.exec(text)
  const chr = /^([a-zA-Z])\.\.([a-zA-Z])(?:\.\.(-?\d+))?$/.exec(text)
  const m = num ?? chr
  if (!m) return null
  const step = Math.abs(Number(m[3] ?? 1)) || 1
  const from = num ? Number(m[1]) : m[1].charCodeAt(0)
  const to = num ? Number(m[2]) : m[2].charCodeAt(0)
  const width = num && (/^-?0\d/.test(m[1]) || /^-?0\d/.test(m[2])) ? Math.max(m[1].length, m[2].length) : 0
  if (Math.abs(to - from) / step > MAX_WORDS) throw new ExpansionTooLarge()
  const out: string[] = []
  const dir = from <= to ? 1 : -1
  for (let v = from; dir > 0 ? v <= to : v >= to; v += dir * step) {
    if (!num) out.push(String.fromCharCode(v))
    else out.push(v < 0 ? '-' + String(-v).padStart(width - 1, '0') : String(v).padStart(width, '0'))
  }
  return out
}

function isCh(item: Item, ch: string): boolean {
  return 'ch' in item && item.ch === ch
}

function toParts(items: Item[]): WordPart[] {
  const parts: WordPart[] = []
  for (const it of items) {
    const last = parts[parts.length - 1]
    if ('part' in it) parts.push(it.part)
    else if (last && last.kind === 'lit' && !last.quoted) parts[parts.length - 1] = { ...last, text: last.text + it.ch }
    else parts.push({ kind: 'lit', text: it.ch, quoted: false })
  }
  return parts
}
