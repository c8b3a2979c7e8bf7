// A fast path for the plain YAML most manifests are written in: block maps and sequences of simple keys, letter- or
// slash-led plain strings, true and false, small decimal integers, quoted strings without escapes, one-line flow collections. The yaml library
// builds a whole syntax tree per document (a 2,000-document apply spent a sixth of its time there); this reads the
// same documents straight into the plain value toPlain would give, with the root's range, and gives up (undefined)
// on anything else: comments after content, tabs, anchors, tags, block scalars, multi-line scalars, nulls, YAML 1.1
// booleans other than true/false, other numbers, duplicate keys. Whatever it gives up on, the yaml library parses as before, errors and all.
// fast-yaml.test.ts checks it against the yaml library's reading on generated manifests.
import { MAX_REQUEST_BYTES } from './to-plain.ts'

export interface FastDocument {
  value: Record<string, unknown> | unknown[]
  /** The root node's range in the text: its first character, and the end of its last line (newline included). */
  start: number
  end: number
}

/** Thrown (no stack: a plain object) to give up. */
const GIVE_UP = { giveUp: true }

/** Words YAML 1.1 reads as booleans or null (any case: a few more than the schema's, which only makes us give up). */
const SPECIAL = new Set(['y', 'n', 'yes', 'no', 'true', 'false', 'on', 'off', 'null'])
const MAX_DEPTH = 60

/** A letter-led plain scalar YAML 1.1 does not read as text: a boolean, null, or `e3` (a float with no mantissa). */
const notText = (s: string) => (s.length < 6 && SPECIAL.has(s.toLowerCase())) || /^[eE][-+]?[0-9]+$/.test(s)

const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
const isDigit = (c: number) => c >= 48 && c <= 57
/** A key's characters (and a flow scalar's): letters, digits, `.`, `_`, `/`, `-`. */
const isWordChar = (c: number) => isLetter(c) || isDigit(c) || c === 46 || c === 95 || c === 47 || c === 45
/** A block plain scalar may also hold `:` (not before a space), spaces, `=`, `@`, `+`. */
const isBlockChar = (c: number) => isWordChar(c) || c === 58 || c === 32 || c === 61 || c === 64 || c === 43

interface Line { begin: number; indent: number; start: number; end: number; next: number }

class Reader {
  private pos = 0
  produced = 0

  constructor(private readonly text: string, private readonly lines: Line[]) {}

  private produce(bytes: number): void {
    this.produced += bytes
    if (this.produced > MAX_REQUEST_BYTES) throw GIVE_UP
  }

  done(): boolean {
    return this.pos === this.lines.length
  }

  lastLine(): Line {
    return this.lines[this.pos - 1]
  }

  private isSeqAt(at: number, end: number): boolean {
    return this.text.charCodeAt(at) === 45 && (at + 1 === end || this.text.charCodeAt(at + 1) === 32)
  }

  /** A block collection whose first line is the current one. */
  block(depth: number): Record<string, unknown> | unknown[] {
    if (depth > MAX_DEPTH) throw GIVE_UP
    const line = this.lines[this.pos]
    if (this.isSeqAt(line.start, line.end)) return this.seq(line.indent, depth)
    if (this.keyEnd(line.start, line.end) < 0) throw GIVE_UP
    return this.map(line.indent, line.start, depth)
  }

  /** Where `key:` ends (the colon's offset) when the text at `at` is a simple key followed by `: ` or `:` at the end; else -1. */
  private keyEnd(at: number, end: number): number {
    const text = this.text
    if (!isLetter(text.charCodeAt(at))) return -1
    let i = at + 1
    while (i < end && isWordChar(text.charCodeAt(i))) i++
    if (i >= end || text.charCodeAt(i) !== 58) return -1
    if (i + 1 < end && text.charCodeAt(i + 1) !== 32) return -1
    return i
  }

  private seq(column: number, depth: number): unknown[] {
    const out: unknown[] = []
    const text = this.text
    for (;;) {
      const line = this.lines[this.pos]
      if (!line || line.indent < column) break
      if (line.indent > column) throw GIVE_UP
      if (!this.isSeqAt(line.start, line.end)) break
      let v = line.start + 1
      while (v < line.end && text.charCodeAt(v) === 32) v++
      if (v === line.end) {
        this.pos++
        const next = this.lines[this.pos]
        if (!next || next.indent <= column) throw GIVE_UP // a null item
        out.push(this.block(depth + 1))
      } else if (this.isSeqAt(v, line.end)) {
        throw GIVE_UP
      } else if (this.keyEnd(v, line.end) >= 0) {
        out.push(this.map(v - line.begin, v, depth + 1))
      } else {
        out.push(this.inline(v, line.end, depth + 1))
        this.pos++
        const next = this.lines[this.pos]
        if (next && next.indent > column) throw GIVE_UP // a continuation line
      }
    }
    this.produce(2 + out.length)
    return out
  }

  /** A block map at `column`; its first key starts at `first` (mid-line after `- `, or the line's start). */
  private map(column: number, first: number, depth: number): Record<string, unknown> {
    const out: Record<string, unknown> = {}
    const text = this.text
    let pairs = 0
    let at = first
    for (;;) {
      const line = this.lines[this.pos]
      const colon = this.keyEnd(at, line.end)
      if (colon < 0) throw GIVE_UP
      const key = text.slice(at, colon)
      if (key === '__proto__' || notText(key) || Object.prototype.hasOwnProperty.call(out, key)) throw GIVE_UP
      this.produce(key.length + 4)
      pairs++
      let v = colon + 1
      while (v < line.end && text.charCodeAt(v) === 32) v++
      if (v === line.end) {
        this.pos++
        const next = this.lines[this.pos]
        if (next && next.indent > column) out[key] = this.block(depth + 1)
        else if (next && next.indent === column && this.isSeqAt(next.start, next.end)) out[key] = this.seq(column, depth + 1)
        else throw GIVE_UP // a null value
      } else {
        out[key] = this.inline(v, line.end, depth + 1)
        this.pos++
        const next = this.lines[this.pos]
        if (next && next.indent > column) throw GIVE_UP
      }
      const next = this.lines[this.pos]
      if (!next || next.indent < column) break
      if (next.indent > column) throw GIVE_UP
      if (this.isSeqAt(next.start, next.end)) break // the parent sequence's next item (or an error the library words)
      at = next.start
    }
    this.produce(2 + pairs)
    return out
  }

  /** A value that fills the rest of a line: a flow collection, a quoted or a plain scalar. */
  private inline(at: number, end: number, depth: number): unknown {
    const c = this.text.charCodeAt(at)
    if (c === 123 || c === 91 || c === 34 || c === 39) {
      const r = this.flow(at, end, depth)
      if (r.at !== end) throw GIVE_UP
      return r.value
    }
    const text = this.text
    for (let i = at; i < end; i++) {
      const d = text.charCodeAt(i)
      if (!isBlockChar(d) || (d === 58 && (i + 1 === end || text.charCodeAt(i + 1) === 32))) throw GIVE_UP
    }
    return this.scalar(text.slice(at, end))
  }

  /** A plain scalar: `true`, `false`, a letter- or slash-led string that is no other 1.1 boolean or null, or a decimal integer of up to 15 digits. */
  private scalar(s: string): string | number | boolean {
    const c = s.charCodeAt(0)
    if (isLetter(c) || c === 47) {
      if (s === 'true' || s === 'false') {
        this.produce(8)
        return s === 'true'
      }
      if (notText(s)) throw GIVE_UP
      this.produce(s.length + 3)
      return s
    }
    if (s === '0' || (c >= 49 && c <= 57 && s.length <= 15 && /^[0-9]+$/.test(s))) {
      this.produce(8)
      return Number(s)
    }
    throw GIVE_UP
  }

  private skipSpaces(at: number, end: number): number {
    while (at < end && this.text.charCodeAt(at) === 32) at++
    return at
  }

  /** A flow value starting at `at` (on one line): returns it and where it ends. */
  private flow(at: number, end: number, depth: number): { value: unknown; at: number } {
    if (depth > MAX_DEPTH) throw GIVE_UP
    const text = this.text
    const c = text.charCodeAt(at)
    if (c === 34 || c === 39) {
      let i = at + 1
      for (; i < end; i++) {
        const d = text.charCodeAt(i)
        if (d === c) break
        if (d < 32 || d > 126 || d === 92) throw GIVE_UP
      }
      if (i >= end) throw GIVE_UP
      const s = text.slice(at + 1, i)
      this.produce(s.length + 3)
      return { value: s, at: i + 1 }
    }
    if (c === 123) {
      const out: Record<string, unknown> = {}
      let pairs = 0
      let i = this.skipSpaces(at + 1, end)
      if (text.charCodeAt(i) === 125) i++
      else {
        for (;;) {
          const k = i
          if (!isLetter(text.charCodeAt(i))) throw GIVE_UP
          while (i < end && isWordChar(text.charCodeAt(i))) i++
          if (text.charCodeAt(i) !== 58 || text.charCodeAt(i + 1) !== 32) throw GIVE_UP
          const key = text.slice(k, i)
          if (key === '__proto__' || notText(key) || Object.prototype.hasOwnProperty.call(out, key)) throw GIVE_UP
          this.produce(key.length + 4)
          pairs++
          const r = this.flow(this.skipSpaces(i + 1, end), end, depth + 1)
          out[key] = r.value
          i = this.skipSpaces(r.at, end)
          const d = text.charCodeAt(i)
          if (d === 125) { i++; break }
          if (d !== 44) throw GIVE_UP
          i = this.skipSpaces(i + 1, end)
        }
      }
      this.produce(2 + pairs)
      return { value: out, at: this.skipSpaces(i, end) }
    }
    if (c === 91) {
      const out: unknown[] = []
      let i = this.skipSpaces(at + 1, end)
      if (text.charCodeAt(i) === 93) i++
      else {
        for (;;) {
          const r = this.flow(i, end, depth + 1)
          out.push(r.value)
          i = this.skipSpaces(r.at, end)
          const d = text.charCodeAt(i)
          if (d === 93) { i++; break }
          if (d !== 44) throw GIVE_UP
          i = this.skipSpaces(i + 1, end)
        }
      }
      this.produce(2 + out.length)
      return { value: out, at: this.skipSpaces(i, end) }
    }
    let i = at
    while (i < end && isWordChar(text.charCodeAt(i))) i++
    if (i === at) throw GIVE_UP
    return { value: this.scalar(text.slice(at, i)), at: i }
  }
}

/** The document's lines with content (blank and whole-line comment lines left out), or undefined to give up. */
function contentLines(text: string): Line[] | undefined {
  const lines: Line[] = []
  let begin = 0
  let commentAfter = false
  while (begin < text.length) {
    let nl = text.indexOf('\n', begin)
    if (nl < 0) nl = text.length
    let start = begin
    while (start < nl && text.charCodeAt(start) === 32) start++
    let end = nl
    while (end > start && text.charCodeAt(end - 1) === 32) end--
    if (start < end && text.charCodeAt(start) !== 35) {
      for (let i = start; i < end; i++) if (text.charCodeAt(i) === 35) return undefined
      lines.push({ begin, indent: start - begin, start, end, next: nl < text.length ? nl + 1 : nl })
      commentAfter = false
    } else if (start < end) commentAfter = true
    begin = nl + 1
  }
  // An indented comment after the last line belongs to the root's range in the yaml library: not worth following.
  return commentAfter ? undefined : lines
}

/** Reads one document (a chunk of splitYamlDocuments) the fast way, or gives up (undefined). */
export function fastYaml(text: string): FastDocument | undefined {
  if (/[\t\r\uFEFF]/.test(text)) return undefined
  const lines = contentLines(text)
  if (!lines?.length) return undefined
  const reader = new Reader(text, lines)
  try {
    const value = reader.block(0)
    if (!reader.done()) return undefined
    return { value, start: lines[0].start, end: reader.lastLine().next }
  } catch (err) {
    if (err === GIVE_UP) return undefined
    throw err
  }
}
